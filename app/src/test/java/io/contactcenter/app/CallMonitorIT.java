package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.app.security.AuditAction;
import io.contactcenter.app.security.AuditLog;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactCompleted;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.WithdrawReason;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.TestUsers;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Listen, whisper and barge on the real Asterisk (ADR 0018), and an agent conferencing a supervisor
 * into their own call (ADR 0029). A SIPp caller in the ACD, an agent's and a supervisor's SIPp
 * phone behind the test trunk; each party's audio is the test's own RTP endpoint ({@link RtpEar})
 * speaking a tone of its own: the caller 600 Hz, the agent 1000 Hz, the supervisor 1400 Hz. Who
 * hears whom is measured in the RTP each endpoint receives.
 */
@ContactCenterIT
@WithSharedAsterisk
class CallMonitorIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  private static final String PASSWORD = "call-monitor-test-password";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double CALLER = 600;
  private static final double AGENT = 1000;
  private static final double SUPERVISOR = 1400;

  /** One second of 20 ms frames. */
  private static final int SECOND = 50;

  @LocalServerPort int port;
  @Autowired AgentDesk desk;
  @Autowired ContactRouting routing;
  @Autowired AgentDirectory agents;
  @Autowired CapturedEvents events;
  @Autowired AuditLog audit;

  private final List<String> loggedIn = new CopyOnWriteArrayList<>();
  private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void logOut() {
    loggedIn.forEach(desk::logOut);
    // A caller of a failed test must not be offered to the next test's agents.
    routing.waiting().stream()
        .filter(w -> w.channel() == ContactChannel.VOICE)
        .forEach(w -> routing.withdraw(w.id(), WithdrawReason.CANCELLED));
    callers.shutdownNow();
  }

  @Test
  void aSupervisorListensWhispersToTheAgentAloneAndBargesInOnALiveCall() throws Exception {
    String supervisor = users().create("SUPERVISOR");
    agents.save(new AgentSettings(supervisor, Map.of(), 0, 0, 0, "supervisor-1@trunk-test"));
    String agent = "monitored-" + UUID.randomUUID().toString().substring(0, 8);
    agents.save(new AgentSettings(agent, Map.of("support", 3), 0, 0, 0, "agent-41@trunk-test"));
    desk.logIn(agent);
    loggedIn.add(agent);

    ContactId contact;
    try (RtpEar caller = new RtpEar("caller");
        RtpEar agentPhone = new RtpEar("agent");
        RtpEar supervisorPhone = new RtpEar("supervisor");
        Sipp.Answering phones =
            Sipp.scenario("uas-answer-media.xml")
                .key("agent_port", Integer.toString(agentPhone.port()))
                .key("supervisor_port", Integer.toString(supervisorPhone.port()))
                .calls(4)
                // How long each supervisor session lasts before the phone hangs up.
                .pause(Duration.ofSeconds(8))
                .timeout(Duration.ofSeconds(210))
                .answerOn(asterisk.ports().trunk())) {
      caller.say(CALLER);
      agentPhone.say(AGENT);
      supervisorPhone.say(SUPERVISOR);
      CompletableFuture<Sipp.Result> call =
          CompletableFuture.supplyAsync(
              () ->
                  Sipp.scenario("acd-caller-media.xml")
                      .service("4200")
                      .key("ear_port", Integer.toString(caller.port()))
                      .pause(Duration.ofSeconds(90))
                      .timeout(Duration.ofSeconds(150))
                      .callAsterisk(asterisk.ports().sip()),
              callers);
      // The caller waits in the ACD first; then the agent gets ready and is offered the call.
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> routing.waiting().stream().anyMatch(w -> w.channel() == ContactChannel.VOICE));
      assertThat(desk.ready(agent).state()).isIn(AgentState.READY, AgentState.ON_CONTACT);
      contact =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      events.ofType(ContactAccepted.class).stream()
                          .filter(a -> a.agentId().equals(agent))
                          .map(ContactAccepted::id)
                          .findFirst()
                          .orElse(null),
                  id -> id != null);
      long talking = RtpEar.now();
      sound().until(() -> agentPhone.framesWith(CALLER, talking) >= SECOND);
      sound().until(() -> caller.framesWith(AGENT, talking) >= SECOND);

      // The wallboard lists the call with its agent: what the supervisor clicks.
      JsonNode board = JSON.readTree(get("/api/v1/supervisor/wallboard", supervisor).body());
      assertThat(board.get("calls").findValuesAsText("contactId")).contains(contact.value());

      // Listen: the supervisor hears both parties; neither hears the supervisor.
      long listen = RtpEar.now();
      HttpResponse<String> listening = monitor(contact, "LISTEN", supervisor);
      assertThat(listening.statusCode()).as(listening.body()).isEqualTo(202);
      assertThat(JSON.readTree(listening.body()).get("agentId").asText()).isEqualTo(agent);
      sound().until(() -> supervisorPhone.framesWith(CALLER, listen) >= SECOND);
      sound().until(() -> supervisorPhone.framesWith(AGENT, listen) >= SECOND);
      long spoken = RtpEar.now();
      sound().until(() -> supervisorPhone.framesSince(spoken) >= 2 * SECOND);
      assertThat(agentPhone.framesWith(SUPERVISOR, listen)).as("agent heard a listener").isZero();
      assertThat(caller.framesWith(SUPERVISOR, listen)).as("caller heard a listener").isZero();
      sound().until(() -> supervisorPhone.quietFor(1000));

      // Whisper: the agent hears the supervisor, the caller (still hearing the agent) does not.
      long whisper = RtpEar.now();
      assertThat(monitor(contact, "WHISPER", supervisor).statusCode()).isEqualTo(202);
      sound().until(() -> agentPhone.framesWith(SUPERVISOR, whisper) >= SECOND);
      sound().until(() -> caller.framesWith(AGENT, whisper) >= 2 * SECOND);
      assertThat(caller.framesWith(SUPERVISOR, whisper)).as("caller heard the whisper").isZero();
      sound().until(() -> supervisorPhone.quietFor(1000));

      // Barge: both hear the supervisor (the same measurement that found nothing above).
      long barge = RtpEar.now();
      assertThat(monitor(contact, "BARGE", supervisor).statusCode()).isEqualTo(202);
      sound().until(() -> caller.framesWith(SUPERVISOR, barge) >= SECOND);
      sound().until(() -> agentPhone.framesWith(SUPERVISOR, barge) >= SECOND);

      Sipp.Result ended = call.get();
      assertThat(ended.succeeded()).as("caller:%n%s", ended.output()).isTrue();
      Sipp.Result answered = phones.await(Duration.ofSeconds(30));
      assertThat(answered.succeeded()).as("phones:%n%s", answered.output()).isTrue();
    }

    // A call that just ended: refused with a reason, and nothing rings.
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                events.ofType(ContactCompleted.class).stream()
                    .anyMatch(c -> c.id().equals(contact)));
    HttpResponse<String> over = monitor(contact, "LISTEN", supervisor);
    assertThat(over.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(over.body()).get("type").asText())
        .isEqualTo("urn:cc:problem:call-not-live");

    // Each use audited: who, which call, how.
    List<AuditLog.Entry> entries =
        audit.list(20, null, supervisor).stream()
            .filter(e -> e.action() == AuditAction.CALL_MONITORED)
            .toList();
    assertThat(entries).hasSize(3);
    assertThat(entries).allSatisfy(e -> assertThat(e.target()).isEqualTo("call:" + contact));
    assertThat(entries)
        .extracting(e -> e.detail().split(" ")[0])
        .containsExactly("BARGE", "WHISPER", "LISTEN");
    assertThat(entries).allSatisfy(e -> assertThat(e.detail()).contains(agent));
  }

  @Test
  void anAgentBringsASupervisorIntoTheirOwnCallAndAllThreeHearEachOther() throws Exception {
    String supervisor = users().create("SUPERVISOR");
    agents.save(new AgentSettings(supervisor, Map.of(), 0, 0, 0, "supervisor-3@trunk-test"));
    String phoneless = users().create("SUPERVISOR");
    String agent = users().create("AGENT");
    agents.save(new AgentSettings(agent, Map.of("support", 3), 0, 0, 0, "agent-43@trunk-test"));
    String otherAgent = users().create("AGENT");
    agents.save(new AgentSettings(otherAgent, Map.of(), 0, 0, 0, "agent-44@trunk-test"));
    desk.logIn(agent);
    loggedIn.add(agent);

    // No call yet: nothing to bring anyone into.
    HttpResponse<String> noCall =
        conference(ContactId.of("voice:1733212345.42"), supervisor, agent);
    assertThat(noCall.statusCode()).as(noCall.body()).isEqualTo(409);
    assertThat(JSON.readTree(noCall.body()).get("type").asText())
        .isEqualTo("urn:cc:problem:call-not-yours");

    ContactId contact;
    try (RtpEar caller = new RtpEar("caller");
        RtpEar agentPhone = new RtpEar("agent");
        RtpEar supervisorPhone = new RtpEar("supervisor");
        Sipp.Answering phones =
            Sipp.scenario("uas-answer-media.xml")
                .key("agent_port", Integer.toString(agentPhone.port()))
                .key("supervisor_port", Integer.toString(supervisorPhone.port()))
                .calls(2)
                .pause(Duration.ofSeconds(8))
                .timeout(Duration.ofSeconds(150))
                .answerOn(asterisk.ports().trunk())) {
      caller.say(CALLER);
      agentPhone.say(AGENT);
      supervisorPhone.say(SUPERVISOR);
      CompletableFuture<Sipp.Result> call =
          CompletableFuture.supplyAsync(
              () ->
                  Sipp.scenario("acd-caller-media.xml")
                      .service("4200")
                      .key("ear_port", Integer.toString(caller.port()))
                      .pause(Duration.ofSeconds(60))
                      .timeout(Duration.ofSeconds(120))
                      .callAsterisk(asterisk.ports().sip()),
              callers);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> routing.waiting().stream().anyMatch(w -> w.channel() == ContactChannel.VOICE));
      assertThat(desk.ready(agent).state()).isIn(AgentState.READY, AgentState.ON_CONTACT);
      contact =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      events.ofType(ContactAccepted.class).stream()
                          .filter(a -> a.agentId().equals(agent))
                          .map(ContactAccepted::id)
                          .findFirst()
                          .orElse(null),
                  id -> id != null);
      long talking = RtpEar.now();
      sound().until(() -> agentPhone.framesWith(CALLER, talking) >= SECOND);

      // Another agent cannot bring anyone into this call; nobody but a supervisor with a phone
      // can be brought in; none of these rings a phone.
      assertThat(conference(contact, supervisor, otherAgent).statusCode()).isEqualTo(409);
      HttpResponse<String> notSupervisor = conference(contact, otherAgent, agent);
      assertThat(notSupervisor.statusCode()).isEqualTo(422);
      assertThat(JSON.readTree(notSupervisor.body()).get("type").asText())
          .isEqualTo("urn:cc:problem:not-a-supervisor");
      HttpResponse<String> noPhone = conference(contact, phoneless, agent);
      assertThat(noPhone.statusCode()).isEqualTo(422);
      assertThat(JSON.readTree(noPhone.body()).get("type").asText())
          .isEqualTo("urn:cc:problem:supervisor-no-phone");
      assertThat(supervisorPhone.framesSince(talking)).as("a phone rang").isZero();

      // The agent brings the supervisor in: all three hear each other.
      long conference = RtpEar.now();
      HttpResponse<String> started = conference(contact, supervisor, agent);
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      assertThat(JSON.readTree(started.body()).get("supervisor").asText()).isEqualTo(supervisor);
      sound().until(() -> caller.framesWith(SUPERVISOR, conference) >= SECOND);
      sound().until(() -> agentPhone.framesWith(SUPERVISOR, conference) >= SECOND);
      sound().until(() -> supervisorPhone.framesWith(CALLER, conference) >= SECOND);
      sound().until(() -> supervisorPhone.framesWith(AGENT, conference) >= SECOND);
      // The caller and the agent still hear each other.
      sound().until(() -> caller.framesWith(AGENT, conference) >= SECOND);

      Sipp.Result ended = call.get();
      assertThat(ended.succeeded()).as("caller:%n%s", ended.output()).isTrue();
      Sipp.Result answered = phones.await(Duration.ofSeconds(30));
      assertThat(answered.succeeded()).as("phones:%n%s", answered.output()).isTrue();
    }

    // Audited once, under the agent: which call, which supervisor.
    List<AuditLog.Entry> entries =
        audit.list(20, null, agent).stream()
            .filter(e -> e.action() == AuditAction.CALL_CONFERENCED)
            .toList();
    assertThat(entries).hasSize(1);
    assertThat(entries.getFirst().target()).isEqualTo("call:" + contact);
    assertThat(entries.getFirst().detail())
        .contains(supervisor)
        .contains("supervisor-3@trunk-test");
  }

  @Test
  void onlyASupervisorWithAPhoneMayJoinAndBadRequestsAreNamed() throws Exception {
    ContactId somebodysCall = ContactId.of("voice:1733212345.42");
    String agent = users().create("AGENT");
    assertThat(monitor(somebodysCall, "LISTEN", agent).statusCode()).isEqualTo(403);
    // Admins watch the wallboard but do not listen in: that is the supervisor's permission.
    HttpResponse<String> admin =
        send(
            "POST",
            "/api/v1/supervisor/calls/" + somebodysCall + "/monitor",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        ("admin:" + ContactCenterIT.ADMIN_PASSWORD)
                            .getBytes(StandardCharsets.UTF_8)),
            "{\"mode\":\"LISTEN\"}");
    assertThat(admin.statusCode()).isEqualTo(403);

    String phoneless = users().create("SUPERVISOR");
    HttpResponse<String> noPhone = monitor(somebodysCall, "LISTEN", phoneless);
    assertThat(noPhone.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(noPhone.body()).get("type").asText())
        .isEqualTo("urn:cc:problem:no-monitor-phone");

    String supervisor = users().create("SUPERVISOR");
    agents.save(new AgentSettings(supervisor, Map.of(), 0, 0, 0, "supervisor-2@trunk-test"));
    HttpResponse<String> badMode = monitor(somebodysCall, "SPY", supervisor);
    assertThat(badMode.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badMode.body()).get("detail").asText()).contains("LISTEN");
    assertThat(monitor(ContactId.of("chat:abc"), "LISTEN", supervisor).statusCode()).isEqualTo(400);
    assertThat(monitor(somebodysCall, "LISTEN", supervisor).statusCode()).isEqualTo(409);
    assertThat(audit.list(20, null, supervisor))
        .noneMatch(e -> e.action() == AuditAction.CALL_MONITORED);

    // A supervisor the admin lets listen but not whisper or barge: the page offers only Listen,
    // the API refuses the other modes naming them, and a refusal rings nothing and audits nothing.
    String listener = users().create("SUPERVISOR");
    agents.save(new AgentSettings(listener, Map.of(), 0, 0, 0, "supervisor-2@trunk-test"));
    HttpResponse<String> granted =
        send(
            "PUT",
            "/api/v1/users/" + listener + "/permissions",
            adminBasic(),
            "{\"permissions\":[\"MONITOR_LISTEN\"]}");
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    assertThat(JSON.readTree(granted.body()).get("permissions").toString())
        .isEqualTo("[\"MONITOR_LISTEN\"]");
    assertThat(audit.list(5, null, listener))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo(AuditAction.USER_PERMISSIONS_CHANGED);
              assertThat(e.detail()).endsWith("-> [MONITOR_LISTEN]");
            });
    HttpResponse<String> page =
        send("GET", "/supervisor/wallboard", basic(listener), null, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-mode=\"LISTEN\"")
        .doesNotContain("data-mode=\"WHISPER\"")
        .doesNotContain("data-mode=\"BARGE\"");
    for (String mode : List.of("BARGE", "WHISPER")) {
      HttpResponse<String> refused = monitor(somebodysCall, mode, listener);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      JsonNode problem = JSON.readTree(refused.body());
      assertThat(problem.get("type").asText())
          .isEqualTo("urn:cc:problem:monitor-mode-not-permitted");
      assertThat(problem.get("mode").asText()).isEqualTo(mode);
    }
    // Listening passes the permission check and meets the rule after it: the call is not live.
    assertThat(monitor(somebodysCall, "LISTEN", listener).statusCode()).isEqualTo(409);
    assertThat(audit.list(20, null, listener))
        .noneMatch(e -> e.action() == AuditAction.CALL_MONITORED);
  }

  // ---- helpers ----

  private static ConditionFactory sound() {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100));
  }

  private HttpResponse<String> monitor(ContactId contact, String mode, String user)
      throws Exception {
    return send(
        "POST",
        "/api/v1/supervisor/calls/" + contact.value() + "/monitor",
        basic(user),
        "{\"mode\":\"" + mode + "\"}");
  }

  private HttpResponse<String> conference(ContactId contact, String supervisor, String agent)
      throws Exception {
    return send(
        "POST",
        "/agent/api/calls/" + contact.value() + "/conference",
        basic(agent),
        "{\"supervisor\":\"" + supervisor + "\"}");
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return send("GET", path, basic(user), null);
  }

  private HttpResponse<String> send(String method, String path, String auth, String body)
      throws Exception {
    return send(method, path, auth, body, "application/json");
  }

  private HttpResponse<String> send(
      String method, String path, String auth, String body, String accept) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept)
                .header("Content-Type", "application/json")
                .header("Authorization", auth)
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String adminBasic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                ("admin:" + ContactCenterIT.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** This test's people: accounts through the admin API, sign-in through the form. */
  private TestUsers users() {
    return new TestUsers(port, PASSWORD);
  }
}

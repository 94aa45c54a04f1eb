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
import io.contactcenter.routing.ContactReports;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.ContactTransferred;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attended transfer with real calls (ADR 0044): a SIPp caller in the ACD on the real Asterisk
 * ({@code [acd-test]} 4200, queue support) is answered by the first agent's SIPp phone (behind the
 * test trunk); the first agent consults a second agent through the agent API, whose SIPp phone
 * answers: Asterisk's attended transfer holds the caller while the two agents' legs are bridged.
 * Then the first agent completes (the caller is bridged with the second agent's phone, the first
 * agent is in wrap-up, the reports count the transfer) or cancels (the first agent and the caller
 * are bridged again, the second agent is free).
 */
@ContactCenterIT
@WithSharedAsterisk
class AttendedTransferIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  private static final String PASSWORD = "attended-transfer-test-password";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired AgentDesk desk;
  @Autowired ContactRouting routing;
  @Autowired AgentDirectory agents;
  @Autowired CapturedEvents events;
  @Autowired AuditLog audit;
  @Autowired ContactReports reports;

  private final List<String> loggedIn = new CopyOnWriteArrayList<>();
  private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void logOut() {
    loggedIn.forEach(desk::logOut);
    routing.waiting().stream()
        .filter(w -> w.channel() == ContactChannel.VOICE)
        .forEach(w -> routing.withdraw(w.id(), WithdrawReason.CANCELLED));
    callers.shutdownNow();
  }

  @Test
  void theFirstAgentConsultsASecondAndCompletesTheCallerIsWithTheSecondAndTheReportsCountIt()
      throws Exception {
    TestUsers users = new TestUsers(port, PASSWORD);
    String first = users.create("AGENT");
    agents.save(new AgentSettings(first, Map.of("support", 3), 0, 0, 120, "agent-81@trunk-test"));
    String second = users.create("AGENT");
    agents.save(new AgentSettings(second, Map.of("orders", 3), 0, 0, 0, "agent-82@trunk-test"));
    Instant from = Instant.now().minus(Duration.ofHours(1));
    Instant to = Instant.now().plus(Duration.ofHours(1));

    try (Sipp.Answering phones = Sipp.phonesBehindTrunk(asterisk, 2, null)) {
      desk.logIn(first);
      loggedIn.add(first);
      CompletableFuture<Sipp.Result> caller = callIn(Duration.ofSeconds(40));
      ContactId call = answeredBy(first);
      String callerId = call.value().substring("voice:".length());

      // Refused, nothing changes: the second agent is not logged in, is not the call's agent, and
      // there is no consult to complete.
      HttpResponse<String> notFree = post(call, "/consult", first, agentBody(second), "zh-CN");
      assertThat(notFree.statusCode()).as(notFree.body()).isEqualTo(409);
      JsonNode problem = JSON.readTree(notFree.body());
      assertThat(problem.get("type").asText()).isEqualTo("urn:cc:problem:consult-refused");
      assertThat(problem.get("reason").asText()).isEqualTo("agent-not-free");
      assertThat(problem.get("detail").asText()).contains("坐席");
      desk.logIn(second);
      loggedIn.add(second);
      desk.ready(second);
      HttpResponse<String> notYours = post(call, "/consult", second, agentBody(first), "en");
      assertThat(notYours.statusCode()).isEqualTo(409);
      assertThat(JSON.readTree(notYours.body()).get("type").asText())
          .isEqualTo("urn:cc:problem:call-not-yours");
      HttpResponse<String> nothing = post(call, "/consult/complete", first, "", "en");
      assertThat(nothing.statusCode()).isEqualTo(409);
      assertThat(JSON.readTree(nothing.body()).get("reason").asText()).isEqualTo("no-consult");
      assertThat(post(call, "/consult", first, "{}", "en").statusCode()).isEqualTo(400);

      // The consult: the second agent is reserved, their phone answers, the agents talk while
      // the caller is held.
      HttpResponse<String> consulted = post(call, "/consult", first, agentBody(second), "en");
      assertThat(consulted.statusCode()).as(consulted.body()).isEqualTo(200);
      assertThat(desk.status(second).state()).isEqualTo(AgentState.ON_CONTACT);
      ConsultLegs legs = awaitConsultLegUp(callerId);

      HttpResponse<String> completed = completeWhenConnected(call, first);
      assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
      assertThat(JSON.readTree(completed.body()).get("state").asText()).isEqualTo("WRAP_UP");

      // Routing moved the call: announced with the second agent, who holds it now.
      ContactTransferred fact =
          events.ofType(ContactTransferred.class).stream()
              .filter(t -> t.id().equals(call))
              .findFirst()
              .orElseThrow();
      assertThat(fact.agentId()).isEqualTo(first);
      assertThat(fact.toAgent()).isEqualTo(second);
      assertThat(fact.fromQueue()).isEqualTo("support");
      assertThat(fact.toQueue()).isEqualTo("support");
      assertThat(desk.status(second).state()).isEqualTo(AgentState.ON_CONTACT);
      assertThat(desk.status(second).open()).extracting(o -> o.id()).containsExactly(call);
      assertThat(desk.status(first).open()).isEmpty();

      // In Asterisk: the first agent's channel is gone, the caller is bridged with the consult
      // leg whose other half is bridged with the second agent's phone. (The shared Asterisk may
      // hold other classes' calls: every channel is found from this call's caller.)
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                List<String[]> channels = channels();
                String callerName = named(channels, c -> c[13].equals(callerId));
                assertThat(channels).noneMatch(c -> isAgentOf(c, callerName));
                assertThat(bridgeOf(channels, c -> c[13].equals(callerId)))
                    .isEqualTo(bridgeOf(channels, c -> c[0].equals(legs.leg() + ";1")));
                assertThat(bridgeOf(channels, c -> c[0].equals(legs.consulted())))
                    .isEqualTo(bridgeOf(channels, c -> c[0].equals(legs.leg() + ";2")));
              });

      // The caller hangs up: the second agent's part completes.
      Sipp.Result ended = caller.get();
      assertThat(ended.succeeded()).as("caller:%n%s", ended.output()).isTrue();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  events.ofType(ContactCompleted.class).stream()
                      .anyMatch(c -> c.id().equals(call) && c.agentId().equals(second)));
      Sipp.Result answered = phones.await(Duration.ofSeconds(30));
      assertThat(answered.succeeded()).as("phones:%n%s", answered.output()).isTrue();
    }

    List<ContactReports.AgentFigures> byAgent = reports.agents(from, to);
    assertThat(byAgent)
        .filteredOn(a -> a.agentId().equals(first))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.handled()).isEqualTo(1);
              assertThat(a.transfersOut()).isEqualTo(1);
              assertThat(a.transfersIn()).isZero();
            });
    assertThat(byAgent)
        .filteredOn(a -> a.agentId().equals(second))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.handled()).isEqualTo(1);
              assertThat(a.completed()).isEqualTo(1);
              assertThat(a.transfersIn()).isEqualTo(1);
              assertThat(a.transfersOut()).isZero();
            });
    assertThat(audit.list(20, null, first))
        .extracting(e -> e.action())
        .contains(AuditAction.CALL_CONSULTED, AuditAction.CALL_TRANSFERRED);
  }

  @Test
  void theFirstAgentConsultsASecondAndCancelsBackWithTheCallerTheSecondIsFree() throws Exception {
    TestUsers users = new TestUsers(port, PASSWORD);
    String first = users.create("AGENT");
    agents.save(new AgentSettings(first, Map.of("support", 3), 0, 0, 0, "agent-83@trunk-test"));
    String second = users.create("AGENT");
    agents.save(new AgentSettings(second, Map.of("orders", 3), 0, 0, 0, "agent-84@trunk-test"));

    try (Sipp.Answering phones = Sipp.phonesBehindTrunk(asterisk, 2, null)) {
      desk.logIn(first);
      loggedIn.add(first);
      CompletableFuture<Sipp.Result> caller = callIn(Duration.ofSeconds(30));
      ContactId call = answeredBy(first);
      String callerId = call.value().substring("voice:".length());
      desk.logIn(second);
      loggedIn.add(second);
      desk.ready(second);

      HttpResponse<String> consulted = post(call, "/consult", first, agentBody(second), "en");
      assertThat(consulted.statusCode()).as(consulted.body()).isEqualTo(200);
      ConsultLegs legs = awaitConsultLegUp(callerId);

      HttpResponse<String> cancelled = post(call, "/consult/cancel", first, "", "en");
      assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
      assertThat(JSON.readTree(cancelled.body()).get("state").asText()).isEqualTo("ON_CONTACT");

      // Routing changed nothing but the second agent's reservation.
      assertThat(desk.status(second).state()).isEqualTo(AgentState.READY);
      assertThat(desk.status(first).open()).extracting(o -> o.id()).containsExactly(call);
      assertThat(events.ofType(ContactTransferred.class)).noneMatch(t -> t.id().equals(call));
      assertThat(post(call, "/consult/complete", first, "", "en").statusCode()).isEqualTo(409);

      // In Asterisk: the consult leg and the second phone are gone, the first agent's channel is
      // bridged with the caller again.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                List<String[]> channels = channels();
                assertThat(channels)
                    .noneMatch(
                        c -> c[0].startsWith(legs.leg() + ";") || c[0].equals(legs.consulted()));
                String callerName = named(channels, c -> c[13].equals(callerId));
                assertThat(bridgeOf(channels, c -> isAgentOf(c, callerName)))
                    .isEqualTo(bridgeOf(channels, c -> c[13].equals(callerId)));
              });

      // The caller hangs up: the first agent's call ends as any call does.
      Sipp.Result ended = caller.get();
      assertThat(ended.succeeded()).as("caller:%n%s", ended.output()).isTrue();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  events.ofType(ContactCompleted.class).stream()
                      .anyMatch(c -> c.id().equals(call) && c.agentId().equals(first)));
      Sipp.Result answered = phones.await(Duration.ofSeconds(30));
      assertThat(answered.succeeded()).as("phones:%n%s", answered.output()).isTrue();
    }
    assertThat(audit.list(20, null, first))
        .filteredOn(e -> e.action() == AuditAction.CALL_CONSULTED)
        .extracting(e -> e.detail())
        .contains("cancelled");
  }

  // ---- helpers ----

  private CompletableFuture<Sipp.Result> callIn(Duration holds) {
    return CompletableFuture.supplyAsync(
        () ->
            Sipp.scenario("acd-caller.xml")
                .service("4200")
                .pause(holds)
                .timeout(Duration.ofSeconds(90))
                .callAsterisk(asterisk.ports().sip()),
        callers);
  }

  /**
   * The first agent (logged in before the call: [cc-acd] turns callers of an unstaffed queue away)
   * gets ready and their phone answers the waiting caller.
   */
  private ContactId answeredBy(String agent) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> routing.waiting().stream().anyMatch(w -> w.channel() == ContactChannel.VOICE));
    desk.ready(agent);
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                events.ofType(ContactAccepted.class).stream()
                    .filter(a -> a.agentId().equals(agent))
                    .map(ContactAccepted::id)
                    .findFirst()
                    .orElse(null),
            id -> id != null);
  }

  /**
   * The consult's Local channel (name without ";1"/";2") and the consulted agent's channel, once
   * the first agent's channel (running [cc-acd-agent] for this caller) is bridged with the consult
   * leg's ";1" half (the caller is held) and its ";2" half with the consulted phone.
   */
  private record ConsultLegs(String leg, String consulted) {}

  private ConsultLegs awaitConsultLegUp(String callerId) {
    AtomicReference<ConsultLegs> found = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              List<String[]> channels = channels();
              String callerName = named(channels, c -> c[13].equals(callerId));
              String agentBridge = bridgeOf(channels, c -> isAgentOf(c, callerName));
              assertThat(agentBridge).isNotEqualTo(bridgeOf(channels, c -> c[13].equals(callerId)));
              String one =
                  named(
                      channels,
                      c ->
                          c[0].startsWith("Local/1@cc-acd-consult-")
                              && c[0].endsWith(";1")
                              && c[12].equals(agentBridge));
              String leg = one.substring(0, one.length() - 2);
              String legBridge = bridgeOf(channels, c -> c[0].equals(leg + ";2"));
              String consulted =
                  named(
                      channels,
                      c -> c[1].equals("cc-acd-consult-agent") && c[12].equals(legBridge));
              found.set(new ConsultLegs(leg, consulted));
            });
    return found.get();
  }

  /** Whether the channel is the agent's leg of this caller's call ([cc-acd-agent]'s Bridge). */
  private static boolean isAgentOf(String[] channel, String callerName) {
    return channel[1].equals("cc-acd-agent")
        && (channel[6].equals(callerName) || channel[6].startsWith(callerName + ","));
  }

  private static String named(
      List<String[]> channels, java.util.function.Predicate<String[]> which) {
    Optional<String[]> channel = channels.stream().filter(which).findFirst();
    assertThat(channel).as("channel in %s", channels.stream().map(c -> c[0]).toList()).isPresent();
    return channel.get()[0];
  }

  /** Completes once Asterisk has the consult leg up (until then: 409 not-connected). */
  private HttpResponse<String> completeWhenConnected(ContactId call, String agent) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              HttpResponse<String> r = post(call, "/consult/complete", agent, "", "en");
              if (r.statusCode() == 409
                  && JSON.readTree(r.body()).path("reason").asText().equals("not-connected")) {
                return null;
              }
              return r;
            },
            r -> r != null);
  }

  /**
   * Asterisk's channels, concise: 0 name, 1 context, 6 application data, 12 bridge id, 13 unique
   * id.
   */
  private static List<String[]> channels() {
    return Arrays.stream(asterisk.cli("core show channels concise").split("\n"))
        .map(String::trim)
        .filter(l -> l.contains("!"))
        .map(l -> l.split("!", -1))
        .filter(c -> c.length >= 14)
        .toList();
  }

  private static String bridgeOf(
      List<String[]> channels, java.util.function.Predicate<String[]> which) {
    Optional<String[]> channel = channels.stream().filter(which).findFirst();
    assertThat(channel).as("channel in %s", channels.stream().map(c -> c[0]).toList()).isPresent();
    assertThat(channel.get()[12]).as("bridged: %s", String.join("!", channel.get())).isNotEmpty();
    return channel.get()[12];
  }

  private static String agentBody(String agent) {
    return "{\"agent\":\"" + agent + "\"}";
  }

  private HttpResponse<String> post(
      ContactId call, String action, String user, String body, String language) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + port + "/agent/api/calls/" + call.value() + action))
                .header("Accept", "application/json")
                .header("Accept-Language", language)
                .header("Content-Type", "application/json")
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}

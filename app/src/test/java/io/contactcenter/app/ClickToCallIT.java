package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.app.security.AuditAction;
import io.contactcenter.app.security.AuditLog;
import io.contactcenter.campaigns.DoNotCallList;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.pbx.AgentPhoneAnswered;
import io.contactcenter.pbx.AgentPhones;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.ClickToCall;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Click-to-call on the real Asterisk (ADR 0034): an agent's request over the agent API rings the
 * agent's own phone (a SIPp phone behind the test trunk, {@code agent-71}), its answer dials the
 * customer's number through the trunk (the same SIPp line answers it), and the call is in the audit
 * log with the number masked. A number on the do-not-call list, a bad number and a user who is no
 * agent ring nothing.
 */
@ContactCenterIT
@WithSharedAsterisk
class ClickToCallIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  private static final String PASSWORD = "click-to-call-test-password";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired AgentDesk desk;
  @Autowired AgentDirectory agents;
  @Autowired AuditLog audit;
  @Autowired DoNotCallList doNotCall;
  @Autowired CapturedEvents events;

  private final List<String> loggedIn = new CopyOnWriteArrayList<>();

  @AfterEach
  void logOut() {
    loggedIn.forEach(desk::logOut);
  }

  @Test
  void anAgentsClickRingsTheirPhoneThenDialsTheCustomerAndIsAudited() throws Exception {
    String agent = agent("71");
    desk.ready(agent);
    String number = "+8613800138711"; // ends in 1: the customer's phone answers
    Path trace = Files.createTempFile("click-to-call", ".log");
    try (Sipp.Answering phones = Sipp.phonesBehindTrunk(asterisk, 2, trace)) {
      HttpResponse<String> placed =
          call(agent, "{\"number\":\"" + number + "\",\"ticketId\":\"T-7\"}");
      assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
      JsonNode body = JSON.readTree(placed.body());
      String callId = body.get("callId").asText();
      assertThat(body.get("number").asText()).isEqualTo("+861********11");

      // The agent's phone rang first and answered; only then was the customer dialled.
      String ringId = callId.substring(AgentPhones.callIdOf("").length());
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  events.ofType(AgentPhoneAnswered.class).stream()
                      .anyMatch(a -> a.ringId().equals(ringId)));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> Sipp.invitesReceived(trace).values(),
              dialled -> dialled.contains("agent-71") && dialled.contains(number.substring(1)));
      assertThat(Sipp.invitesReceived(trace).values())
          .containsExactlyInAnyOrder("agent-71", number.substring(1));

      // Set not ready for the call, so the ACD offers the agent nothing meanwhile.
      assertThat(desk.status(agent).state()).isEqualTo(AgentState.NOT_READY);
      assertThat(desk.status(agent).reason()).isEqualTo(ClickToCall.NOT_READY_REASON);

      List<AuditLog.Entry> entries =
          audit.list(20, null, agent).stream()
              .filter(e -> e.action() == AuditAction.CLICK_TO_CALL)
              .toList();
      assertThat(entries).hasSize(1);
      assertThat(entries.getFirst().target()).isEqualTo("call:" + callId);
      assertThat(entries.getFirst().detail())
          .contains("+861********11", "agent-71@trunk-test", "ticket T-7")
          .doesNotContain(number.substring(1));
      phones.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void aNumberOnTheDoNotCallListABadNumberAndAnotherRoleRingNothing() throws Exception {
    String agent = agent("72");
    String listed = "+8613800138721";
    doNotCall.add(PhoneNumber.parse(listed), "ops:click-to-call-test");
    Path trace = Files.createTempFile("click-to-call-refused", ".log");
    try (Sipp.Answering phones = Sipp.phonesBehindTrunk(asterisk, 1, trace)) {
      HttpResponse<String> refused = call(agent, "{\"number\":\"" + listed + "\"}");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
      assertThat(JSON.readTree(refused.body()).get("type").asText())
          .isEqualTo("urn:cc:problem:do-not-call");

      HttpResponse<String> bad = call(agent, "{\"number\":\"13800138721\"}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("number");
      assertThat(JSON.readTree(bad.body()).get("type").asText())
          .isEqualTo("urn:cc:problem:invalid-number");

      String qa = users().create("QA");
      assertThat(call(qa, "{\"number\":\"+8613800138722\"}").statusCode()).isEqualTo(403);

      // Nothing rang: no INVITE reached the trunk in the time a ring would take.
      Thread.sleep(3000);
      assertThat(Sipp.invitesReceived(trace)).isEmpty();
      phones.stop(Duration.ofSeconds(5));
    }
    List<AuditLog.Entry> entries =
        audit.list(20, null, agent).stream()
            .filter(e -> e.action() == AuditAction.CLICK_TO_CALL)
            .toList();
    assertThat(entries)
        .extracting(AuditLog.Entry::detail)
        .containsExactlyInAnyOrder(
            "to +861********21 refused: do_not_call", "refused: not a valid number");
  }

  // ---- helpers ----

  private String agent(String phoneSuffix) throws Exception {
    String agent = users().create("AGENT");
    agents.save(
        new AgentSettings(
            agent, Map.of("support", 3), 0, 0, 0, "agent-" + phoneSuffix + "@trunk-test"));
    desk.logIn(agent);
    loggedIn.add(agent);
    return agent;
  }

  private HttpResponse<String> call(String user, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/agent/api/calls"))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", basic(user))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private TestUsers users() {
    return new TestUsers(port, PASSWORD);
  }
}

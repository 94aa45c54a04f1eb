package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.CallbackAttempted;
import io.contactcenter.routing.CallbackGivenUp;
import io.contactcenter.routing.CallbackOutcome;
import io.contactcenter.routing.CallbackRequested;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.NewContact;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.TopicWatch;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Callbacks whose customer does not answer, on the real Asterisk: the agent's phone (a SIPp phone
 * behind the test trunk that answers) rings, answering it dials the customer (a number ending in 0:
 * rings, never answers); the attempt ends unanswered, the callback is tried again after the retry
 * interval and given up after the last attempt, with the reason stored and the events on Kafka. An
 * attempt a stopped instance left in progress is counted and never repeated at once. The shared
 * test context sets 2 attempts, 3 s between them and 4 s of ringing the customer.
 */
@ContactCenterIT
@WithSharedAsterisk
class CallbackRetryIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  @Autowired ContactRouting routing;
  @Autowired AgentDesk desk;
  @Autowired AgentDirectory agents;
  @Autowired CapturedEvents events;
  @Autowired JdbcClient jdbc;

  private final List<String> loggedIn = new java.util.concurrent.CopyOnWriteArrayList<>();

  @AfterEach
  void logOut() {
    loggedIn.forEach(desk::logOut);
  }

  @Test
  void aCallbackTheCustomerDoesNotAnswerIsTriedAgainThenGivenUpWithTheReason() throws Exception {
    String agent = agent("61");
    String number = "+8613800138610"; // ends in 0: the customer's phone rings, nobody answers
    ContactId id = routing.enqueue(callback());
    assertThat(routing.requestCallback(id, PhoneNumber.parse(number))).isTrue();

    Path trace = Files.createTempFile("callback-retry", ".log");
    try (TopicWatch kafka = TopicWatch.of("cc.callbacks.attempted.v1", "cc.callbacks.given-up.v1");
        Sipp.Answering phones = Sipp.phonesBehindTrunk(asterisk, 4, trace)) {
      desk.ready(agent);

      CallbackGivenUp givenUp =
          await()
              .atMost(Duration.ofSeconds(90))
              .until(
                  () ->
                      events.ofType(CallbackGivenUp.class).stream()
                          .filter(g -> g.id().equals(id))
                          .findFirst()
                          .orElse(null),
                  g -> g != null);
      assertThat(givenUp.reason()).isEqualTo("attempts-exhausted");
      assertThat(givenUp.attempts()).isEqualTo(2);
      assertThat(events.ofType(CallbackRequested.class)).anyMatch(r -> r.id().equals(id));

      List<CallbackAttempted> attempts = attemptsOf(id);
      assertThat(attempts)
          .extracting(CallbackAttempted::attempt, CallbackAttempted::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, CallbackOutcome.NO_ANSWER),
              org.assertj.core.groups.Tuple.tuple(2, CallbackOutcome.NO_ANSWER));
      assertThat(attempts).allSatisfy(a -> assertThat(a.agentId()).isEqualTo(agent));
      assertThat(attempts.get(0).nextAttemptAt()).isNotNull();
      assertThat(attempts.get(1).nextAttemptAt()).isNull();

      // The customer was called once per attempt, the second time not before the interval.
      assertThat(Sipp.invitesReceived(trace).values())
          .filteredOn(number.substring(1)::equals)
          .hasSize(2);
      List<Map<String, Object>> rows =
          jdbc.sql(
                  "SELECT attempt_no, outcome, started_at, ended_at FROM routing_callback_attempt"
                      + " WHERE contact_id = ? ORDER BY attempt_no")
              .param(id.value())
              .query()
              .listOfRows();
      assertThat(rows).extracting(r -> r.get("outcome")).containsExactly("NO_ANSWER", "NO_ANSWER");
      Instant firstEnded = ((Timestamp) rows.get(0).get("ended_at")).toInstant();
      Instant secondStarted = ((Timestamp) rows.get(1).get("started_at")).toInstant();
      assertThat(Duration.between(firstEnded, secondStarted))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
      assertThat(
              jdbc.sql(
                      "SELECT state || ' ' || callback_result || ' ' || callback_attempts"
                          + " FROM routing_contact WHERE id = ?")
                  .param(id.value())
                  .query(String.class)
                  .single())
          .isEqualTo("CANCELLED attempts-exhausted 2");
      assertThat(routing.waiting()).extracting(w -> w.id()).doesNotContain(id);

      // Other processes learn it from the versioned topics.
      JsonNode onKafka = kafka.awaitRecord(id.value(), "cc.callbacks.given-up.v1");
      assertThat(onKafka.get("reason").asText()).isEqualTo("attempts-exhausted");
      assertThat(onKafka.get("attempts").asInt()).isEqualTo(2);
      phones.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void anAttemptAStoppedInstanceLeftInProgressCountsAndIsNotRepeatedAtOnce() throws Exception {
    String agent = agent("62");
    String number = "+8613800138620";
    // What an instance that died while the agent's phone rang for attempt 1 left behind: the
    // callback offered, its ring stored, no channel of that ring in Asterisk.
    String reference = "cb-dead-" + UUID.randomUUID();
    ContactId id = ContactId.of(ContactChannel.VOICE, reference);
    jdbc.sql(
            "INSERT INTO routing_contact (id, channel, reference, queue_id, priority, customer,"
                + " state, agent_id, enqueued_at, offered_at, callback_number, callback_ring_id)"
                + " VALUES (?, 'VOICE', ?, 'support', 0, ?, 'OFFERED', 'a-dead-instances-agent',"
                + " now() - interval '2 minutes', now() - interval '10 seconds', ?, ?)")
        .params(id.value(), reference, number, number, "dead-" + UUID.randomUUID())
        .update();

    Path trace = Files.createTempFile("callback-recovery", ".log");
    try (Sipp.Answering phones = Sipp.phonesBehindTrunk(asterisk, 2, trace)) {
      desk.ready(agent);

      CallbackGivenUp givenUp =
          await()
              .atMost(Duration.ofSeconds(90))
              .until(
                  () ->
                      events.ofType(CallbackGivenUp.class).stream()
                          .filter(g -> g.id().equals(id))
                          .findFirst()
                          .orElse(null),
                  g -> g != null);
      assertThat(givenUp.attempts()).isEqualTo(2);
      assertThat(attemptsOf(id))
          .extracting(
              CallbackAttempted::attempt, CallbackAttempted::outcome, CallbackAttempted::agentId)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  1, CallbackOutcome.INTERRUPTED, "a-dead-instances-agent"),
              org.assertj.core.groups.Tuple.tuple(2, CallbackOutcome.NO_ANSWER, agent));
      // The interrupted attempt was not dialed again: the customer's phone rang once, for attempt
      // 2.
      assertThat(Sipp.invitesReceived(trace).values())
          .filteredOn(number.substring(1)::equals)
          .hasSize(1);
      phones.stop(Duration.ofSeconds(5));
    }
  }

  private static NewContact callback() {
    return new NewContact(ContactChannel.VOICE, "cb-" + UUID.randomUUID(), "support", false, "");
  }

  private List<CallbackAttempted> attemptsOf(ContactId id) {
    return events.ofType(CallbackAttempted.class).stream().filter(a -> a.id().equals(id)).toList();
  }

  private String agent(String phoneSuffix) {
    String agent = "cb-" + phoneSuffix + "-" + UUID.randomUUID().toString().substring(0, 6);
    agents.save(
        new AgentSettings(
            agent, Map.of("support", 3), 0, 0, 0, "agent-" + phoneSuffix + "@trunk-test"));
    desk.logIn(agent);
    loggedIn.add(agent);
    return agent;
  }
}

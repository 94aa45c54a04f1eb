package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
import io.contactcenter.routing.ContactOffered;
import io.contactcenter.routing.ContactQueued;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transfer to a queue with real calls (ADR 0041): a SIPp caller in the ACD on the real Asterisk
 * ({@code [acd-test]} 4200, queue support), agents' phones are SIPp phones behind the test trunk.
 * The first agent sends the live caller to the queue {@code orders} through the agent API; Asterisk
 * holds the caller again and routing rings the phone of an agent of {@code orders}, who answers;
 * the first agent is in wrap-up and their wrap-up is stored with the transfer. The reports then
 * count the call for both agents and in both queues, with the transfer out and in.
 */
@ContactCenterIT
@WithSharedAsterisk
class QueueTransferIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  private static final String PASSWORD = "queue-transfer-test-password";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired AgentDesk desk;
  @Autowired ContactRouting routing;
  @Autowired AgentDirectory agents;
  @Autowired CapturedEvents events;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;
  @Autowired ContactReports reports;

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
  void theAgentSendsTheCallerToAnotherQueueWhoseAgentsPhoneRingsAndAnswers() throws Exception {
    TestUsers users = new TestUsers(port, PASSWORD);
    String first = users.create("AGENT");
    // Two minutes of wrap-up after a call: the transfer puts the agent there.
    agents.save(new AgentSettings(first, Map.of("support", 3), 0, 0, 120, "agent-71@trunk-test"));
    String second = users.create("AGENT");
    agents.save(new AgentSettings(second, Map.of("orders", 3), 0, 0, 0, "agent-72@trunk-test"));
    desk.logIn(first);
    loggedIn.add(first);
    Instant from = Instant.now().minus(Duration.ofHours(1));
    Instant to = Instant.now().plus(Duration.ofHours(1));
    // Other tests' calls may be in these queues: the call of this test is the difference.
    ContactReports.QueueFigures supportBefore = voiceFigures(reports.queues(from, to), "support");
    ContactReports.QueueFigures ordersBefore = voiceFigures(reports.queues(from, to), "orders");

    try (KafkaConsumer<String, String> consumer = consumer();
        Sipp.Answering phones = Sipp.phonesBehindTrunk(asterisk, 2, null)) {
      consumer.subscribe(List.of("cc.contacts.transferred.v1"));
      consumer.poll(Duration.ofMillis(500));
      CompletableFuture<Sipp.Result> caller =
          CompletableFuture.supplyAsync(
              () ->
                  Sipp.scenario("acd-caller.xml")
                      .service("4200")
                      .pause(Duration.ofSeconds(45))
                      .timeout(Duration.ofSeconds(90))
                      .callAsterisk(asterisk.ports().sip()),
              callers);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> routing.waiting().stream().anyMatch(w -> w.channel() == ContactChannel.VOICE));
      desk.ready(first);
      ContactId call =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      events.ofType(ContactAccepted.class).stream()
                          .filter(a -> a.agentId().equals(first))
                          .map(ContactAccepted::id)
                          .findFirst()
                          .orElse(null),
                  id -> id != null);

      // Nobody of orders is logged in yet: refused with the reason, the caller stays.
      HttpResponse<String> refused = transfer(call, "orders", first, "zh-CN");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
      JsonNode problem = JSON.readTree(refused.body());
      assertThat(problem.get("type").asText())
          .isEqualTo("urn:cc:problem:transfer-queue-unavailable");
      assertThat(problem.get("reason").asText()).isEqualTo("no-agents");
      assertThat(problem.get("detail").asText()).contains("orders").contains("坐席");
      assertThat(transfer(call, "no-such-queue", first, "en").statusCode()).isEqualTo(422);
      // Another agent cannot transfer this call.
      assertThat(transfer(call, "support", second, "en").statusCode()).isEqualTo(409);
      assertThat(desk.status(first).state()).isEqualTo(AgentState.ON_CONTACT);

      desk.logIn(second);
      loggedIn.add(second);
      HttpResponse<String> transferred = transfer(call, "orders", first, "en");
      assertThat(transferred.statusCode()).as(transferred.body()).isEqualTo(200);
      assertThat(JSON.readTree(transferred.body()).get("state").asText()).isEqualTo("WRAP_UP");

      // Announced: the first agent's part completed, the transfer, the call waiting in orders.
      ContactTransferred fact =
          events.ofType(ContactTransferred.class).stream()
              .filter(t -> t.id().equals(call))
              .findFirst()
              .orElseThrow();
      assertThat(fact.fromQueue()).isEqualTo("support");
      assertThat(fact.toQueue()).isEqualTo("orders");
      assertThat(fact.agentId()).isEqualTo(first);
      assertThat(events.ofType(ContactCompleted.class))
          .anySatisfy(
              c -> {
                assertThat(c.id()).isEqualTo(call);
                assertThat(c.agentId()).isEqualTo(first);
              });
      assertThat(events.ofType(ContactQueued.class))
          .anySatisfy(
              q -> {
                assertThat(q.id()).isEqualTo(call);
                assertThat(q.queue()).isEqualTo("orders");
              });

      // The agent of orders gets ready: routing rings their phone for the held caller, it answers.
      desk.ready(second);
      try {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    events.ofType(ContactAccepted.class).stream()
                        .anyMatch(
                            a ->
                                a.id().equals(call)
                                    && a.agentId().equals(second)
                                    && a.queue().equals("orders")));
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError(
            "the orders agent did not take the transferred call; offered "
                + events.ofType(ContactOffered.class).stream()
                    .filter(o -> o.id().equals(call))
                    .toList()
                + "\nwaiting: "
                + routing.waiting()
                + "\nsecond agent: "
                + desk.status(second)
                + "\nchannels:\n"
                + asterisk.cli("core show channels concise"),
            e);
      }
      assertThat(events.ofType(ContactOffered.class))
          .filteredOn(o -> o.id().equals(call))
          .extracting(ContactOffered::agentId)
          .containsExactly(first, second);

      // The first agent wraps up; the disposition is kept with the transfer.
      HttpResponse<String> wrapped =
          send(
              "POST",
              "/api/v1/agent/contacts/" + call.value() + "/wrap-up",
              first,
              "{\"disposition\":\"transferred\",\"notes\":\"wants orders\"}",
              "en");
      assertThat(wrapped.statusCode()).as(wrapped.body()).isEqualTo(200);
      assertThat(
              jdbc.sql(
                      "SELECT disposition FROM routing_contact_transfer"
                          + " WHERE contact_id = ? AND agent_id = ?")
                  .params(call.value(), first)
                  .query(String.class)
                  .single())
          .isEqualTo("transferred");

      // On Kafka for other processes, keyed by the contact.
      JsonNode onKafka = awaitRecord(consumer, call.value(), "cc.contacts.transferred.v1");
      assertThat(onKafka.get("toQueue").asText()).isEqualTo("orders");

      Sipp.Result ended = caller.get();
      assertThat(ended.succeeded()).as("caller:%n%s", ended.output()).isTrue();
      Sipp.Result answered = phones.await(Duration.ofSeconds(30));
      assertThat(answered.succeeded()).as("phones:%n%s", answered.output()).isTrue();

      // The reports count the call once for each agent who answered it and once in each queue it
      // waited in: the first agent handled it until the transfer (a transfer out), the agent of
      // orders handled the rest (a transfer in).
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  events.ofType(ContactCompleted.class).stream()
                      .anyMatch(c -> c.id().equals(call) && c.agentId().equals(second)));
      List<ContactReports.AgentFigures> byAgent = reports.agents(from, to);
      assertThat(byAgent)
          .filteredOn(a -> a.agentId().equals(first))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.channel()).isEqualTo(ContactChannel.VOICE);
                assertThat(a.handled()).isEqualTo(1);
                assertThat(a.completed()).isEqualTo(1);
                assertThat(a.transfersOut()).isEqualTo(1);
                assertThat(a.transfersIn()).isZero();
                // Stored to the millisecond as announced: answer to transfer.
                assertThat(a.handleMillis()).isCloseTo(fact.handledMillis(), within(2L));
              });
      assertThat(byAgent)
          .filteredOn(a -> a.agentId().equals(second))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.handled()).isEqualTo(1);
                assertThat(a.completed()).isEqualTo(1);
                assertThat(a.transfersOut()).isZero();
                assertThat(a.transfersIn()).isEqualTo(1);
                assertThat(a.handleMillis()).isPositive();
              });
      ContactReports.QueueFigures support = voiceFigures(reports.queues(from, to), "support");
      ContactReports.QueueFigures orders = voiceFigures(reports.queues(from, to), "orders");
      assertThat(support.offered() - supportBefore.offered()).isEqualTo(1);
      assertThat(support.answered() - supportBefore.answered()).isEqualTo(1);
      assertThat(support.transferredOut() - supportBefore.transferredOut()).isEqualTo(1);
      assertThat(support.transferredIn() - supportBefore.transferredIn()).isZero();
      assertThat(orders.offered() - ordersBefore.offered()).isEqualTo(1);
      assertThat(orders.answered() - ordersBefore.answered()).isEqualTo(1);
      assertThat(orders.transferredIn() - ordersBefore.transferredIn()).isEqualTo(1);
      assertThat(orders.transferredOut() - ordersBefore.transferredOut()).isZero();
    }

    assertThat(audit.list(20, null, first))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo(AuditAction.CALL_TRANSFERRED);
              assertThat(e.target())
                  .isEqualTo(
                      "call:"
                          + events.ofType(ContactTransferred.class).stream()
                              .filter(t -> t.agentId().equals(first))
                              .findFirst()
                              .orElseThrow()
                              .id());
              assertThat(e.detail()).contains("orders");
            });
  }

  // ---- helpers ----

  /** A queue's call figures; all zero when the queue had no call in the interval. */
  private static ContactReports.QueueFigures voiceFigures(
      List<ContactReports.QueueFigures> all, String queue) {
    return all.stream()
        .filter(q -> q.queue().equals(queue) && q.channel() == ContactChannel.VOICE)
        .findFirst()
        .orElse(
            new ContactReports.QueueFigures(
                queue, ContactChannel.VOICE, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null));
  }

  private HttpResponse<String> transfer(ContactId call, String queue, String agent, String lang)
      throws Exception {
    return send(
        "POST",
        "/agent/api/calls/" + call.value() + "/transfer-to-queue",
        agent,
        "{\"queue\":\"" + queue + "\"}",
        lang);
  }

  private HttpResponse<String> send(
      String method, String path, String user, String body, String language) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json")
                .header("Accept-Language", language)
                .header("Content-Type", "application/json")
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode awaitRecord(
      KafkaConsumer<String, String> consumer, String key, String topic) {
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
              for (ConsumerRecord<String, String> r : seen) {
                if (key.equals(r.key()) && topic.equals(r.topic())) {
                  return JSON.readTree(r.value());
                }
              }
              return null;
            },
            r -> r != null);
  }

  private static KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestInfrastructure.services().kafka(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "queue-transfer-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new StringDeserializer(),
        new StringDeserializer());
  }
}

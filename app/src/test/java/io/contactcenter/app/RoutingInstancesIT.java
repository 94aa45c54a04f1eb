package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.ContactCenterProcess;
import io.contactcenter.testinfra.FreePorts;
import io.contactcenter.testinfra.RoutingLeader;
import io.contactcenter.testinfra.TopicWatch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Three instances on the same PostgreSQL, Redis and Kafka: this test's context, which never routes
 * ({@code cc.routing.lead=false}), and two application processes, one of which routes (ADR 0030). A
 * queue an admin saves on one instance is used by the others at once (the periodic comparison is
 * set to an hour, so only the change announced over Redis can explain it). A visitor chats on one
 * instance with an agent who works through another, and reconnects to that other one missing
 * nothing. 200 chats opened on the instances reach 20 agents who work through all three, each
 * offered and accepted once by one agent, none lost, no agent over capacity, while the routing
 * process is killed halfway. A ticket opened on the instance that does not route reaches an agent
 * who works through this context, and after the routing process is killed the survivor takes over
 * and routes the next ticket to the same agent. The two processes are started once for all of it.
 */
@ContactCenterIT
@TestPropertySource(
    properties = {
      "cc.test.context=routing-instances",
      "cc.routing.lead=false",
      // Visitors' tokens must be good on every instance (docs/configuration.md).
      "cc.chat.visitor-key=" + RoutingInstancesIT.VISITOR_KEY
    })
@DirtiesContext
// The failover kills one of the processes: it comes last.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingInstancesIT {

  private static final String ADMIN =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  ("admin:" + ContactCenterIT.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String VISITOR_KEY = "routing-instances-visitor-key-only";
  private static final String SHOP = "http://shop.test";
  private static final String OFFERED = "cc.contacts.offered.v1";
  private static final String ACCEPTED = "cc.contacts.accepted.v1";
  private static final String COMPLETED = "cc.contacts.completed.v1";

  private static ContactCenterProcess other;
  private static ContactCenterProcess third;

  @LocalServerPort int port;
  @Autowired Environment environment;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterAll
  static void stopTheOtherInstances() {
    if (other != null) {
      other.close();
    }
    if (third != null) {
      third.close();
    }
  }

  /** Starts the two application processes once (together: each takes a while). */
  private synchronized void startTheOtherInstances() {
    if (other != null) {
      return;
    }
    // -Dcc.it.quick-start=true gives both the quick-start options, compare only the second, started
    // at the same time as the first (docs/benchmarks.md, "Child process start").
    String quick = ContactCenterProcess.quickStart();
    other = instance("routing-instances", quick.equals("true"));
    third = instance("routing-instances-2", !quick.equals("false"));
    other.start();
    third.start();
    other.awaitComponent("readinessState", "UP", Duration.ofMinutes(4));
    third.awaitComponent("readinessState", "UP", Duration.ofMinutes(4));
  }

  private ContactCenterProcess instance(String name, boolean quickStart) {
    return new ContactCenterProcess(
            name,
            FreePorts.next(),
            ContactCenterProcess.besideTheTestContext(
                environment,
                // Queues, chats and tickets need no Asterisk; these instances take no calls.
                "--cc.pbx.ami.port=" + FreePorts.next(),
                "--cc.pbx.fastagi.port=" + FreePorts.next(),
                "--cc.security.initial-admin-password=" + ContactCenterIT.ADMIN_PASSWORD,
                "--cc.campaigns.node-id=" + name,
                "--cc.routing.queue-refresh=1h",
                // The load's agents answer every offer: an offer that rings out would be offered
                // again for a reason other than a change of leader.
                "--cc.routing.ring-timeout=2m",
                "--cc.chat.sites.test-shop.allowed-origins=" + SHOP,
                "--cc.chat.visitor-key=" + VISITOR_KEY))
        .withJvmOptions(quickStart ? ContactCenterProcess.QUICK_START : List.of());
  }

  /** A process killed by an earlier test (the load's failover) is started again, as a follower. */
  private void restartKilledInstances() {
    List<ContactCenterProcess> restarted = new ArrayList<>();
    for (ContactCenterProcess p : List.of(other, third)) {
      if (!p.isAlive()) {
        p.start();
        restarted.add(p);
      }
    }
    restarted.forEach(p -> p.awaitComponent("readinessState", "UP", Duration.ofMinutes(4)));
  }

  @Test
  @Order(1)
  void aQueueSavedOnOneInstanceIsUsedByTheOtherAtOnce() throws Exception {
    startTheOtherInstances();

    String queue = "shared-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(thresholdOn(other.httpPort(), queue)).isNull();

    // A new queue, saved here: the other instance routes to it and counts it at once.
    save(queue, 30);
    await("the new queue on the other instance")
        .atMost(Duration.ofSeconds(30))
        .until(() -> thresholdOn(other.httpPort(), queue), t -> t != null && t == 30);

    // A change of the queue reaches the other instance as well.
    save(queue, 45);
    await("the changed target on the other instance")
        .atMost(Duration.ofSeconds(30))
        .until(() -> thresholdOn(other.httpPort(), queue), t -> t != null && t == 45);
    // This instance does not route: it shows the routing instance's counts.
    await("the changed target as this instance shows it")
        .atMost(Duration.ofSeconds(30))
        .until(() -> thresholdOn(port, queue), t -> t != null && t == 45);
  }

  @Test
  @Order(2)
  void aVisitorOnOneInstanceChatsWithAnAgentOnAnotherAndReconnectsThereMissingNothing()
      throws Exception {
    startTheOtherInstances();
    // Whichever of them routes: the visitor's instance and the agent's are two different ones.
    ContactCenterProcess visitorSide = other;
    ContactCenterProcess agentSide = third;
    String agent = "chat-x-" + UUID.randomUUID().toString().substring(0, 8);
    String auth =
        agent(agent, "{\"skills\":{\"en\":3},\"chats\":1,\"tickets\":0,\"wrapUpSeconds\":0}");
    int agentPort = agentSide.httpPort();
    assertThat(send(agentPort, "POST", "/api/v1/agent/login", auth, "").statusCode())
        .isEqualTo(200);
    assertThat(
            send(agentPort, "PUT", "/api/v1/agent/state", auth, "{\"state\":\"READY\"}")
                .statusCode())
        .isEqualTo(200);
    try (ChatHandoffIT.AgentStream stream =
        ChatHandoffIT.AgentStream.open(
            http,
            URI.create("http://127.0.0.1:" + agentPort + "/api/v1/chat/agent/events"),
            auth)) {
      stream.awaitEvent("ready", "");
      Visitor visitor = openChat(visitorSide.httpPort());
      String contact = "chat:" + visitor.conversationId();
      long lastSeen;
      try (VisitorSocket socket = VisitorSocket.connect(http, visitorSide.httpPort(), visitor, 0)) {
        long asked = socket.send("v1", "I want to talk to a human agent");
        // The bot's first answer on an instance loads its sentence model: the handoff may take a
        // while on a loaded machine.
        socket.awaitText("Connecting you to an agent", Duration.ofSeconds(60));
        // The handoff is queued through the routing process and rings on the other instance.
        stream.awaitEvent("offered", visitor.conversationId());
        HttpResponse<String> accepted =
            send(agentPort, "POST", "/api/v1/agent/offers/" + contact + "/accept", auth, "");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        stream.awaitEvent("assigned", visitor.conversationId());
        socket.awaitText("has joined", Duration.ofSeconds(15));

        // Agent → visitor: stored on the agent's instance, pushed on the visitor's.
        long a1 = agentSays(agentPort, auth, visitor, "a1", "Hello, this is the agent.");
        assertThat(socket.awaitMessage("a1").get("seq").asLong()).isEqualTo(a1);
        // Visitor → agent: stored on the visitor's instance, pushed on the agent's stream.
        long v2 = socket.send("v2", "My parcel 77 is late / 我的包裹晚了");
        assertThat(stream.awaitEvent("message", "parcel 77").get("seq").asLong()).isEqualTo(v2);
        assertThat(asked).isLessThan(a1);
        assertThat(a1).isLessThan(v2);
        socket.awaitMessage("v2");
        lastSeen = socket.lastSeq();
        assertThat(lastSeen).isEqualTo(v2);
      }

      // While the visitor is away the agent writes twice; the visitor comes back on the agent's
      // instance from the last message they saw.
      long a2 = agentSays(agentPort, auth, visitor, "a2", "It left the warehouse today.");
      long a3 = agentSays(agentPort, auth, visitor, "a3", "Anything else?");
      try (VisitorSocket again = VisitorSocket.connect(http, agentPort, visitor, lastSeen)) {
        again.awaitMessage("a3");
        long v4 = again.send("v4", "No, thank you");
        assertThat(stream.awaitEvent("message", "No, thank you").get("seq").asLong()).isEqualTo(v4);
        again.awaitMessage("v4");
        // Exactly what was missed, then the new one: in order, none twice, none left out.
        assertThat(again.seqs()).containsExactly(a2, a3, v4);
        assertThat(storedSeqs(visitor.conversationId()))
            .filteredOn(seq -> seq > lastSeen)
            .containsExactly(a2, a3, v4);
      }
      assertThat(
              send(
                      agentPort,
                      "POST",
                      "/api/v1/chat/conversations/" + visitor.conversationId() + "/end",
                      auth,
                      "")
                  .statusCode())
          .isEqualTo(204);
      stream.awaitEvent("ended", visitor.conversationId());
      await("the chat's contact completed")
          .atMost(Duration.ofSeconds(30))
          .until(() -> contactState(contact), ("COMPLETED/" + agent)::equals);
    }
    assertThat(send(agentPort, "POST", "/api/v1/agent/logout", auth, "").statusCode())
        .isEqualTo(200);
  }

  /**
   * The load: 20 agents, a third working through each instance, and 200 chats that ask for a
   * person, the first 100 opened on both processes at once, the other 100 after the routing process
   * was killed halfway through the first, on the survivor and on this context. The agents' clients
   * poll their desk, accept what is offered, end the chat and wrap it up; an agent whose instance
   * died carries on through another. Every chat ends completed by the agent who accepted it, once;
   * the routing events show one offer per chat in each routing term, one accept and one completion,
   * and no agent holding more than their capacity.
   */
  @Test
  @Order(3)
  void twoHundredChatsReachTwentyAgentsOnceEachAndNoneIsLostWhenTheRoutingProcessDies()
      throws Exception {
    startTheOtherInstances();
    ContactCenterProcess leader =
        await("an instance routes")
            .atMost(Duration.ofSeconds(30))
            .until(() -> RoutingLeader.process(jdbc, List.of(other, third)), p -> p != null);
    ContactCenterProcess survivor = leader == other ? third : other;
    String run = UUID.randomUUID().toString().substring(0, 6);
    int capacity = 2;
    Instant began = Instant.now();
    try (TopicWatch kafka = TopicWatch.of(OFFERED, ACCEPTED, COMPLETED)) {
      LoadDesk desk = new LoadDesk(List.of(survivor.httpPort(), port));
      for (int i = 0; i < 20; i++) {
        String name = "load-" + run + "-" + i;
        String auth =
            agent(
                name,
                "{\"skills\":{\"en\":3},\"chats\":"
                    + capacity
                    + ",\"tickets\":0,\"wrapUpSeconds\":30}");
        int home =
            switch (i % 3) {
              case 0 -> port;
              case 1 -> leader.httpPort();
              default -> survivor.httpPort();
            };
        assertThat(send(home, "POST", "/api/v1/agent/login", auth, "").statusCode()).isEqualTo(200);
        assertThat(
                send(home, "PUT", "/api/v1/agent/state", auth, "{\"state\":\"READY\"}")
                    .statusCode())
            .isEqualTo(200);
        desk.add(name, auth, home, capacity);
      }
      Set<String> contacts = ConcurrentHashMap.newKeySet();
      ScheduledExecutorService clients = Executors.newScheduledThreadPool(6);
      try {
        desk.start(clients);
        // The first half, opened on both processes at once.
        openChats(List.of(leader.httpPort(), survivor.httpPort()), 100, contacts);
        await("the first 100 chats queued in routing")
            .atMost(Duration.ofMinutes(2))
            .until(() -> countIn(contacts, "TRUE"), n -> n == 100);
        await("a third of them done")
            .atMost(Duration.ofMinutes(3))
            .until(() -> countIn(contacts, "state = 'COMPLETED'"), n -> n >= 30);

        // The routing process dies in the middle of the work; the survivor takes the lead.
        String before = RoutingLeader.current(jdbc);
        Instant killedAt = Instant.now();
        assertThat(leader.kill()).isEqualTo(137);
        long openAtKill = 100 - countIn(contacts, "state = 'COMPLETED'");
        await("the survivor routes")
            .atMost(Duration.ofSeconds(30))
            .until(() -> RoutingLeader.current(jdbc), id -> id != null && !id.equals(before));
        await("the survivor's log says it routes")
            .atMost(Duration.ofSeconds(10))
            .until(() -> RoutingLeader.routesAs(survivor, RoutingLeader.current(jdbc)));

        // The second half, on the survivor and on this context.
        openChats(List.of(survivor.httpPort(), port), 100, contacts);
        try {
          await("all 200 chats completed and wrapped up")
              .atMost(Duration.ofMinutes(5))
              .until(
                  () -> countIn(contacts, "state = 'COMPLETED' AND disposition IS NOT NULL"),
                  n -> n == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError(
              "not done: "
                  + jdbc.sql(
                          "SELECT r.id || ' ' || r.state || '/' || coalesce(r.agent_id, '') || ' chat '"
                              + " || c.state || '/' || coalesce(c.agent, '') FROM routing_contact r"
                              + " JOIN chat_conversation c ON 'chat:' || c.conversation_id = r.id"
                              + " WHERE r.id IN (:ids) AND (r.state <> 'COMPLETED' OR r.disposition"
                              + " IS NULL)")
                      .param("ids", Set.copyOf(contacts))
                      .query(String.class)
                      .list()
                  + "; the agents' clients noted "
                  + desk.problems(),
              e);
        }
        desk.stop();
        System.out.printf(
            "RoutingInstancesIT load: 200 chats, 20 agents, %d of the first 100 open when the"
                + " routing process (%s) was killed, done %d s after it and %d s after the start;"
                + " the survivor: %s%n",
            openAtKill,
            leader.log(),
            Duration.between(killedAt, Instant.now()).toSeconds(),
            Duration.between(began, Instant.now()).toSeconds(),
            survivor
                .logText()
                .lines()
                .filter(l -> l.contains("left undone sent again") || l.contains("routing started"))
                .toList());

        // What the agents' clients saw: no chat accepted by two agents, nobody over capacity.
        assertThat(desk.problems()).isEmpty();
        assertThat(desk.endedBy().keySet()).containsExactlyInAnyOrderElementsOf(contacts);

        // The database: each chat completed by the agent who ended it, the chat itself ended.
        Map<String, String> handledBy = new HashMap<>();
        jdbc.sql("SELECT id, agent_id FROM routing_contact WHERE id IN (:ids)")
            .param("ids", contacts)
            .query((rs, n) -> handledBy.put(rs.getString(1), rs.getString(2)))
            .list();
        assertThat(handledBy).containsExactlyInAnyOrderEntriesOf(desk.endedBy());
        desk.acceptedBy().forEach((c, a) -> assertThat(handledBy.get(c)).as(c).isEqualTo(a));
        assertThat(
                jdbc.sql(
                        "SELECT count(*) FROM chat_conversation WHERE state = 'ENDED' AND"
                            + " 'chat:' || conversation_id IN (:ids)")
                    .param("ids", contacts)
                    .query(Long.class)
                    .single())
            .isEqualTo(200);

        // The routing events on Kafka.
        Map<String, List<JsonNode>> offered = new HashMap<>();
        Map<String, List<JsonNode>> accepted = new HashMap<>();
        Map<String, List<JsonNode>> completed = new HashMap<>();
        await("a completion on Kafka for each of the 200")
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  collect(kafka, COMPLETED, contacts, completed);
                  return completed.size() == 200;
                });
        collect(kafka, OFFERED, contacts, offered);
        collect(kafka, ACCEPTED, contacts, accepted);
        for (String c : contacts) {
          String agent = handledBy.get(c);
          assertThat(accepted.get(c)).as("accepted " + c).hasSize(1);
          assertThat(accepted.get(c).get(0).get("agentId").asText()).as(c).isEqualTo(agent);
          assertThat(completed.get(c)).as("completed " + c).hasSize(1);
          assertThat(completed.get(c).get(0).get("agentId").asText()).as(c).isEqualTo(agent);
          List<JsonNode> offers = offered.getOrDefault(c, List.of());
          // Offered once, or once more by the new routing term when the old one's offer was open.
          assertThat(offers.stream().filter(o -> at(o).isBefore(killedAt)).count())
              .as("offers of " + c + " before the failover: " + offers)
              .isLessThanOrEqualTo(1);
          assertThat(offers.stream().filter(o -> !at(o).isBefore(killedAt)).count())
              .as("offers of " + c + " after the failover: " + offers)
              .isLessThanOrEqualTo(1);
          JsonNode taken = accepted.get(c).get(0);
          JsonNode lastOffer =
              offers.stream()
                  .filter(o -> !at(o).isAfter(at(taken)))
                  .reduce((a, b) -> b)
                  .orElseThrow(() -> new AssertionError(c + " accepted but never offered"));
          assertThat(lastOffer.get("agentId").asText()).as(c).isEqualTo(agent);
        }
        assertThat(mostHeldAtOnce(accepted, completed)).isLessThanOrEqualTo(capacity);
      } finally {
        desk.stop();
        clients.shutdownNow();
        desk.logOut();
      }
    }
  }

  /** The most contacts any agent held at once, by the accepted and completed records' times. */
  private static int mostHeldAtOnce(
      Map<String, List<JsonNode>> accepted, Map<String, List<JsonNode>> completed) {
    Map<String, List<long[]>> changes = new HashMap<>();
    accepted.values().stream()
        .flatMap(List::stream)
        .forEach(
            a ->
                changes
                    .computeIfAbsent(a.get("agentId").asText(), k -> new ArrayList<>())
                    .add(new long[] {at(a).toEpochMilli() * 10 + 1, 1}));
    completed.values().stream()
        .flatMap(List::stream)
        .forEach(
            c ->
                changes
                    .computeIfAbsent(c.get("agentId").asText(), k -> new ArrayList<>())
                    .add(new long[] {at(c).toEpochMilli() * 10, -1}));
    int most = 0;
    for (List<long[]> agent : changes.values()) {
      agent.sort(java.util.Comparator.comparingLong(x -> x[0]));
      int held = 0;
      for (long[] change : agent) {
        held += (int) change[1];
        most = Math.max(most, held);
      }
    }
    return most;
  }

  private static Instant at(JsonNode record) {
    return Instant.parse(record.get("at").asText());
  }

  /** The topic's records of these contacts by contact id, each distinct record once. */
  private static void collect(
      TopicWatch kafka, String topic, Set<String> ours, Map<String, List<JsonNode>> into) {
    into.clear();
    for (JsonNode r : kafka.records(topic)) {
      String id = r.get("id").asText();
      if (!ours.contains(id)) {
        continue;
      }
      List<JsonNode> records = into.computeIfAbsent(id, k -> new ArrayList<>());
      // At least once: a delivery a dead leader made but did not mark done is made again (ADR
      // 0053); the same record twice is one event.
      if (!records.contains(r)) {
        records.add(r);
      }
    }
    into.values().forEach(records -> records.sort(java.util.Comparator.comparing(r -> at(r))));
  }

  /** How many of the contacts have a routing row matching {@code condition}. */
  private long countIn(Set<String> contacts, String condition) {
    if (contacts.isEmpty()) {
      return 0;
    }
    return jdbc.sql("SELECT count(*) FROM routing_contact WHERE id IN (:ids) AND " + condition)
        .param("ids", Set.copyOf(contacts))
        .query(Long.class)
        .single();
  }

  /**
   * Opens {@code count} chats spread over the instances, two visitors at a time on each, each
   * asking for a person; returns when they are all asked.
   */
  private void openChats(List<Integer> httpPorts, int count, Set<String> contacts)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(httpPorts.size() * 2);
    List<Future<?>> opened = new ArrayList<>();
    int perWorker = count / (httpPorts.size() * 2);
    for (int httpPort : httpPorts) {
      for (int w = 0; w < 2; w++) {
        opened.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perWorker; i++) {
                    Visitor v = openChat(httpPort);
                    HttpResponse<String> asked =
                        http.send(
                            HttpRequest.newBuilder(
                                    URI.create(
                                        "http://127.0.0.1:"
                                            + httpPort
                                            + "/chat/api/conversations/"
                                            + v.conversationId()
                                            + "/messages"))
                                .header("Origin", SHOP)
                                .header("X-Chat-Token", v.token())
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                        "{\"clientMessageId\":\"v1\",\"text\":\"I want to talk"
                                            + " to a human agent\"}"))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
                    contacts.add("chat:" + v.conversationId());
                  }
                  return null;
                }));
      }
    }
    try {
      for (Future<?> f : opened) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  record Visitor(String conversationId, String token) {}

  private Visitor openChat(int httpPort) throws Exception {
    HttpResponse<String> opened =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/chat/api/sessions"))
                .header("Origin", SHOP)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"site\":\"test-shop\",\"lang\":\"en\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    JsonNode session = JSON.readTree(opened.body());
    return new Visitor(
        session.get("conversationId").asText(), session.get("visitorToken").asText());
  }

  private long agentSays(int httpPort, String auth, Visitor v, String clientId, String text)
      throws Exception {
    HttpResponse<String> sent =
        send(
            httpPort,
            "POST",
            "/api/v1/chat/conversations/" + v.conversationId() + "/messages",
            auth,
            JSON.writeValueAsString(Map.of("clientMessageId", clientId, "text", text)));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    return JSON.readTree(sent.body()).get("seq").asLong();
  }

  private List<Long> storedSeqs(String conversationId) {
    return jdbc.sql("SELECT seq FROM chat_message WHERE conversation_id = ? ORDER BY seq")
        .param(conversationId)
        .query(Long.class)
        .list();
  }

  private String contactState(String contact) {
    return jdbc.sql(
            "SELECT state || '/' || coalesce(agent_id, '') FROM routing_contact WHERE id = ?")
        .param(contact)
        .query(String.class)
        .optional()
        .orElse("");
  }

  /** A visitor's WebSocket (plain JSON frames), keeping every message frame it got. */
  static final class VisitorSocket implements WebSocket.Listener, AutoCloseable {
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final List<JsonNode> acks = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    static VisitorSocket connect(HttpClient http, int httpPort, Visitor v, long after)
        throws Exception {
      VisitorSocket socket = new VisitorSocket();
      socket.ws =
          http.newWebSocketBuilder()
              .header("Origin", SHOP)
              .buildAsync(
                  URI.create(
                      "ws://127.0.0.1:"
                          + httpPort
                          + "/chat/ws?conversation="
                          + v.conversationId()
                          + "&token="
                          + v.token()
                          + "&after="
                          + after),
                  socket)
              .get(10, TimeUnit.SECONDS);
      return socket;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode frame = JSON.readTree(partial.toString());
          switch (frame.path("type").asText()) {
            case "message" -> messages.add(frame);
            case "ack" -> acks.add(frame);
            default -> {}
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    /** Sends a message and returns the seq the server acknowledged it with. */
    long send(String clientId, String text) throws Exception {
      ws.sendText(
              JSON.writeValueAsString(
                  Map.of("type", "message", "clientMessageId", clientId, "text", text)),
              true)
          .get(5, TimeUnit.SECONDS);
      return await("the ack of " + clientId)
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  acks.stream()
                      .filter(a -> a.get("clientMessageId").asText().equals(clientId))
                      .findFirst()
                      .orElse(null),
              a -> a != null)
          .get("seq")
          .asLong();
    }

    JsonNode awaitMessage(String clientId) {
      return await("the message " + clientId)
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  messages.stream()
                      .filter(m -> m.get("clientMessageId").asText().equals(clientId))
                      .findFirst()
                      .orElse(null),
              m -> m != null);
    }

    void awaitText(String fragment, Duration atMost) {
      await("a message containing " + fragment)
          .atMost(atMost)
          .until(() -> messages.stream().anyMatch(m -> m.get("text").asText().contains(fragment)));
    }

    /** The seqs of the messages received, in the order they came. */
    List<Long> seqs() {
      return messages.stream().map(m -> m.get("seq").asLong()).toList();
    }

    long lastSeq() {
      List<Long> seqs = seqs();
      return seqs.isEmpty() ? 0 : seqs.get(seqs.size() - 1);
    }

    @Override
    public void close() throws Exception {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }
  }

  /**
   * The load's agents as their clients behave: each polls its desk on the instance it works
   * through, accepts every offer, ends each open chat and wraps it up; when that instance is gone
   * it carries on through the next one of {@code fallbacks}. It notes a chat accepted by two agents
   * and a desk showing more contacts than the agent's capacity.
   */
  private final class LoadDesk {
    private final List<Integer> fallbacks;
    private final List<LoadAgent> agents = new ArrayList<>();
    private final Map<String, String> acceptedBy = new ConcurrentHashMap<>();
    private final Map<String, String> endedBy = new ConcurrentHashMap<>();
    private final Set<String> wrapped = ConcurrentHashMap.newKeySet();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<ScheduledFuture<?>> loops = new ArrayList<>();

    LoadDesk(List<Integer> fallbacks) {
      this.fallbacks = fallbacks;
    }

    void add(String name, String auth, int home, int capacity) {
      agents.add(new LoadAgent(name, auth, home, capacity));
    }

    void start(ScheduledExecutorService pool) {
      for (LoadAgent a : agents) {
        loops.add(pool.scheduleWithFixedDelay(() -> a.step(this), 0, 150, TimeUnit.MILLISECONDS));
      }
    }

    void stop() {
      loops.forEach(l -> l.cancel(false));
    }

    void logOut() {
      for (LoadAgent a : agents) {
        try {
          send(a.port, "POST", "/api/v1/agent/logout", a.auth, "");
        } catch (Exception e) {
          problems.add(a.name + " could not log out: " + e);
        }
      }
    }

    Map<String, String> acceptedBy() {
      return acceptedBy;
    }

    Map<String, String> endedBy() {
      return endedBy;
    }

    List<String> problems() {
      return problems;
    }
  }

  private final class LoadAgent {
    final String name;
    final String auth;
    final int capacity;
    volatile int port;

    LoadAgent(String name, String auth, int home, int capacity) {
      this.name = name;
      this.auth = auth;
      this.port = home;
      this.capacity = capacity;
    }

    // A client of its own with a hard bound on every call: one whose instance died or hangs holds
    // no other agent up.
    private final HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> call(
        int httpPort, String method, String path, String auth, String body) throws Exception {
      java.util.concurrent.CompletableFuture<HttpResponse<String>> answer =
          client.sendAsync(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                  .header("Authorization", auth)
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(15))
                  .method(
                      method,
                      body == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      try {
        return answer.get(20, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        answer.cancel(true);
        throw new java.io.IOException("no answer from port " + httpPort + " within 20 s", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof java.io.IOException io) {
          throw io;
        }
        throw e;
      }
    }

    /** One look at the desk and what follows from it; never throws (it runs on a schedule). */
    void step(LoadDesk desk) {
      try {
        HttpResponse<String> read = call(port, "GET", "/api/v1/agent/status", auth, null);
        if (read.statusCode() != 200) {
          return; // e.g. forwarded to a routing process that just died: the next look
        }
        JsonNode status = JSON.readTree(read.body());
        int shown = status.get("offers").size() + status.get("open").size();
        if (shown > capacity) {
          desk.problems.add(name + " shows " + shown + " contacts: " + status);
        }
        if (status.get("state").asText().equals("NOT_READY")) {
          desk.problems.add(name + " was set not ready: " + status.get("reason"));
          call(port, "PUT", "/api/v1/agent/state", auth, "{\"state\":\"READY\"}");
        }
        for (JsonNode offer : status.get("offers")) {
          String contact = offer.get("id").asText();
          if (call(port, "POST", "/api/v1/agent/offers/" + contact + "/accept", auth, "")
                  .statusCode()
              == 200) {
            String before = desk.acceptedBy.putIfAbsent(contact, name);
            if (before != null) {
              desk.problems.add(contact + " accepted by " + before + " and by " + name);
            }
          }
        }
        for (JsonNode open : status.get("open")) {
          String contact = open.get("id").asText();
          String conversation = contact.substring("chat:".length());
          if (call(port, "POST", "/api/v1/chat/conversations/" + conversation + "/end", auth, "")
                  .statusCode()
              == 204) {
            String before = desk.endedBy.putIfAbsent(contact, name);
            if (before != null && !before.equals(name)) {
              desk.problems.add(contact + " ended by " + before + " and by " + name);
            }
          }
        }
        for (Map.Entry<String, String> ended : desk.endedBy.entrySet()) {
          if (ended.getValue().equals(name) && !desk.wrapped.contains(ended.getKey())) {
            HttpResponse<String> wrap =
                call(
                    port,
                    "POST",
                    "/api/v1/agent/contacts/" + ended.getKey() + "/wrap-up",
                    auth,
                    "{\"disposition\":\"load-test\",\"notes\":\"负载测试 / load test\"}");
            if (wrap.statusCode() == 200) {
              desk.wrapped.add(ended.getKey());
            }
          }
        }
      } catch (java.io.IOException e) {
        // The instance is gone (killed): the agent's client carries on through another one.
        int next = desk.fallbacks.get(Math.floorMod(name.hashCode(), desk.fallbacks.size()));
        if (port != next && !desk.fallbacks.contains(port)) {
          port = next;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception | Error e) {
        // Noted, never thrown: a scheduled task that throws is never run again.
        desk.problems.add(name + ": " + e);
      }
    }
  }

  @Test
  @Order(4)
  void aTicketOpenedOnOneInstanceReachesAnAgentOnAnotherAndTheSurvivorRoutesAfterTheLeaderDies()
      throws Exception {
    startTheOtherInstances();
    restartKilledInstances();
    ContactCenterProcess leader =
        await("an instance routes")
            .atMost(Duration.ofSeconds(30))
            .until(() -> RoutingLeader.process(jdbc, List.of(other, third)), p -> p != null);
    ContactCenterProcess follower = leader == other ? third : other;

    // The agent works through this context, which forwards to the routing process.
    String agent = "multi-" + UUID.randomUUID().toString().substring(0, 8);
    String auth = agent(agent);
    assertThat(send(port, "POST", "/api/v1/agent/login", auth, "").statusCode()).isEqualTo(200);
    HttpResponse<String> ready =
        send(port, "PUT", "/api/v1/agent/state", auth, "{\"state\":\"READY\"}");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(JSON.readTree(ready.body()).get("state").asText()).isEqualTo("READY");

    // A ticket opened on the instance that does not route is queued through the one that does.
    String first = openTicket(follower.httpPort(), "Where is my parcel? / 我的包裹在哪里？");
    awaitAssignee(first, agent);
    await("the first ticket open on the agent's desk")
        .atMost(Duration.ofSeconds(15))
        .until(() -> openContacts(auth), open -> open.contains("ticket:" + first));

    // The routing process dies; the survivor takes the lead and routes the next ticket.
    String before = RoutingLeader.current(jdbc);
    assertThat(leader.kill()).isEqualTo(137);
    await("the survivor routes")
        .atMost(Duration.ofSeconds(30))
        .until(() -> RoutingLeader.current(jdbc), id -> id != null && !id.equals(before));
    assertThat(follower.logText())
        .contains("this instance (" + RoutingLeader.current(jdbc) + ") routes now");
    // The new term gave the agent back the ticket they held, as this instance (which learns the
    // new leader within its next look) shows it.
    await("the held ticket back on the agent's desk after the failover")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> openContacts(auth), open -> open.contains("ticket:" + first));

    String second = openTicket(port, "发票抬头写错了 / wrong invoice title");
    awaitAssignee(second, agent);
    await("both tickets open on the agent's desk")
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> openContacts(auth),
            open -> open.contains("ticket:" + second) && open.contains("ticket:" + first));

    // Nothing offered twice or lost: the first stayed with the agent through the failover.
    for (String ticket : List.of(first, second)) {
      assertThat(
              jdbc.sql("SELECT state || '/' || agent_id FROM routing_contact WHERE id = ?")
                  .param("ticket:" + ticket)
                  .query(String.class)
                  .single())
          .isEqualTo("CONNECTED/" + agent);
    }
    assertThat(send(port, "POST", "/api/v1/agent/logout", auth, "").statusCode()).isEqualTo(200);
  }

  private String agent(String name) throws Exception {
    return agent(
        name, "{\"skills\":{\"support\":3},\"chats\":0,\"tickets\":5,\"wrapUpSeconds\":0}");
  }

  private String agent(String name, String profile) throws Exception {
    String password = "routing-instances-passphrase-1";
    HttpResponse<String> created =
        send(
            port,
            "POST",
            "/api/v1/users",
            ADMIN,
            "{\"username\":\""
                + name
                + "\",\"password\":\""
                + password
                + "\",\"roles\":[\"AGENT\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> saved =
        send(port, "PUT", "/api/v1/routing/agents/" + name, ADMIN, profile);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private String openTicket(int httpPort, String subject) throws Exception {
    HttpResponse<String> created =
        send(
            httpPort,
            "POST",
            "/api/v1/tickets",
            ADMIN,
            "{\"subject\":\""
                + subject
                + "\",\"customerRef\":\"c-"
                + UUID.randomUUID()
                + "\",\"category\":\"QUESTION\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("ticket").get("ticketId").asText();
  }

  private void awaitAssignee(String ticketId, String agent) {
    await("ticket " + ticketId + " assigned to " + agent)
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              HttpResponse<String> r =
                  send(port, "GET", "/api/v1/tickets/" + ticketId, ADMIN, null);
              assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
              return JSON.readTree(r.body()).get("ticket").get("assignee").asText(null);
            },
            agent::equals);
  }

  /** The ids of the agent's open contacts, as this (non-routing) instance shows them. */
  private List<String> openContacts(String auth) throws Exception {
    HttpResponse<String> status = send(port, "GET", "/api/v1/agent/status", auth, null);
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    JSON.readTree(status.body()).get("open").forEach(c -> ids.add(c.get("id").asText()));
    return ids;
  }

  private HttpResponse<String> send(
      int httpPort, String method, String path, String auth, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(15))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void save(String queue, int serviceLevelSeconds) throws Exception {
    HttpResponse<String> saved =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/routing/queues/" + queue))
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"skill": "support", "serviceLevelSeconds": %d,
                         "steps": [{"afterSeconds": 0, "minimumLevel": 1}]}
                        """
                            .formatted(serviceLevelSeconds)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
  }

  /** The queue's service-level target as the instance on {@code httpPort} counts it, or null. */
  private Integer thresholdOn(int httpPort, String queue) throws Exception {
    HttpResponse<String> levels =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + httpPort + "/api/v1/routing/service-levels"))
                .header("Authorization", ADMIN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(levels.statusCode()).as(levels.body()).isEqualTo(200);
    for (JsonNode q : JSON.readTree(levels.body())) {
      if (q.get("queue").asText().equals(queue)) {
        return q.get("thresholdSeconds").asInt();
      }
    }
    return null;
  }
}

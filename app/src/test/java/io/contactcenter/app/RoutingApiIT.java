package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactOffered;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.WithdrawReason;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TopicWatch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The ACD through its REST API, on real PostgreSQL, Redis and Kafka: an agent logs in and gets
 * ready; contacts are offered in the global order (a VIP who came later first); accept, complete
 * and wrap-up store the disposition; a rejected or rung-out offer sets the agent not ready and the
 * contact keeps its place; a contact whose customer left is abandoned, counted in SL2 and never
 * offered; bad requests get problem details. Its own context: the routing engine's state is global.
 */
@ContactCenterIT
@TestPropertySource(
    properties = {
      "cc.test.context=routing-api",
      "cc.routing.ring-timeout=2s",
      "cc.routing.pass-interval=200ms"
    })
@DirtiesContext
class RoutingApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = basic("admin", ContactCenterIT.ADMIN_PASSWORD);

  @LocalServerPort int port;
  @Autowired ContactRouting routing;
  @Autowired CapturedEvents events;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void contactsAreOfferedInTheGlobalOrderAndTheAgentWorksThemThroughTheApi() throws Exception {
    String agent = "router-" + UUID.randomUUID().toString().substring(0, 8);
    String auth = agentWithProfile(agent, "{\"skills\":{\"support\":3},\"chats\":1,\"tickets\":0}");

    try (TopicWatch kafka = TopicWatch.of("cc.contacts.accepted.v1")) {

      assertThat(send("POST", "/api/v1/agent/login", auth, "").statusCode()).isEqualTo(200);
      // The agent's client listens for pushes of its status (server-sent events).
      List<String> pushed = new java.util.concurrent.CopyOnWriteArrayList<>();
      var stream =
          http.sendAsync(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/api/v1/agent/events"))
                  .header("Authorization", auth)
                  .header("Accept", "text/event-stream")
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      stream.thenAccept(r -> r.body().forEach(pushed::add));
      // Queued before the agent is ready: a normal chat, then a VIP chat.
      String normal = enqueue("CHAT", "chat-normal-" + agent, "support", false);
      String vip = enqueue("CHAT", "chat-vip-" + agent, "support", true);
      JsonNode ready = json(send("PUT", "/api/v1/agent/state", auth, "{\"state\":\"READY\"}"));
      assertThat(ready.get("agentId").asText()).isEqualTo(agent);

      // The VIP is offered first although the normal chat waited longer; capacity 1 holds the rest.
      JsonNode offered = awaitOffer(auth);
      assertThat(offered.get("offers")).hasSize(1);
      assertThat(offered.get("offers").get(0).get("id").asText()).isEqualTo(vip);
      assertThat(offered.get("state").asText()).isEqualTo("ON_CONTACT");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  pushed.stream()
                      .anyMatch(
                          l ->
                              l.startsWith("data:") && l.contains("\"offers\":[{\"id\":\"" + vip)));
      stream.cancel(true);

      JsonNode accepted = json(send("POST", "/api/v1/agent/offers/" + vip + "/accept", auth, ""));
      assertThat(accepted.get("open").get(0).get("id").asText()).isEqualTo(vip);
      JsonNode wrapped =
          json(
              send(
                  "POST",
                  "/api/v1/agent/contacts/" + vip + "/wrap-up",
                  auth,
                  "{\"disposition\":\"resolved\",\"notes\":\"退货已安排 / return arranged\"}"));
      assertThat(wrapped.get("open")).isEmpty();
      assertThat(
              jdbc.sql(
                      "SELECT state || ' ' || disposition || ' ' || notes FROM routing_contact WHERE id = ?")
                  .param(vip)
                  .query(String.class)
                  .single())
          .isEqualTo("COMPLETED resolved 退货已安排 / return arranged");
      JsonNode onKafka = kafka.awaitRecord(vip);
      assertThat(onKafka.get("agentId").asText()).isEqualTo(agent);
      assertThat(onKafka.get("id").asText()).isEqualTo(vip);

      // Next the normal chat; the agent declines it: not ready, and the chat keeps its place.
      JsonNode second = awaitOffer(auth);
      assertThat(second.get("offers").get(0).get("id").asText()).isEqualTo(normal);
      JsonNode rejected =
          json(send("POST", "/api/v1/agent/offers/" + normal + "/reject", auth, ""));
      assertThat(rejected.get("state").asText()).isEqualTo("NOT_READY");
      assertThat(rejected.get("reason").asText()).isEqualTo("rejected an offer");
      assertThat(routing.waiting())
          .filteredOn(w -> w.channel() == ContactChannel.CHAT)
          .extracting(w -> w.id().value())
          .containsExactly(normal);

      // Ready again: offered again, and this time it rings out (2 s): not ready, back in place.
      send("PUT", "/api/v1/agent/state", auth, "{\"state\":\"READY\"}");
      awaitOffer(auth);
      JsonNode rangOut =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> json(send("GET", "/api/v1/agent/status", auth, null)),
                  s -> s.get("state").asText().equals("NOT_READY"));
      assertThat(rangOut.get("reason").asText()).isEqualTo("ring timeout");
      assertThat(rangOut.get("offers")).isEmpty();
      assertThat(routing.waiting())
          .filteredOn(w -> w.channel() == ContactChannel.CHAT)
          .extracting(w -> w.id().value())
          .containsExactly(normal);
      HttpResponse<String> late =
          send("POST", "/api/v1/agent/offers/" + normal + "/accept", auth, "");
      assertThat(late.statusCode()).isEqualTo(409);
      assertThat(json(late).get("type").asText()).isEqualTo("urn:cc:problem:contact-not-offered");

      // The customer gives up while nobody is ready: abandoned, never offered again.
      assertThat(routing.withdraw(ContactId.of(normal), WithdrawReason.CUSTOMER_LEFT)).isTrue();
      long offersBefore = offersOf(normal);
      send("PUT", "/api/v1/agent/state", auth, "{\"state\":\"READY\"}");
      String third = enqueue("TICKET", "ticket-" + agent, "support", false);
      assertThat(routing.waiting()).extracting(w -> w.id().value()).containsExactly(third);
      assertThat(offersOf(normal)).isEqualTo(offersBefore);
      assertThat(
              jdbc.sql("SELECT state FROM routing_contact WHERE id = ?")
                  .param(normal)
                  .query(String.class)
                  .single())
          .isEqualTo("ABANDONED");

      JsonNode support = null;
      for (JsonNode q : json(send("GET", "/api/v1/routing/service-levels", ADMIN, null))) {
        if (q.get("queue").asText().equals("support")) {
          support = q;
        }
      }
      assertThat(support.get("answered").asLong()).isEqualTo(1);
      assertThat(support.get("answeredWithin").asLong()).isEqualTo(1);
      assertThat(support.get("abandoned").asLong()).isEqualTo(1);
      assertThat(support.get("serviceLevel").asDouble()).isEqualTo(1.0);
      assertThat(support.get("waiting").asInt()).isEqualTo(1);

      assertThat(json(send("POST", "/api/v1/agent/logout", auth, "")).get("state").asText())
          .isEqualTo("OFFLINE");
      routing.withdraw(ContactId.of(third), WithdrawReason.CANCELLED);
    }
  }

  @Test
  void adminsCreateAndUpdateQueuesWithHoursAndEveryProblemIsNamedInTheirLanguage()
      throws Exception {
    String id = "returns-" + UUID.randomUUID().toString().substring(0, 6);
    HttpResponse<String> created =
        send(
            "PUT",
            "/api/v1/routing/queues/" + id,
            ADMIN,
            """
            {"skill": "returns", "weight": 5, "strategy": "SKILL_LEVEL_FIRST",
             "serviceLevelSeconds": 30,
             "steps": [{"afterSeconds": 0, "minimumLevel": 3},
                       {"afterSeconds": 45, "minimumLevel": 1, "overflowQueue": "support"}]}
            """);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(routing.isOpen(id)).isTrue();
    // A contact may be queued at once; the new queue shows in the service levels.
    routing.enqueue(new NewContact(ContactChannel.CHAT, id + "-1", id, false, ""));
    assertThat(routing.serviceLevels())
        .anySatisfy(
            q -> {
              assertThat(q.queue()).isEqualTo(id);
              assertThat(q.thresholdSeconds()).isEqualTo(30);
            });

    // Closed all week long but for a make-up working day that is not today.
    HttpResponse<String> closed =
        send(
            "PUT",
            "/api/v1/routing/queues/" + id,
            ADMIN,
            """
            {"skill": "returns", "serviceLevelSeconds": 20, "steps": [{"afterSeconds": 0,
             "minimumLevel": 1}],
             "hours": {"zone": "Asia/Shanghai", "weekly": {"mon": [], "sun": []},
                       "holidays": ["2026-10-01"], "workdays": ["2000-01-01"],
                       "workdayHours": ["09:00-18:00"]}}
            """);
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    assertThat(routing.isOpen(id)).isFalse();
    assertThat(send("GET", "/api/v1/routing/queues", ADMIN, null).body())
        .contains("\"id\":\"" + id + "\"")
        .contains("Asia/Shanghai");
    assertThat(
            jdbc.sql("SELECT weight FROM routing_queue WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isZero();

    String bad =
        """
        {"skill": "", "weight": 5000, "strategy": "RANDOM", "serviceLevelSeconds": 0,
         "steps": [{"afterSeconds": 10, "minimumLevel": 7, "overflowQueue": "nowhere"}],
         "hours": {"zone": "Mars/Olympus", "weekly": {"funday": ["9-5"]},
                   "holidays": ["next week"]}}
        """;
    HttpResponse<String> rejected = send("PUT", "/api/v1/routing/queues/" + id, ADMIN, bad);
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(422);
    JsonNode problem = json(rejected);
    assertThat(problem.get("type").asText()).isEqualTo("urn:cc:problem:queue-rejected");
    assertThat(problem.get("problems"))
        .extracting(p -> p.get("field").asText() + " " + p.get("code").asText())
        .contains(
            "skill skill-required",
            "weight weight-range",
            "strategy strategy-unknown",
            "serviceLevelSeconds service-level-range",
            "steps[0].afterSeconds step-first-not-zero",
            "steps[0].minimumLevel level-range",
            "steps[0].overflowQueue overflow-unknown",
            "hours.zone zone-unknown",
            "hours.weekly.funday day-unknown",
            "hours.weekly.funday[0] period-format",
            "hours.holidays[0] date-format");
    assertThat(problem.get("detail").asText()).contains("11 problem");
    assertThat(problem.get("problems").get(1).get("message").asText())
        .isEqualTo("weight: the weight must be between 0 and 1000, not 5000.");

    HttpResponse<String> chinese = send("PUT", "/api/v1/routing/queues/" + id, ADMIN, bad, "zh-CN");
    assertThat(chinese.statusCode()).isEqualTo(422);
    assertThat(json(chinese).get("detail").asText()).isEqualTo("队列有 11 处问题，未保存任何内容。");
    assertThat(json(chinese).get("problems").get(1).get("message").asText())
        .isEqualTo("weight：权重必须在 0 到 1000 之间，而不是 5000。");
    // Nothing of the rejected queue was stored.
    assertThat(routing.isOpen(id)).isFalse();
    assertThat(
            jdbc.sql("SELECT skill FROM routing_queue WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("returns");

    HttpResponse<String> badId =
        send(
            "PUT",
            "/api/v1/routing/queues/Bad_Id",
            ADMIN,
            "{\"skill\":\"x\",\"steps\":[{\"afterSeconds\":0,\"minimumLevel\":1}]}");
    assertThat(badId.statusCode()).isEqualTo(422);
    assertThat(badId.body()).contains("id-format");
  }

  @Test
  void badRequestsAreProblemDetailsNamingTheProblem() throws Exception {
    String agent = "router-bad-" + UUID.randomUUID().toString().substring(0, 8);
    String auth = agentWithProfile(agent, "{\"skills\":{\"support\":2}}");

    HttpResponse<String> unknownQueue =
        send(
            "POST",
            "/api/v1/routing/contacts",
            ADMIN,
            "{\"channel\":\"CHAT\",\"reference\":\"x-1\",\"queue\":\"nowhere\"}");
    assertThat(unknownQueue.statusCode()).isEqualTo(422);
    assertThat(json(unknownQueue).get("detail").asText()).contains("nowhere").contains("support");

    HttpResponse<String> badChannel =
        send(
            "POST",
            "/api/v1/routing/contacts",
            ADMIN,
            "{\"channel\":\"FAX\",\"reference\":\"x-1\",\"queue\":\"support\"}");
    assertThat(badChannel.statusCode()).isEqualTo(400);
    assertThat(json(badChannel).get("detail").asText()).contains("FAX");

    HttpResponse<String> readyBeforeLogin =
        send("PUT", "/api/v1/agent/state", auth, "{\"state\":\"READY\"}");
    assertThat(readyBeforeLogin.statusCode()).isEqualTo(409);
    assertThat(json(readyBeforeLogin).get("type").asText()).isEqualTo("urn:cc:problem:agent-state");

    send("POST", "/api/v1/agent/login", auth, "");
    HttpResponse<String> badState =
        send("PUT", "/api/v1/agent/state", auth, "{\"state\":\"SLEEPING\"}");
    assertThat(badState.statusCode()).isEqualTo(400);
    assertThat(json(badState).get("detail").asText()).contains("SLEEPING");

    HttpResponse<String> badLevel =
        send("PUT", "/api/v1/routing/agents/" + agent, ADMIN, "{\"skills\":{\"support\":9}}");
    assertThat(badLevel.statusCode()).isEqualTo(400);
    assertThat(json(badLevel).get("detail").asText()).contains("support").contains("1 to 5");

    HttpResponse<String> badDisposition =
        send("POST", "/api/v1/agent/contacts/chat:none/wrap-up", auth, "{\"disposition\":\"\"}");
    assertThat(badDisposition.statusCode()).isEqualTo(400);

    // A user without an agent profile, and an agent calling the admin API.
    String stranger = "no-profile-" + UUID.randomUUID().toString().substring(0, 8);
    String strangerAuth = user(stranger, "AGENT");
    HttpResponse<String> noProfile = send("POST", "/api/v1/agent/login", strangerAuth, "");
    assertThat(noProfile.statusCode()).isEqualTo(404);
    assertThat(json(noProfile).get("type").asText()).isEqualTo("urn:cc:problem:agent-not-found");
    assertThat(send("PUT", "/api/v1/routing/agents/" + stranger, auth, "{}").statusCode())
        .isEqualTo(403);
    assertThat(send("POST", "/api/v1/agent/login", ADMIN, "").statusCode()).isEqualTo(403);

    send("POST", "/api/v1/agent/logout", auth, "");
  }

  // ---- helpers ----

  private long offersOf(String contact) {
    return events.ofType(ContactOffered.class).stream()
        .filter(o -> o.id().value().equals(contact))
        .count();
  }

  private String agentWithProfile(String name, String profile) throws Exception {
    String auth = user(name, "AGENT");
    HttpResponse<String> saved = send("PUT", "/api/v1/routing/agents/" + name, ADMIN, profile);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    return auth;
  }

  private String user(String name, String role) throws Exception {
    String password = "routing-test-passphrase-1";
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/users",
            ADMIN,
            "{\"username\":\""
                + name
                + "\",\"password\":\""
                + password
                + "\",\"roles\":[\""
                + role
                + "\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return basic(name, password);
  }

  private String enqueue(String channel, String reference, String queue, boolean vip)
      throws Exception {
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/routing/contacts",
            ADMIN,
            "{\"channel\":\""
                + channel
                + "\",\"reference\":\""
                + reference
                + "\",\"queue\":\""
                + queue
                + "\",\"vip\":"
                + vip
                + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("contactId").asText();
  }

  private JsonNode awaitOffer(String auth) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> json(send("GET", "/api/v1/agent/status", auth, null)),
            s -> !s.get("offers").isEmpty());
  }

  private HttpResponse<String> send(String method, String path, String auth, String body)
      throws Exception {
    return send(method, path, auth, body, "en");
  }

  private HttpResponse<String> send(
      String method, String path, String auth, String body, String language) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", auth)
            .header("Accept-Language", language)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10));
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}

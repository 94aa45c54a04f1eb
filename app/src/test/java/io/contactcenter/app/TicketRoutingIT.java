package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.routing.ContactCompleted;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.tickets.TicketAssigned;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Tickets assigned by the ACD, on real PostgreSQL, Redis and Kafka, with agents created and working
 * through the REST API: a new ticket goes to a ready agent with the group's skill and room for a
 * ticket; solving it frees that room for the next ticket; a ticket the agent has not touched goes
 * back to routing when they go not ready, or when they leave it untouched past the first-action
 * timeout. Its own context: the routing engine's state is global.
 */
@ContactCenterIT
@TestPropertySource(
    properties = {
      "cc.test.context=ticket-routing",
      "cc.routing.pass-interval=200ms",
      "cc.tickets.sweep-interval=1s",
      "cc.tickets.routing.first-action-timeout=6s"
    })
@DirtiesContext
class TicketRoutingIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = basic("admin", ContactCenterIT.ADMIN_PASSWORD);

  @LocalServerPort int port;
  @Autowired ContactRouting routing;
  @Autowired CapturedEvents events;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> loggedIn = new ArrayList<>();

  @AfterEach
  void logOut() throws Exception {
    for (String auth : loggedIn) {
      send("POST", "/api/v1/agent/logout", auth, "");
    }
  }

  @Test
  void aNewTicketGoesToAReadyAgentWithRoomAndSolvingItMakesRoomForTheNext() throws Exception {
    String agent = "tickets-" + UUID.randomUUID().toString().substring(0, 8);
    String auth = readyAgent(agent, 1);

    String first = open("Where is my invoice?");
    JsonNode assigned = awaitAssignee(first, agent);
    assertThat(kindsAndActors(assigned)).contains("ASSIGNED by routing");
    assertThat(events.ofType(TicketAssigned.class))
        .anyMatch(a -> a.ticketId().equals(first) && agent.equals(a.assignee()));
    JsonNode status = json(send("GET", "/api/v1/agent/status", auth, null));
    assertThat(status.get("open").get(0).get("id").asText()).isEqualTo("ticket:" + first);
    // The agent acts on it at once, so the first-action timeout does not take it back.
    assertThat(
            send("POST", "/api/v1/tickets/" + first + "/replies", auth, "{\"text\":\"查询中\"}")
                .statusCode())
        .isEqualTo(200);

    // One ticket at a time: the next one waits while the agent holds the first.
    String second = open("发票抬头写错了 / wrong invoice title");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> routing.waiting().stream().map(w -> w.id().value()).toList(),
            w -> w.contains("ticket:" + second));
    assertThat(ticket(second).get("ticket").get("assignee").isNull()).isTrue();

    // Solving the first ends the agent's routing contact, and the second comes to them.
    assertThat(
            send("POST", "/api/v1/tickets/" + first + "/status", auth, "{\"status\":\"SOLVED\"}")
                .statusCode())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                events.ofType(ContactCompleted.class).stream()
                    .anyMatch(c -> c.id().equals(ContactId.of("ticket:" + first))));
    awaitAssignee(second, agent);
    send("POST", "/api/v1/tickets/" + second + "/replies", auth, "{\"text\":\"已更正\"}");
  }

  @Test
  void aTicketTheAgentHasNotTouchedGoesBackWhenTheyGoNotReadyOrLeaveItTooLong() throws Exception {
    String first = "tickets-a-" + UUID.randomUUID().toString().substring(0, 6);
    String firstAuth = readyAgent(first, 5);
    String ticket = open("Parcel returned to sender");
    awaitAssignee(ticket, first);

    // The second agent is logged in but not ready; the first goes to lunch without touching it.
    String second = "tickets-b-" + UUID.randomUUID().toString().substring(0, 6);
    String secondAuth = agent(second, 5);
    send("POST", "/api/v1/agent/login", secondAuth, "");
    send("PUT", "/api/v1/agent/state", firstAuth, "{\"state\":\"NOT_READY\",\"reason\":\"lunch\"}");
    JsonNode back =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> ticket(ticket),
                d -> notes(d).stream().anyMatch(n -> n.contains(first + " not ready (lunch)")));
    assertThat(back.get("ticket").get("assignee").isNull()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> json(send("GET", "/api/v1/agent/status", firstAuth, null)).get("open"),
            JsonNode::isEmpty);

    // The second agent gets ready and gets it; they leave it untouched past the timeout (6 s):
    // it goes back to routing (and, the only ready agent, to them again).
    send("PUT", "/api/v1/agent/state", secondAuth, "{\"state\":\"READY\"}");
    awaitAssignee(ticket, second);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> ticket(ticket),
            d -> notes(d).stream().anyMatch(n -> n.contains(second + " did not act within")));
    awaitAssignee(ticket, second);

    // Once they act, it stays theirs.
    assertThat(
            send("POST", "/api/v1/tickets/" + ticket + "/notes", secondAuth, "{\"text\":\"联系快递\"}")
                .statusCode())
        .isEqualTo(200);
    long takenBack = notes(ticket(ticket)).stream().filter(n -> n.contains("did not act")).count();
    await().pollDelay(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(15)).until(() -> true);
    JsonNode kept = ticket(ticket);
    assertThat(kept.get("ticket").get("assignee").asText()).isEqualTo(second);
    assertThat(notes(kept).stream().filter(n -> n.contains("did not act")).count())
        .isEqualTo(takenBack);
  }

  // ---- helpers ----

  private String open(String subject) throws Exception {
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/tickets",
            ADMIN,
            "{\"subject\":\""
                + subject
                + "\",\"customerRef\":\"c-"
                + UUID.randomUUID()
                + "\",\"category\":\"QUESTION\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode ticket = json(created).get("ticket");
    assertThat(ticket.get("group").asText()).isEqualTo("support");
    return ticket.get("ticketId").asText();
  }

  private JsonNode awaitAssignee(String ticketId, String agent) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> ticket(ticketId),
            d -> agent.equals(d.get("ticket").get("assignee").asText(null)));
  }

  private JsonNode ticket(String ticketId) throws Exception {
    HttpResponse<String> response = send("GET", "/api/v1/tickets/" + ticketId, ADMIN, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static List<String> kindsAndActors(JsonNode details) {
    List<String> out = new ArrayList<>();
    details
        .get("history")
        .forEach(e -> out.add(e.get("kind").asText() + " by " + e.get("actor").asText()));
    return out;
  }

  private static List<String> notes(JsonNode details) {
    List<String> out = new ArrayList<>();
    details
        .get("history")
        .forEach(
            e -> {
              if (e.get("kind").asText().equals("NOTE")) {
                out.add(e.get("body").asText());
              }
            });
    return out;
  }

  private String readyAgent(String name, int tickets) throws Exception {
    String auth = agent(name, tickets);
    assertThat(send("POST", "/api/v1/agent/login", auth, "").statusCode()).isEqualTo(200);
    assertThat(send("PUT", "/api/v1/agent/state", auth, "{\"state\":\"READY\"}").statusCode())
        .isEqualTo(200);
    return auth;
  }

  private String agent(String name, int tickets) throws Exception {
    String password = "ticket-routing-passphrase-1";
    HttpResponse<String> created =
        send(
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
        send(
            "PUT",
            "/api/v1/routing/agents/" + name,
            ADMIN,
            "{\"skills\":{\"support\":3},\"chats\":0,\"tickets\":"
                + tickets
                + ",\"wrapUpSeconds\":0}");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    String auth = basic(name, password);
    loggedIn.add(auth);
    return auth;
  }

  private HttpResponse<String> send(String method, String path, String auth, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", auth)
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

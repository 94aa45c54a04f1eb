package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.ContactCenterProcess;
import io.contactcenter.testinfra.FreePorts;
import io.contactcenter.testinfra.RoutingLeader;
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
 * set to an hour, so only the change announced over Redis can explain it). A ticket opened on the
 * instance that does not route reaches an agent who works through this context, and after the
 * routing process is killed the survivor takes over and routes the next ticket to the same agent.
 */
@ContactCenterIT
@TestPropertySource(properties = {"cc.test.context=routing-instances", "cc.routing.lead=false"})
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
    other = instance("routing-instances");
    third = instance("routing-instances-2");
    other.start();
    third.start();
    other.awaitComponent("readinessState", "UP", Duration.ofMinutes(4));
    third.awaitComponent("readinessState", "UP", Duration.ofMinutes(4));
  }

  private ContactCenterProcess instance(String name) {
    return new ContactCenterProcess(
        name,
        FreePorts.next(),
        ContactCenterProcess.besideTheTestContext(
            environment,
            // Queues and tickets need no Asterisk; these instances take no calls.
            "--cc.pbx.ami.port=" + FreePorts.next(),
            "--cc.pbx.fastagi.port=" + FreePorts.next(),
            "--cc.security.initial-admin-password=" + ContactCenterIT.ADMIN_PASSWORD,
            "--cc.campaigns.node-id=" + name,
            "--cc.routing.queue-refresh=1h"));
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
  void aTicketOpenedOnOneInstanceReachesAnAgentOnAnotherAndTheSurvivorRoutesAfterTheLeaderDies()
      throws Exception {
    startTheOtherInstances();
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
        send(
            port,
            "PUT",
            "/api/v1/routing/agents/" + name,
            ADMIN,
            "{\"skills\":{\"support\":3},\"chats\":0,\"tickets\":5,\"wrapUpSeconds\":0}");
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

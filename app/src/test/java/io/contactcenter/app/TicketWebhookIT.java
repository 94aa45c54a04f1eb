package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The shop's webhook on ticket status changes against a real HTTP receiver: each change is posted
 * once it is committed, signed with HMAC-SHA256 over timestamp and body with the configured secret,
 * with the event's idempotency key; a receiver that fails gets the same call again after a backoff,
 * until it answers 2xx. Its own context (the webhook on, short backoff), closed with the class.
 */
@ContactCenterIT
@TestPropertySource(
    properties = {
      "cc.test.context=tickets-webhook",
      "cc.tickets.webhook.secret=webhook-it-secret",
      "cc.tickets.webhook.poll-interval=300ms",
      "cc.tickets.webhook.initial-backoff=1s"
    })
@DirtiesContext
class TicketWebhookIT {

  record Received(String body, String signature, String timestamp, String idempotencyKey) {}

  static final List<Received> received = new CopyOnWriteArrayList<>();
  static final AtomicInteger failuresLeft = new AtomicInteger();
  static final HttpServer shop = start();

  private static HttpServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hooks/tickets",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(
                new Received(
                    body,
                    exchange.getRequestHeaders().getFirst("X-CC-Signature"),
                    exchange.getRequestHeaders().getFirst("X-CC-Timestamp"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void pointAtTheShop(DynamicPropertyRegistry registry) {
    registry.add(
        "cc.tickets.webhook.url",
        () -> "http://127.0.0.1:" + shop.getAddress().getPort() + "/hooks/tickets");
  }

  @AfterAll
  static void stopShop() {
    shop.stop(0);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aStatusChangeReachesTheShopSignedOnceItAnswersAfterRetries() throws Exception {
    CampaignApi api = new CampaignApi(port);
    HttpResponse<String> created =
        api.post(
            "/api/v1/tickets",
            "{\"subject\": \"Return order W1\", \"customerRef\": \"c-" + UUID.randomUUID() + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json.readTree(created.body()).get("ticket").get("ticketId").asText();
    failuresLeft.set(2);
    assertThat(
            api.post("/api/v1/tickets/" + id + "/status", "{\"status\": \"PENDING_THIRD_PARTY\"}")
                .statusCode())
        .isEqualTo(200);

    // Two failures (503), then the third call is taken: the same event each time.
    List<Received> calls =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> callsFor(id), c -> c.size() >= 3 && failuresLeft.get() == 0);
    assertThat(calls)
        .extracting(Received::idempotencyKey)
        .containsOnly(calls.get(0).idempotencyKey());
    for (Received call : calls) {
      assertThat(call.signature())
          .as("signed with the configured secret over timestamp and body")
          .isEqualTo(sign("webhook-it-secret", call.timestamp() + "." + call.body()));
      assertThat(sign("a-forged-secret", call.timestamp() + "." + call.body()))
          .isNotEqualTo(call.signature());
    }
    JsonNode payload = json.readTree(calls.get(0).body());
    assertThat(payload.get("type").asText()).isEqualTo("ticket.status-changed");
    assertThat(payload.get("from").asText()).isEqualTo("NEW");
    assertThat(payload.get("to").asText()).isEqualTo("PENDING_THIRD_PARTY");
    assertThat(payload.get("eventId").asText()).isEqualTo(calls.get(0).idempotencyKey());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql(
                        "SELECT attempts FROM ticket_webhook_delivery WHERE ticket_id = ?"
                            + " AND delivered_at IS NOT NULL")
                    .param(id)
                    .query(Integer.class)
                    .optional()
                    .orElse(0),
            n -> n == 3);
    // Delivered: no more calls for it.
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertThat(callsFor(id)).hasSize(3);
  }

  private List<Received> callsFor(String ticketId) {
    return received.stream().filter(r -> r.body().contains(ticketId)).toList();
  }

  private static String sign(String secret, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256="
        + HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}

package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.TicketStatusChanged;
import io.contactcenter.tickets.internal.domain.WebhookBackoff;
import io.contactcenter.tickets.internal.domain.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shop's webhook on ticket status changes. The listener (redelivered by the event publication
 * registry until it succeeds) only records the call to make, keyed by the event, so a redelivery
 * records nothing new; a loop on a thread of its own, on every instance, makes the due calls
 * ({@code SKIP LOCKED}: one instance per call), signed with HMAC-SHA256 over timestamp and body,
 * with the event's key as {@code Idempotency-Key}, and retries failures with exponential backoff.
 * The shop may see a call twice (an answer lost after it was handled): it keys on the idempotency
 * key.
 */
class ShopWebhook implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ShopWebhook.class);

  private final JdbcClient jdbc;
  private final TicketProperties.Webhook config;
  private final WebhookBackoff backoff;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final HttpClient http;
  private ScheduledExecutorService executor;

  ShopWebhook(
      JdbcClient jdbc, TicketProperties.Webhook config, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.config = config;
    this.backoff =
        new WebhookBackoff(config.initialBackoff(), config.maxBackoff(), config.maxAttempts());
    this.tx = tx;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
  }

  private boolean enabled() {
    return !config.url().isBlank();
  }

  @ApplicationModuleListener
  public void on(TicketStatusChanged changed) {
    if (!enabled()) {
      return;
    }
    String key = changed.ticketId() + ":" + changed.at().toEpochMilli() + ":" + changed.to();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "ticket.status-changed");
    payload.put("eventId", key);
    payload.put("ticketId", changed.ticketId());
    payload.put("from", changed.from());
    payload.put("to", changed.to());
    payload.put("actor", changed.actor());
    payload.put("at", changed.at().toString());
    jdbc.sql(
            "INSERT INTO ticket_webhook_delivery (event_key, ticket_id, payload, next_attempt_at,"
                + " created_at) VALUES (:key, :ticket, :payload, :now, :now)"
                + " ON CONFLICT (event_key) DO NOTHING")
        .param("key", key)
        .param("ticket", changed.ticketId())
        .param("payload", FieldValuesJson.write(payload))
        .param("now", Timestamp.from(now()))
        .update();
  }

  /** One pass: makes the calls that are due. Returns how many were attempted. */
  int deliverDue() {
    List<String> due =
        jdbc.sql(
                "SELECT event_key FROM ticket_webhook_delivery WHERE next_attempt_at <= :now"
                    + " ORDER BY next_attempt_at LIMIT 50")
            .param("now", Timestamp.from(now()))
            .query(String.class)
            .list();
    for (String key : due) {
      tx.executeWithoutResult(status -> deliver(key));
    }
    return due.size();
  }

  private void deliver(String key) {
    var row =
        jdbc.sql(
                "SELECT payload, attempts FROM ticket_webhook_delivery WHERE event_key = :key"
                    + " AND next_attempt_at <= :now FOR UPDATE SKIP LOCKED")
            .param("key", key)
            .param("now", Timestamp.from(now()))
            .query((rs, n) -> Map.entry(rs.getString("payload"), rs.getInt("attempts")))
            .optional();
    if (row.isEmpty()) {
      return; // another instance has it, or it is done
    }
    String body = row.get().getKey();
    int attempts = row.get().getValue() + 1;
    String error = call(key, body);
    Instant now = now();
    if (error == null) {
      jdbc.sql(
              "UPDATE ticket_webhook_delivery SET attempts = :a, delivered_at = :now,"
                  + " next_attempt_at = NULL, last_error = NULL WHERE event_key = :key")
          .param("a", attempts)
          .param("now", Timestamp.from(now))
          .param("key", key)
          .update();
      log.info("webhook {} delivered after {} attempt(s)", key, attempts);
      return;
    }
    Duration wait = backoff.after(attempts);
    jdbc.sql(
            "UPDATE ticket_webhook_delivery SET attempts = :a, next_attempt_at = :next,"
                + " last_error = :error WHERE event_key = :key")
        .param("a", attempts)
        .param("next", wait == null ? null : Timestamp.from(now.plus(wait)))
        .param("error", error.length() > 300 ? error.substring(0, 300) : error)
        .param("key", key)
        .update();
    if (wait == null) {
      log.warn("webhook {} given up after {} attempts: {}", key, attempts, error);
    } else {
      log.info("webhook {} failed ({}); retrying in {}", key, error, wait);
    }
  }

  /** Null when the shop took it (2xx), else what went wrong. */
  private String call(String key, String body) {
    long timestamp = now().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(config.url()))
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .header("X-CC-Timestamp", String.valueOf(timestamp))
            .header("X-CC-Signature", WebhookSignature.sign(config.secret(), timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? null : "HTTP " + status;
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public synchronized void start() {
    if (!enabled()) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ticket-webhook").daemon().factory());
    long millis = config.pollInterval().toMillis();
    executor.scheduleWithFixedDelay(this::deliverOnce, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void deliverOnce() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      // A failed pass must not cancel the schedule; the next pass retries the same calls.
      log.warn("webhook pass failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}

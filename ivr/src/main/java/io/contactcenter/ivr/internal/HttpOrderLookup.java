package io.contactcenter.ivr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.ivr.internal.domain.OrderInfo;
import io.contactcenter.ivr.internal.domain.OrderResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Order data from a shop's order API: {@code GET <base-url>/orders/<number>} answers {@code
 * {"orderId", "state", "eta", "carrier", "trackingNumber"}} (state as in {@link
 * OrderInfo.OrderState}, eta {@code yyyy-MM-dd}) or 404. Each request has a timeout (1 s by
 * default); after {@code failure-threshold} failures in a row the circuit opens and callers hear
 * the apology at once for {@code open-for}, then one request tries again. A timeout, an error
 * status or a body that is not such JSON is a failure. Thread-safe.
 */
final class HttpOrderLookup implements OrderLookup {

  private static final Logger log = LoggerFactory.getLogger(HttpOrderLookup.class);

  private final IvrProperties.Http config;
  private final HttpClient http;
  private final ObjectMapper json;
  private final Clock clock;
  private int failures;
  private Instant openUntil = Instant.MIN;

  HttpOrderLookup(IvrProperties.Http config, HttpClient http, ObjectMapper json, Clock clock) {
    this.config = config;
    this.http = http;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public OrderResult lookUp(String orderNumber) {
    synchronized (this) {
      if (clock.instant().isBefore(openUntil)) {
        return new OrderResult.Unavailable("circuit open");
      }
    }
    OrderResult result = request(orderNumber);
    synchronized (this) {
      if (result instanceof OrderResult.Unavailable u) {
        failures++;
        if (failures >= config.failureThreshold()) {
          openUntil = clock.instant().plus(config.openFor());
          log.warn(
              "order API circuit open for {} after {} failures: {}",
              config.openFor(),
              failures,
              u.reason());
          failures = 0;
        }
      } else {
        failures = 0;
      }
    }
    return result;
  }

  private OrderResult request(String orderNumber) {
    if (!orderNumber.matches("[0-9A-Za-z-]{1,40}")) {
      return new OrderResult.NotFound();
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(config.baseUrl() + "/orders/" + orderNumber))
            .timeout(config.timeout())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      return new OrderResult.Unavailable("timeout after " + config.timeout());
    } catch (IOException e) {
      return new OrderResult.Unavailable("I/O: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new OrderResult.Unavailable("interrupted");
    }
    if (response.statusCode() == 404) {
      return new OrderResult.NotFound();
    }
    if (response.statusCode() != 200) {
      return new OrderResult.Unavailable("HTTP " + response.statusCode());
    }
    try {
      JsonNode body = json.readTree(response.body());
      String state = body.path("state").asText("");
      String eta = body.path("eta").asText("");
      return new OrderResult.Found(
          new OrderInfo(
              orderNumber,
              OrderInfo.OrderState.valueOf(state.toUpperCase(Locale.ROOT)),
              eta.isEmpty() ? null : LocalDate.parse(eta),
              text(body, "carrier"),
              text(body, "trackingNumber")));
    } catch (IOException | RuntimeException e) {
      // Garbage from the shop is a failure like a timeout: the caller gets an agent.
      return new OrderResult.Unavailable("unreadable answer: " + e.getClass().getSimpleName());
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }
}

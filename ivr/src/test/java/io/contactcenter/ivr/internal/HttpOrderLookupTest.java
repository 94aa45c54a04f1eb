package io.contactcenter.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.contactcenter.ivr.internal.domain.OrderInfo;
import io.contactcenter.ivr.internal.domain.OrderResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP adapter against a real local HTTP server. */
class HttpOrderLookupTest {

  private HttpServer server;
  private final CountDownLatch never = new CountDownLatch(1);
  private final AtomicInteger requests = new AtomicInteger();
  private Instant now = Instant.parse("2026-12-01T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private HttpOrderLookup lookup;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/api/orders/",
        exchange -> {
          requests.incrementAndGet();
          String number = exchange.getRequestURI().getPath().replace("/api/orders/", "");
          String body;
          int status = 200;
          switch (number) {
            case "12345678" ->
                body =
                    "{\"orderId\":\"12345678\",\"state\":\"shipped\",\"eta\":\"2026-12-05\","
                        + "\"carrier\":\"SF Express\",\"trackingNumber\":\"SF1\"}";
            case "66666666" -> body = "<html>oops</html>";
            case "77777777" -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              body = "{}";
            }
            default -> {
              status = 404;
              body = "";
            }
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
          if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    server.start();
    IvrProperties.Http config =
        new IvrProperties.Http(
            "http://127.0.0.1:" + server.getAddress().getPort() + "/api",
            Duration.ofMillis(300),
            2,
            Duration.ofSeconds(30));
    lookup =
        new HttpOrderLookup(
            config, HttpOrderLookup.client(config.timeout()), new ObjectMapper(), clock);
  }

  @AfterEach
  void stop() {
    never.countDown();
    server.stop(0);
  }

  @Test
  void aKnownOrderIsFoundWithItsLogistics() {
    assertThat(lookup.lookUp("12345678"))
        .isEqualTo(
            new OrderResult.Found(
                new OrderInfo(
                    "12345678",
                    OrderInfo.OrderState.SHIPPED,
                    LocalDate.parse("2026-12-05"),
                    "SF Express",
                    "SF1")));
  }

  @Test
  void notFoundIsNotAFailure() {
    assertThat(lookup.lookUp("11111111")).isInstanceOf(OrderResult.NotFound.class);
    assertThat(lookup.lookUp("11111112")).isInstanceOf(OrderResult.NotFound.class);
    assertThat(lookup.lookUp("12345678")).isInstanceOf(OrderResult.Found.class);
  }

  @Test
  void garbageAndTimeoutsAreUnavailableAndOpenTheCircuit() {
    assertThat(lookup.lookUp("66666666")).isInstanceOf(OrderResult.Unavailable.class);
    assertThat(lookup.lookUp("77777777"))
        .isInstanceOfSatisfying(
            OrderResult.Unavailable.class, u -> assertThat(u.reason()).contains("timeout"));
    int sent = requests.get();

    assertThat(lookup.lookUp("12345678"))
        .as("the circuit is open: no request")
        .isEqualTo(new OrderResult.Unavailable("circuit open"));
    assertThat(requests.get()).isEqualTo(sent);

    now = now.plusSeconds(31);
    assertThat(lookup.lookUp("12345678")).isInstanceOf(OrderResult.Found.class);
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.FreePorts;
import io.contactcenter.testinfra.LocalAsterisk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server starts and serves while Asterisk is down, shows ami DOWN, connects when Asterisk comes
 * up, and reconnects after Asterisk restarts. Uses an Asterisk of its own, so its context is closed
 * with the class: left in the cache it would keep a Quartz node and an outbox alive against an
 * Asterisk that is gone.
 */
@ContactCenterIT
@DirtiesContext
class AmiReconnectIT {

  static final LocalAsterisk asterisk =
      new LocalAsterisk("reconnect", LocalAsterisk.Ports.allocate(FreePorts.next()));

  @DynamicPropertySource
  static void pointAtOwnAsterisk(DynamicPropertyRegistry registry) {
    registry.add("cc.pbx.ami.port", () -> asterisk.ports().ami());
    registry.add("cc.pbx.fastagi.port", () -> asterisk.ports().agi());
  }

  @AfterAll
  static void stopAsterisk() {
    asterisk.stop();
  }

  @Autowired HealthEndpoint health;
  @LocalServerPort int port;

  @Test
  void servesWhileAsteriskIsDownAndReconnectsWhenItReturns() throws Exception {
    assertThat(ami()).isEqualTo(Status.DOWN);
    HttpResponse<String> login =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);

    asterisk.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> ami().equals(Status.UP));

    asterisk.stop();
    await().atMost(Duration.ofSeconds(30)).until(() -> ami().equals(Status.DOWN));

    asterisk.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> ami().equals(Status.UP));
  }

  private Status ami() {
    return health.healthForPath("ami").getStatus();
  }
}

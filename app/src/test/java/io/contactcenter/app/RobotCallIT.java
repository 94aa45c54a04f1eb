package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.RobotApi;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Ops place a robot call with a campaign's script; the attempt records what happened. */
@ContactCenterIT
class RobotCallIT {

  static LocalAsterisk asterisk;

  @LocalServerPort int port;
  @Autowired HealthEndpoint health;

  @BeforeAll
  static void startAsterisk() {
    asterisk = TestInfrastructure.asterisk();
  }

  @BeforeEach
  void amiIsUp() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> health.healthForPath("ami").getStatus().equals(Status.UP));
  }

  @Test
  void aBusyLineEndsTheAttemptAsBusy() throws Exception {
    try (Sipp.Answering phone =
        Sipp.scenario("uas-busy.xml")
            .timeout(Duration.ofSeconds(30))
            .answerOn(asterisk.ports().trunk())) {
      RobotApi api = new RobotApi(port);

      JsonNode attempt = api.awaitFinished(api.placeBalanceReminder(), Duration.ofSeconds(30));

      assertThat(attempt.get("dialOutcome").asText()).isEqualTo("BUSY");
      assertThat(attempt.get("phone").asText()).doesNotContain("13800138");
      assertThat(attempt.get("scriptId").asText()).isEqualTo("balance-reminder");
    }
  }

  @Test
  void aMissingVariableIsRefusedBeforeAnythingIsDialed() throws Exception {
    HttpResponse<String> response =
        new RobotApi(port)
            .place(
                "{\"phone\":\"+8613800138000\",\"campaignType\":\"balance\","
                    + "\"variables\":{\"merchant\":\"Acme\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("amount_due").contains("customer_name");
  }

  @Test
  void anUnknownCampaignTypeIsRefused() throws Exception {
    HttpResponse<String> response =
        new RobotApi(port)
            .place("{\"phone\":\"+8613800138000\",\"campaignType\":\"lottery\",\"variables\":{}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("balance");
  }
}

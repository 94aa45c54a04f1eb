package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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

  static final String VARIABLES =
      "{\"merchant\":\"Acme Shop\",\"customer_name\":\"Li Lei\",\"order_number\":\"A2026113\","
          + "\"amount_due\":\"1299.50 CNY\",\"deadline\":\"2026-11-30\"}";

  static LocalAsterisk asterisk;

  @LocalServerPort int port;
  @Autowired HealthEndpoint health;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String ops =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  ("admin:" + ContactCenterIT.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

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
      HttpResponse<String> placed =
          post(
              "{\"phone\":\"+8613800138000\",\"campaignType\":\"balance\",\"variables\":"
                  + VARIABLES
                  + "}");
      assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
      String attemptId = json.readTree(placed.body()).get("attemptId").asText();

      JsonNode attempt =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> attempt(attemptId), a -> "FINISHED".equals(a.get("status").asText()));
      assertThat(attempt.get("dialOutcome").asText()).isEqualTo("BUSY");
      assertThat(attempt.get("phone").asText()).doesNotContain("13800138");
      assertThat(attempt.get("scriptId").asText()).isEqualTo("balance-reminder");
    }
  }

  @Test
  void aMissingVariableIsRefusedBeforeAnythingIsDialed() throws Exception {
    HttpResponse<String> response =
        post(
            "{\"phone\":\"+8613800138000\",\"campaignType\":\"balance\",\"variables\":{\"merchant\":\"Acme\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("amount_due").contains("customer_name");
  }

  @Test
  void anUnknownCampaignTypeIsRefused() throws Exception {
    HttpResponse<String> response =
        post("{\"phone\":\"+8613800138000\",\"campaignType\":\"lottery\",\"variables\":{}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("balance");
  }

  private HttpResponse<String> post(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/robot/calls"))
            .header("Authorization", ops)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode attempt(String id) throws Exception {
    return json.readTree(
        http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/robot/calls/" + id))
                    .header("Authorization", ops)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }
}

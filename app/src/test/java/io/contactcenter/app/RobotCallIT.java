package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.RobotApi;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Ops place a robot call with a campaign's script; the attempt records what happened. */
@ContactCenterIT
@WithSharedAsterisk
class RobotCallIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  @LocalServerPort int port;

  @Value("${cc.outboundrobot.ring-timeout}")
  Duration ringTimeout;

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
  void aLineThatNeverAnswersEndsTheAttemptAsNoAnswerAfterTheRingTimeout() throws Exception {
    try (Sipp.Answering phone =
        Sipp.scenario("uas-noanswer.xml")
            .timeout(ringTimeout.plusSeconds(60))
            .answerOn(asterisk.ports().trunk())) {
      RobotApi api = new RobotApi(port);

      JsonNode attempt = api.awaitFinished(api.placeBalanceReminder(), ringTimeout.plusSeconds(30));

      assertThat(attempt.get("dialOutcome").asText()).as(attempt.toString()).isEqualTo("NO_ANSWER");
      assertThat(attempt.get("answeredAt").isNull()).isTrue();
      assertThat(attempt.get("outcome").isNull()).isTrue();
      assertThat(attempt.get("turns")).isEmpty();
      // It rang for the whole ring timeout, no less (Asterisk gave up, not the line) ...
      Instant placed = Instant.parse(attempt.get("createdAt").asText());
      Instant gaveUp = Instant.parse(attempt.get("endedAt").asText());
      assertThat(gaveUp).isAfterOrEqualTo(placed.plus(ringTimeout).minusSeconds(1));
      // ... and then cancelled the ringing line (CANCEL, 487, ACK: the scenario completed).
      Sipp.Result line = phone.await(Duration.ofSeconds(30));
      assertThat(line.succeeded()).as(line.output()).isTrue();
    }
  }

  @Test
  void aMissingVariableIsRefusedBeforeAnythingIsDialed() throws Exception {
    HttpResponse<String> response =
        new RobotApi(port)
            .place(
                "{\"phone\":\"+8613800138000\",\"campaignType\":\"balance\","
                    + "\"variables\":{\"merchant\":\"Acme\"}}");

    // A well-formed request the script's rules refuse: 422, not 400.
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body())
        .contains("urn:cc:problem:call-refused")
        .contains("amount_due")
        .contains("customer_name");
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

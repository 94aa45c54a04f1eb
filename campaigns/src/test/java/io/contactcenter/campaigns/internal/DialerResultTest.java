package io.contactcenter.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.campaigns.internal.domain.AttemptResult;
import io.contactcenter.outboundrobot.RobotAttempt;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the robot's dial outcome and dialogue outcome read for the retry policy. */
class DialerResultTest {

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "NO_ANSWER, -, NO_ANSWER",
        "BUSY, -, BUSY",
        "CONGESTION, -, BUSY",
        "FAILED, -, FAILED",
        "-, -, FAILED",
        "ANSWERED, AGREED, FINAL",
        "ANSWERED, ALREADY_DONE, FINAL",
        "ANSWERED, REFUSED, FINAL",
        "ANSWERED, DO_NOT_CALL, FINAL",
        "ANSWERED, TRANSFERRED, FINAL",
        "ANSWERED, WRONG_PERSON, FINAL",
        "ANSWERED, CALLBACK_SCHEDULED, CALLBACK_REQUESTED",
        "ANSWERED, VOICEMAIL, VOICEMAIL",
        "ANSWERED, HUNG_UP, HUNG_UP",
        "ANSWERED, NO_RESPONSE, NO_RESPONSE",
        "ANSWERED, FAILED, FAILED",
        "ANSWERED, -, FAILED",
      })
  void mapsRobotResults(String dialOutcome, String outcome, AttemptResult expected) {
    RobotAttempt attempt =
        new RobotAttempt(
            "robot-1",
            "+861*******00",
            "balance-reminder",
            1,
            "en",
            "FINISHED",
            dialOutcome,
            outcome,
            null,
            null,
            null,
            null,
            Instant.EPOCH,
            null,
            Instant.EPOCH,
            List.of());
    assertThat(Dialer.resultOf(attempt)).isEqualTo(expected);
  }
}

package io.contactcenter.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.campaigns.internal.domain.AttemptResult;
import io.contactcenter.outboundrobot.DialOutcome;
import io.contactcenter.outboundrobot.DialogueOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the robot's dial outcome and dialogue outcome read for the retry policy. */
class AttemptResultMappingTest {

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "NO_ANSWER, -, NO_ANSWER",
        "BUSY, -, BUSY",
        "CONGESTION, -, BUSY",
        "FAILED, -, FAILED",
        "NOT_DIALED, -, FAILED",
        "VOICEMAIL, VOICEMAIL, VOICEMAIL",
        "ANSWERED, AGREED, FINAL",
        "ANSWERED, ALREADY_DONE, FINAL",
        "ANSWERED, REFUSED, FINAL",
        "ANSWERED, DO_NOT_CALL, FINAL",
        "ANSWERED, TRANSFERRED, FINAL",
        "ANSWERED, WRONG_PERSON, FINAL",
        "ANSWERED, QUESTION_TICKET, FINAL",
        "ANSWERED, COMPLAINT_TICKET, FINAL",
        "ANSWERED, CALLBACK_SCHEDULED, CALLBACK_REQUESTED",
        "ANSWERED, VOICEMAIL, VOICEMAIL",
        "ANSWERED, HUNG_UP, HUNG_UP",
        "ANSWERED, NO_RESPONSE, NO_RESPONSE",
        "ANSWERED, FAILED, FAILED",
        "ANSWERED, -, FAILED",
      })
  void mapsRobotResults(DialOutcome dial, DialogueOutcome outcome, AttemptResult expected) {
    assertThat(AttemptSettlement.resultOf(dial, outcome)).isEqualTo(expected);
  }
}

package io.contactcenter.campaigns.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DialPlannerTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final DialPlanner planner =
      new DialPlanner(RetryPolicy.defaults(), CallWindow.defaults(), Duration.ofMinutes(2));

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Test
  void aRetryInsideTheWindowIsDueAfterTheSpacing() {
    // BUSY at 10:00 Shanghai: 10:15.
    assertThat(
            planner.nextDialTime(
                AttemptResult.BUSY, 1, 0, at("2026-06-10T02:00:00Z"), null, SHANGHAI))
        .contains(at("2026-06-10T02:15:00Z"));
  }

  @Test
  void aRetryThatWouldStartInTheLastMinutesWaitsForTheNextDay() {
    // BUSY at 20:44: 20:59 leaves one minute of the window, less than two.
    assertThat(
            planner.nextDialTime(
                AttemptResult.BUSY, 1, 0, at("2026-06-10T12:44:00Z"), null, SHANGHAI))
        .contains(at("2026-06-11T01:00:00Z"));
    // BUSY at 20:43: 20:58 leaves exactly two.
    assertThat(
            planner.nextDialTime(
                AttemptResult.BUSY, 1, 0, at("2026-06-10T12:43:00Z"), null, SHANGHAI))
        .contains(at("2026-06-10T12:58:00Z"));
  }

  @Test
  void aCallbackOutsideTheWindowIsDueAtTheNextOpening() {
    // "Call me at 22:00": the window closes at 21:00, so 09:00 the next day.
    Instant tenPm = at("2026-06-10T14:00:00Z");

    assertThat(
            planner.nextDialTime(
                AttemptResult.CALLBACK_REQUESTED,
                3,
                0,
                at("2026-06-10T03:00:00Z"),
                tenPm,
                SHANGHAI))
        .contains(at("2026-06-11T01:00:00Z"));
  }

  @Test
  void noRetryHasNoDialTime() {
    assertThat(
            planner.nextDialTime(
                AttemptResult.FINAL, 1, 0, at("2026-06-10T02:00:00Z"), null, SHANGHAI))
        .isEmpty();
    assertThat(planner.nextDialTime(new RetryDecision.NoRetry("done"), SHANGHAI)).isEmpty();
  }

  @Test
  void aNewContactIsDialledWhenTheWindowOpens() {
    assertThat(planner.firstDialTime(SHANGHAI, at("2026-06-10T00:00:00Z")))
        .contains(at("2026-06-10T01:00:00Z"));
  }

  @Test
  void rejectsANegativeMinRemaining() {
    assertThatThrownBy(
            () ->
                new DialPlanner(
                    RetryPolicy.defaults(), CallWindow.defaults(), Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minRemaining must not be negative");
  }
}

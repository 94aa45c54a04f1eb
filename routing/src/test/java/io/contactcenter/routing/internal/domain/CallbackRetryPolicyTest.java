package io.contactcenter.routing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.common.OpeningHours;
import io.contactcenter.routing.internal.domain.CallbackRetryPolicy.Completed;
import io.contactcenter.routing.internal.domain.CallbackRetryPolicy.GiveUp;
import io.contactcenter.routing.internal.domain.CallbackRetryPolicy.Outcome;
import io.contactcenter.routing.internal.domain.CallbackRetryPolicy.RetryAt;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallbackRetryPolicyTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  // Monday 2026-11-30 17:55 in Shanghai.
  private static final Instant MONDAY_EVENING =
      LocalDate.of(2026, 11, 30).atTime(17, 55).atZone(SHANGHAI).toInstant();

  private final CallbackRetryPolicy policy = new CallbackRetryPolicy(3, Duration.ofMinutes(10));

  private static OpeningHours weekdaysNineToSix(Set<LocalDate> holidays) {
    List<OpeningHours.Period> day = List.of(OpeningHours.Period.parse("09:00-18:00"));
    return new OpeningHours(
        SHANGHAI,
        Map.of(
            DayOfWeek.MONDAY, day,
            DayOfWeek.TUESDAY, day,
            DayOfWeek.WEDNESDAY, day,
            DayOfWeek.THURSDAY, day,
            DayOfWeek.FRIDAY, day),
        holidays,
        Set.of(),
        List.of());
  }

  @Test
  void anAnsweredCallbackIsDone() {
    assertThat(policy.after(1, Outcome.ANSWERED, MONDAY_EVENING, t -> true))
        .isInstanceOf(Completed.class);
  }

  @Test
  void anUnansweredCallbackIsTriedAgainAfterTheInterval() {
    assertThat(policy.after(1, Outcome.NO_ANSWER, MONDAY_EVENING, t -> true))
        .isEqualTo(new RetryAt(MONDAY_EVENING.plus(Duration.ofMinutes(10))));
    assertThat(policy.after(2, Outcome.BUSY, MONDAY_EVENING, t -> true))
        .isEqualTo(new RetryAt(MONDAY_EVENING.plus(Duration.ofMinutes(10))));
  }

  @Test
  void theLastAttemptGivesUp() {
    assertThat(policy.after(3, Outcome.NO_ANSWER, MONDAY_EVENING, t -> true))
        .isEqualTo(new GiveUp("attempts-exhausted"));
    assertThat(policy.after(3, Outcome.INTERRUPTED, MONDAY_EVENING, t -> true))
        .isEqualTo(new GiveUp("attempts-exhausted"));
  }

  @Test
  void aRetryThatWouldFallAfterHoursMovesToTheNextOpening() {
    OpeningHours hours = weekdaysNineToSix(Set.of());
    // 18:05 is closed: the next morning at nine.
    assertThat(policy.after(1, Outcome.NO_ANSWER, MONDAY_EVENING, hours::isOpen))
        .isEqualTo(
            new RetryAt(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(SHANGHAI).toInstant()));
  }

  @Test
  void holidaysAreSkipped() {
    OpeningHours hours = weekdaysNineToSix(Set.of(LocalDate.of(2026, 12, 1)));
    assertThat(policy.after(1, Outcome.NO_ANSWER, MONDAY_EVENING, hours::isOpen))
        .isEqualTo(
            new RetryAt(LocalDate.of(2026, 12, 2).atTime(9, 0).atZone(SHANGHAI).toInstant()));
  }

  @Test
  void aQueueThatNeverOpensGivesUp() {
    assertThat(policy.after(1, Outcome.NO_ANSWER, MONDAY_EVENING, t -> false))
        .isEqualTo(new GiveUp("queue-closed"));
  }

  @Test
  void theCauseOfTheAgentsCallTellsTheOutcome() {
    assertThat(Outcome.ofCause(16)).isEqualTo(Outcome.ANSWERED);
    assertThat(Outcome.ofCause(17)).isEqualTo(Outcome.BUSY);
    assertThat(Outcome.ofCause(19)).isEqualTo(Outcome.NO_ANSWER);
    assertThat(Outcome.ofCause(34)).isEqualTo(Outcome.FAILED);
  }

  @Test
  void aPolicyWithoutAttemptsIsRefused() {
    assertThatThrownBy(() -> new CallbackRetryPolicy(0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

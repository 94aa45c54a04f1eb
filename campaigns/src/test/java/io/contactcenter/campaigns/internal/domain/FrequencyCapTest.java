package io.contactcenter.campaigns.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.campaigns.internal.domain.DialDecision.Allowed;
import io.contactcenter.campaigns.internal.domain.DialDecision.Rejected;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrequencyCapTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private final FrequencyCap cap = FrequencyCap.defaults();

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Test
  void defaultsAreThreeADayAndTenAWeek() {
    assertThat(cap).isEqualTo(new FrequencyCap(3, 10));
  }

  @Test
  void allowsTheThirdCallOfADayAndRejectsTheFourthUntilLocalMidnight() {
    List<Instant> two = List.of(at("2026-06-10T01:00:00Z"), at("2026-06-10T02:00:00Z"));
    List<Instant> three =
        List.of(at("2026-06-10T01:00:00Z"), at("2026-06-10T02:00:00Z"), at("2026-06-10T03:00:00Z"));

    assertThat(cap.check(two, SHANGHAI, at("2026-06-10T06:00:00Z"))).isEqualTo(new Allowed());

    DialDecision fourth = cap.check(three, SHANGHAI, at("2026-06-10T06:00:00Z"));
    assertThat(fourth)
        .isEqualTo(
            new Rejected(
                FrequencyCap.PER_LOCAL_DAY,
                "3 calls on 2026-06-10 in Asia/Shanghai, the cap is 3 per local day; next allowed"
                    + " at 2026-06-10T16:00:00Z",
                Optional.of(at("2026-06-10T16:00:00Z"))));
    assertThat(fourth.allowed()).isFalse();
  }

  @Test
  void daysAreTheCalleesNotUtc() {
    // 23:00, 23:30 and 23:59 on June 9 in Shanghai; then 00:00 on June 10, the same UTC day.
    List<Instant> lateEvening =
        List.of(at("2026-06-09T15:00:00Z"), at("2026-06-09T15:30:00Z"), at("2026-06-09T15:59:00Z"));

    assertThat(cap.check(lateEvening, SHANGHAI, at("2026-06-09T16:00:00Z")).allowed()).isTrue();
    assertThat(cap.check(lateEvening, SHANGHAI, at("2026-06-09T15:59:30Z")).allowed()).isFalse();

    // 00:30, 01:00 and 02:00 on June 10 in Shanghai are still June 9 in UTC.
    List<Instant> afterMidnight =
        List.of(at("2026-06-09T16:30:00Z"), at("2026-06-09T17:00:00Z"), at("2026-06-09T18:00:00Z"));
    assertThat(cap.check(afterMidnight, SHANGHAI, at("2026-06-10T02:00:00Z")).allowed()).isFalse();
  }

  @Test
  void theTwentyFiveHourDayIsStillOneDay() {
    // 2026-11-01 in New York: 00:30 EDT, 01:30 EDT, 01:30 EST; then 23:30 EST.
    List<Instant> calls =
        List.of(at("2026-11-01T04:30:00Z"), at("2026-11-01T05:30:00Z"), at("2026-11-01T06:30:00Z"));

    DialDecision late = cap.check(calls, NEW_YORK, at("2026-11-02T04:30:00Z"));

    assertThat(late).isInstanceOf(Rejected.class);
    assertThat(((Rejected) late).nextAllowed()).contains(at("2026-11-02T05:00:00Z"));
  }

  @Test
  void theRollingWeekResetsWhenItsOldestCallAgesOut() {
    FrequencyCap weekly = new FrequencyCap(3, 5);
    List<Instant> fiveDays =
        List.of(
            at("2026-06-01T02:00:00Z"),
            at("2026-06-02T02:00:00Z"),
            at("2026-06-03T02:00:00Z"),
            at("2026-06-04T02:00:00Z"),
            at("2026-06-05T02:00:00Z"));

    DialDecision decision = weekly.check(fiveDays, SHANGHAI, at("2026-06-07T02:00:00Z"));

    assertThat(decision).isInstanceOf(Rejected.class);
    Rejected rejected = (Rejected) decision;
    assertThat(rejected.rule()).isEqualTo(FrequencyCap.PER_ROLLING_7_DAYS);
    assertThat(rejected.reason()).startsWith("5 calls in the last 7 days, the cap is 5");
    assertThat(rejected.nextAllowed()).contains(at("2026-06-08T02:00:00Z"));
    assertThat(weekly.check(fiveDays, SHANGHAI, at("2026-06-08T02:00:00Z")).allowed()).isTrue();
  }

  @Test
  void whenBothCapsAreReachedTheLaterResetIsNamed() {
    FrequencyCap weekly = new FrequencyCap(3, 5);
    List<Instant> calls =
        List.of(
            at("2026-06-01T02:00:00Z"),
            at("2026-06-02T02:00:00Z"),
            at("2026-06-07T01:00:00Z"),
            at("2026-06-07T01:30:00Z"),
            at("2026-06-07T01:45:00Z"));

    DialDecision decision = weekly.check(calls, SHANGHAI, at("2026-06-07T02:00:00Z"));

    assertThat(decision).isInstanceOf(Rejected.class);
    assertThat(((Rejected) decision).rule()).isEqualTo(FrequencyCap.PER_ROLLING_7_DAYS);
    assertThat(((Rejected) decision).nextAllowed()).contains(at("2026-06-08T02:00:00Z"));
  }

  @Test
  void theDailyCapIsNamedWhenItResetsLater() {
    FrequencyCap weekly = new FrequencyCap(3, 4);
    // The weekly reset (June 7 03:00Z, 11:00 local) comes before local midnight.
    List<Instant> calls =
        List.of(
            at("2026-05-31T03:00:00Z"),
            at("2026-06-07T01:00:00Z"),
            at("2026-06-07T01:30:00Z"),
            at("2026-06-07T01:45:00Z"));

    DialDecision decision = weekly.check(calls, SHANGHAI, at("2026-06-07T02:00:00Z"));

    assertThat(decision).isInstanceOf(Rejected.class);
    assertThat(((Rejected) decision).rule()).isEqualTo(FrequencyCap.PER_LOCAL_DAY);
    assertThat(((Rejected) decision).nextAllowed()).contains(at("2026-06-07T16:00:00Z"));
  }

  @Test
  void rejectsCapsBelowOne() {
    assertThatThrownBy(() -> new FrequencyCap(0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("perLocalDay must be at least 1");
    assertThatThrownBy(() -> new FrequencyCap(3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("perRolling7Days must be at least 1");
  }
}

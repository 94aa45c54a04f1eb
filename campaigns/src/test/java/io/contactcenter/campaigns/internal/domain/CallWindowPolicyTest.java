package io.contactcenter.campaigns.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CallWindowPolicyTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final CallWindowPolicy policy = new CallWindowPolicy();

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Nested
  class OrdinaryDays {

    // 2026-06-10 is a Wednesday; Shanghai is UTC+8 all year.
    private final CallWindow window = CallWindow.defaults();

    @Test
    void opensAtNineAndClosesAtNineLocal() {
      assertThat(policy.isOpen(window, SHANGHAI, at("2026-06-10T00:59:59Z"))).isFalse();
      assertThat(policy.isOpen(window, SHANGHAI, at("2026-06-10T01:00:00Z"))).isTrue();
      assertThat(policy.isOpen(window, SHANGHAI, at("2026-06-10T12:59:59.999999999Z"))).isTrue();
      assertThat(policy.isOpen(window, SHANGHAI, at("2026-06-10T13:00:00Z"))).isFalse();
    }

    @Test
    void nextOpeningIsNowWhenOpenElseTheNextStart() {
      assertThat(policy.nextOpening(window, SHANGHAI, at("2026-06-10T05:00:00Z")))
          .contains(at("2026-06-10T05:00:00Z"));
      assertThat(policy.nextOpening(window, SHANGHAI, at("2026-06-10T13:00:00Z")))
          .contains(at("2026-06-11T01:00:00Z"));
      assertThat(policy.nextOpening(window, SHANGHAI, at("2026-06-10T00:00:00Z")))
          .contains(at("2026-06-10T01:00:00Z"));
    }

    @Test
    void closesAtIsTheEndOfTheCurrentRange() {
      assertThat(policy.closesAt(window, SHANGHAI, at("2026-06-10T01:00:00Z")))
          .contains(at("2026-06-10T13:00:00Z"));
      assertThat(policy.closesAt(window, SHANGHAI, at("2026-06-10T13:00:00Z"))).isEmpty();
    }

    @Test
    void theSameInstantIsOpenForOneCalleeAndClosedForAnother() {
      Instant instant = at("2026-06-10T02:00:00Z"); // 10:00 in Shanghai, 22:00 in New York

      assertThat(policy.isOpen(window, SHANGHAI, instant)).isTrue();
      assertThat(policy.isOpen(window, NEW_YORK, instant)).isFalse();
    }

    @Test
    void closedDaysAndTheGapBetweenRangesAreSkipped() {
      CallWindow weekdays = CallWindow.parse("MON-FRI 09:00-12:00,14:00-21:00");

      // Friday 2026-06-12 12:30 in New York (UTC-4): the lunch gap.
      assertThat(policy.nextOpening(weekdays, NEW_YORK, at("2026-06-12T16:30:00Z")))
          .contains(at("2026-06-12T18:00:00Z"));
      // Friday 21:30: next is Monday 2026-06-15 09:00.
      assertThat(policy.nextOpening(weekdays, NEW_YORK, at("2026-06-13T01:30:00Z")))
          .contains(at("2026-06-15T13:00:00Z"));
    }

    @Test
    void holidaysAreClosedAllDay() {
      // National Day holidays: Thursday 2026-10-01 and Friday 10-02.
      CallWindow weekdays = CallWindow.parse("MON-FRI 09:00-21:00; HOLIDAYS 2026-10-01,2026-10-02");

      assertThat(policy.isOpen(weekdays, SHANGHAI, at("2026-10-01T04:00:00Z"))).isFalse();
      assertThat(policy.nextOpening(weekdays, SHANGHAI, at("2026-09-30T14:00:00Z")))
          .contains(at("2026-10-05T01:00:00Z"));
    }

    @Test
    void holidaysAreDatesInTheCalleesCalendar() {
      CallWindow window = CallWindow.parse("MON-SUN 09:00-21:00; HOLIDAYS 2026-07-04");

      // 2026-07-04T02:00Z is July 4 10:00 in Shanghai but July 3 22:00 in New York.
      assertThat(policy.isOpen(window, SHANGHAI, at("2026-07-04T02:00:00Z"))).isFalse();
      // 2026-07-03T14:00Z is July 3 10:00 in New York: not yet the holiday there.
      assertThat(policy.isOpen(window, NEW_YORK, at("2026-07-03T14:00:00Z"))).isTrue();
      assertThat(policy.isOpen(window, NEW_YORK, at("2026-07-04T14:00:00Z"))).isFalse();
    }
  }

  @Nested
  class MinRemaining {

    private final CallWindow window = CallWindow.defaults();

    @Test
    void noStartInTheLastMinutes() {
      Instant fiveToNine = at("2026-06-10T12:55:00Z"); // 20:55 in Shanghai

      assertThat(policy.isOpen(window, SHANGHAI, fiveToNine, Duration.ZERO)).isTrue();
      assertThat(policy.isOpen(window, SHANGHAI, fiveToNine, Duration.ofMinutes(5))).isTrue();
      assertThat(policy.isOpen(window, SHANGHAI, fiveToNine, Duration.ofMinutes(6))).isFalse();
      assertThat(policy.isOpen(window, SHANGHAI, at("2026-06-10T13:00:00Z"), Duration.ZERO))
          .isFalse();
    }

    @Test
    void nextOpeningSkipsToAPeriodLongEnough() {
      assertThat(
              policy.nextOpening(
                  window, SHANGHAI, at("2026-06-10T12:55:00Z"), Duration.ofMinutes(10)))
          .contains(at("2026-06-11T01:00:00Z"));
      assertThat(
              policy.nextOpening(
                  window, SHANGHAI, at("2026-06-10T12:50:00Z"), Duration.ofMinutes(10)))
          .contains(at("2026-06-10T12:50:00Z"));
    }

    @Test
    void shortRangesAreSkipped() {
      CallWindow shortFirst = CallWindow.parse("MON-SUN 09:00-09:05,10:00-11:00");

      assertThat(
              policy.nextOpening(
                  shortFirst, SHANGHAI, at("2026-06-10T00:00:00Z"), Duration.ofMinutes(10)))
          .contains(at("2026-06-10T02:00:00Z"));
    }

    @Test
    void mustNotBeNegative() {
      assertThatThrownBy(
              () -> policy.isOpen(window, SHANGHAI, Instant.EPOCH, Duration.ofMinutes(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("minRemaining must not be negative");
    }
  }

  /** New York springs forward on 2026-03-08 (02:00 EST to 03:00 EDT). */
  @Nested
  class SpringForward {

    private final Instant midnight = at("2026-03-08T05:00:00Z"); // 00:00 EST

    @Test
    void aRangeInsideTheGapIsNeverOpenThatDay() {
      CallWindow window = CallWindow.parse("SUN 02:00-03:00");

      assertThat(policy.isOpen(window, NEW_YORK, at("2026-03-08T06:59:59Z"))).isFalse();
      assertThat(policy.isOpen(window, NEW_YORK, at("2026-03-08T07:00:00Z"))).isFalse();
      // The next Sunday, 02:00 EDT.
      assertThat(policy.nextOpening(window, NEW_YORK, midnight))
          .contains(at("2026-03-15T06:00:00Z"));
    }

    @Test
    void aStartInTheGapMovesForwardByTheGap() {
      CallWindow window = CallWindow.parse("SUN 02:30-04:00");

      // 02:30 does not exist: ZonedDateTime.of makes it 03:30 EDT.
      assertThat(policy.nextOpening(window, NEW_YORK, midnight))
          .contains(at("2026-03-08T07:30:00Z"));
      assertThat(policy.isOpen(window, NEW_YORK, at("2026-03-08T07:10:00Z"))).isFalse();
      assertThat(policy.closesAt(window, NEW_YORK, at("2026-03-08T07:30:00Z")))
          .contains(at("2026-03-08T08:00:00Z"));
    }

    @Test
    void aRangeAcrossTheGapIsOneHourShorter() {
      CallWindow window = CallWindow.parse("SUN 01:00-03:00");

      assertThat(policy.nextOpening(window, NEW_YORK, midnight))
          .contains(at("2026-03-08T06:00:00Z"));
      assertThat(policy.closesAt(window, NEW_YORK, at("2026-03-08T06:00:00Z")))
          .contains(at("2026-03-08T07:00:00Z"));
    }

    @Test
    void inBerlinToo() {
      // Berlin springs forward on 2026-03-29 (02:00 CET to 03:00 CEST).
      CallWindow window = CallWindow.parse("SUN 02:00-03:00");

      assertThat(policy.nextOpening(window, BERLIN, at("2026-03-28T23:00:00Z")))
          .contains(at("2026-04-05T00:00:00Z"));
    }
  }

  /** New York falls back on 2026-11-01 (02:00 EDT to 01:00 EST: 01:00-02:00 happens twice). */
  @Nested
  class FallBack {

    @Test
    void aRangeInsideTheRepeatedHourIsOpenOnceInTheFirstPass() {
      CallWindow window = CallWindow.parse("SUN 01:00-01:30");

      assertThat(policy.isOpen(window, NEW_YORK, at("2026-11-01T05:00:00Z"))).isTrue();
      assertThat(policy.isOpen(window, NEW_YORK, at("2026-11-01T05:29:59Z"))).isTrue();
      assertThat(policy.isOpen(window, NEW_YORK, at("2026-11-01T05:30:00Z"))).isFalse();
      // 01:00-01:30 EST, the second pass.
      assertThat(policy.isOpen(window, NEW_YORK, at("2026-11-01T06:00:00Z"))).isFalse();
      assertThat(policy.isOpen(window, NEW_YORK, at("2026-11-01T06:15:00Z"))).isFalse();
      assertThat(policy.closesAt(window, NEW_YORK, at("2026-11-01T05:10:00Z")))
          .contains(at("2026-11-01T05:30:00Z"));
      assertThat(policy.nextOpening(window, NEW_YORK, at("2026-11-01T05:30:00Z")))
          .contains(at("2026-11-08T06:00:00Z"));
    }

    @Test
    void aRangeAcrossTheRepeatedHourIsOneHourLonger() {
      CallWindow window = CallWindow.parse("SUN 00:00-03:00");

      assertThat(policy.closesAt(window, NEW_YORK, at("2026-11-01T04:00:00Z")))
          .contains(at("2026-11-01T08:00:00Z"));
      assertThat(policy.isOpen(window, NEW_YORK, at("2026-11-01T06:30:00Z"))).isTrue();
    }

    @Test
    void inBerlinToo() {
      // Berlin falls back on 2026-10-25 (03:00 CEST to 02:00 CET).
      CallWindow window = CallWindow.parse("SUN 02:00-03:00");

      assertThat(policy.nextOpening(window, BERLIN, at("2026-10-24T22:00:00Z")))
          .contains(at("2026-10-25T00:00:00Z"));
      assertThat(policy.closesAt(window, BERLIN, at("2026-10-25T00:00:00Z")))
          .contains(at("2026-10-25T02:00:00Z"));
    }
  }

  @Test
  void aWindowClosedForMoreThanTheHorizonHasNoOpening() {
    LocalDate firstMonday =
        LocalDate.of(2026, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    List<LocalDate> everyMonday = new ArrayList<>();
    for (LocalDate monday = firstMonday;
        monday.isBefore(firstMonday.plusDays(CallWindowPolicy.SEARCH_DAYS + 7));
        monday = monday.plusWeeks(1)) {
      everyMonday.add(monday);
    }
    CallWindow window = CallWindow.parse("MON 09:00-21:00").withHolidays(everyMonday);

    assertThat(policy.nextOpening(window, SHANGHAI, at("2026-01-01T00:00:00Z"))).isEmpty();
  }

  @Test
  void opensOnTheLastDayOfTheHorizon() {
    Instant from = at("2026-01-01T00:00:00Z"); // 08:00 in Shanghai, 2026-01-01
    LocalDate last = LocalDate.of(2026, 1, 1).plusDays(CallWindowPolicy.SEARCH_DAYS);
    List<LocalDate> holidays = new ArrayList<>();
    for (LocalDate date = LocalDate.of(2026, 1, 1); date.isBefore(last); date = date.plusDays(1)) {
      holidays.add(date);
    }
    CallWindow window = CallWindow.defaults().withHolidays(holidays);

    assertThat(policy.nextOpening(window, SHANGHAI, from))
        .contains(last.atTime(9, 0).atZone(SHANGHAI).toInstant());
  }
}

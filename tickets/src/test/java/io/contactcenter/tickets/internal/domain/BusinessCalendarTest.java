package io.contactcenter.tickets.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BusinessCalendarTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /**
   * Shanghai office: weekdays with a lunch break, National Day off, two make-up Saturdays/Sundays.
   */
  static final BusinessCalendar OFFICE =
      BusinessCalendar.parse(
          SHANGHAI,
          "MON-FRI 09:00-12:00,13:00-18:00",
          LocalDate.parse("2026-10-01").datesUntil(LocalDate.parse("2026-10-08")).toList(),
          List.of(LocalDate.parse("2026-09-27"), LocalDate.parse("2026-10-10")));

  static Instant sh(String local) {
    return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  static Stream<Arguments> spans() {
    return Stream.of(
        Arguments.of("within a morning", "2026-12-03T10:00", "2026-12-03T11:00", "PT1H"),
        Arguments.of("over lunch", "2026-12-03T11:00", "2026-12-03T14:00", "PT2H"),
        Arguments.of("overnight", "2026-12-03T17:00", "2026-12-04T10:00", "PT2H"),
        Arguments.of("over a weekend", "2026-12-04T17:00", "2026-12-07T10:00", "PT2H"),
        Arguments.of("National Day week", "2026-09-30T17:00", "2026-10-08T10:00", "PT2H"),
        Arguments.of("make-up Saturday works", "2026-10-09T17:00", "2026-10-10T10:00", "PT2H"),
        Arguments.of("make-up Sunday works", "2026-09-26T10:00", "2026-09-27T10:00", "PT1H"),
        Arguments.of("a whole week", "2026-12-07T00:00", "2026-12-14T00:00", "PT40H"),
        Arguments.of("backwards is nothing", "2026-12-03T11:00", "2026-12-03T10:00", "PT0S"),
        Arguments.of("all in the night", "2026-12-03T19:00", "2026-12-04T08:00", "PT0S"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spans")
  void countsOnlyBusinessTime(String name, String from, String to, String expected) {
    assertThat(OFFICE.between(sh(from), sh(to))).isEqualTo(Duration.parse(expected));
  }

  static Stream<Arguments> deadlines() {
    return Stream.of(
        Arguments.of("same morning", "2026-12-03T10:00", "PT1H", "2026-12-03T11:00"),
        Arguments.of("skips lunch", "2026-12-03T11:30", "PT1H", "2026-12-03T13:30"),
        Arguments.of("before opening", "2026-12-03T07:00", "PT1H", "2026-12-03T10:00"),
        Arguments.of("over the weekend", "2026-12-04T17:30", "PT1H", "2026-12-07T09:30"),
        Arguments.of("over National Day", "2026-09-30T17:30", "PT1H", "2026-10-08T09:30"),
        Arguments.of("onto a make-up Saturday", "2026-10-09T17:30", "PT1H", "2026-10-10T09:30"),
        Arguments.of("ends exactly at closing", "2026-12-03T17:00", "PT1H", "2026-12-03T18:00"),
        Arguments.of("zero is now", "2026-12-05T03:00", "PT0S", "2026-12-05T03:00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deadlines")
  void addsBusinessTime(String name, String from, String amount, String expected) {
    assertThat(OFFICE.plus(sh(from), Duration.parse(amount))).isEqualTo(sh(expected));
  }

  @Test
  void readsInstantsInTheCalendarsZoneNotUtc() {
    // 16:30 UTC on Thursday is 00:30 on Friday in Shanghai: the next hour of work is Friday 9-10.
    Instant thursdayUtc = Instant.parse("2026-12-03T16:30:00Z");
    assertThat(OFFICE.plus(thursdayUtc, Duration.ofHours(1)))
        .isEqualTo(Instant.parse("2026-12-04T02:00:00Z"));
  }

  @Test
  void springForwardDayIsAnHourShorterRoundTheClock() {
    ZoneId newYork = ZoneId.of("America/New_York");
    BusinessCalendar always = BusinessCalendar.allDay(newYork);
    Instant from = LocalDate.parse("2026-03-08").atStartOfDay(newYork).toInstant();
    Instant to = LocalDate.parse("2026-03-09").atStartOfDay(newYork).toInstant();
    assertThat(always.between(from, to)).isEqualTo(Duration.ofHours(23));
  }

  @Test
  void fallBackDayIsAnHourLonger() {
    ZoneId newYork = ZoneId.of("America/New_York");
    BusinessCalendar always = BusinessCalendar.allDay(newYork);
    Instant from = LocalDate.parse("2026-11-01").atStartOfDay(newYork).toInstant();
    assertThat(always.plus(from, Duration.ofHours(24)))
        .isEqualTo(LocalDateTime.parse("2026-11-01T23:00").atZone(newYork).toInstant());
  }

  @Test
  void hoursAcrossTheDstGapCountWhatTheClockReallyRuns() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    BusinessCalendar night =
        BusinessCalendar.parse(berlin, "MON-SUN 01:00-05:00", List.of(), List.of());
    LocalDate change = LocalDate.parse("2026-03-29");
    assertThat(
            night.between(
                change.atStartOfDay(berlin).toInstant(),
                change.plusDays(1).atStartOfDay(berlin).toInstant()))
        .isEqualTo(Duration.ofHours(3));
  }

  @Test
  void aShiftEndingAtMidnightCounts() {
    BusinessCalendar late =
        BusinessCalendar.parse(SHANGHAI, "MON-SUN 20:00-24:00", List.of(), List.of());
    assertThat(late.plus(sh("2026-12-03T23:30"), Duration.ofHours(1)))
        .isEqualTo(sh("2026-12-04T20:30"));
  }

  @Test
  void rejectsWhatItCannotRead() {
    assertThatThrownBy(() -> BusinessCalendar.parse(SHANGHAI, "MON-FRI 9-18", List.of(), List.of()))
        .hasMessageContaining("MON-FRI 9-18");
    assertThatThrownBy(
            () -> BusinessCalendar.parse(SHANGHAI, "MON 12:00-09:00", List.of(), List.of()))
        .hasMessageContaining("not after");
    assertThatThrownBy(
            () ->
                BusinessCalendar.parse(
                    SHANGHAI,
                    "MON-FRI 09:00-18:00",
                    List.of(LocalDate.parse("2026-10-10")),
                    List.of(LocalDate.parse("2026-10-10"))))
        .hasMessageContaining("both a holiday and a make-up");
    assertThatThrownBy(
            () ->
                BusinessCalendar.parse(
                    SHANGHAI, "MON 09:00-12:00,11:00-13:00", List.of(), List.of()))
        .hasMessageContaining("overlap");
  }
}

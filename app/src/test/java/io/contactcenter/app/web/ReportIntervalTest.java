package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportIntervalTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  @Test
  void todayIsTheWholeDayInTheCentersZone() {
    ReportInterval today = ReportInterval.of(null, null, null, TODAY, SHANGHAI);
    assertThat(today.period()).isEqualTo(ReportInterval.Period.TODAY);
    assertThat(today.start()).isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
    assertThat(today.end()).isEqualTo(Instant.parse("2026-12-03T16:00:00Z"));
  }

  @Test
  void yesterdayAndTheLastSevenDaysEndWhereTheyShould() {
    ReportInterval yesterday = ReportInterval.of("Yesterday", null, null, TODAY, SHANGHAI);
    assertThat(yesterday.firstDay()).isEqualTo(LocalDate.of(2026, 12, 2));
    assertThat(yesterday.end()).isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));

    ReportInterval week = ReportInterval.of("last-7-days", null, null, TODAY, SHANGHAI);
    assertThat(week.firstDay()).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(week.lastDay()).isEqualTo(TODAY);
  }

  @Test
  void aCustomRangeIncludesBothDaysAndIsImpliedByItsDates() {
    ReportInterval range = ReportInterval.of(null, "2026-11-01", "2026-11-30", TODAY, SHANGHAI);
    assertThat(range.period()).isEqualTo(ReportInterval.Period.CUSTOM);
    assertThat(range.start()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
    assertThat(range.end()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
    // 92 days is the longest range.
    assertThat(ReportInterval.of("custom", "2026-09-03", "2026-12-03", TODAY, SHANGHAI).lastDay())
        .isEqualTo(TODAY);
  }

  @Test
  void badIntervalsNameTheParameter() {
    assertThat(problem("fortnight", null, null))
        .isEqualTo("problem.parameter.enum [period, today, yesterday, last-7-days, custom]");
    assertThat(problem("custom", "2026-11-31", "2026-12-01"))
        .isEqualTo("problem.parameter.date [from]");
    assertThat(problem("custom", "2026-11-01", "tomorrow"))
        .isEqualTo("problem.parameter.date [to]");
    assertThat(problem("custom", "2026-11-01", null)).isEqualTo("problem.parameter.missing [to]");
    assertThat(problem(null, "2026-12-02", "2026-12-01"))
        .isEqualTo("problem.parameter.date-order [from, 2026-12-02, to, 2026-12-01]");
    assertThat(problem("custom", "2026-09-02", "2026-12-03"))
        .isEqualTo("problem.parameter.range-too-long [from, to, 93, 92]");
  }

  private static String problem(String period, String from, String to) {
    BadParameterException e =
        (BadParameterException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> ReportInterval.of(period, from, to, TODAY, SHANGHAI));
    assertThatThrownBy(() -> ReportInterval.of(period, from, to, TODAY, SHANGHAI))
        .isInstanceOf(BadParameterException.class);
    return e.getMessage();
  }
}

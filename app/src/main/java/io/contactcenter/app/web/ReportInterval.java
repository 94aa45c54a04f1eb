package io.contactcenter.app.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The days a supervisor's report covers, in the center's time zone (ADR 0021): today, yesterday,
 * the last 7 days (today and the 6 before) or a custom range of whole days, both ends included.
 *
 * @param firstDay the first day, included
 * @param lastDay the last day, included
 */
record ReportInterval(Period period, LocalDate firstDay, LocalDate lastDay, ZoneId zone) {

  /** The longest custom range, in days: a quarter, as the report reads every contact in it. */
  static final int MAX_DAYS = 92;

  /** The choices of the {@code period} parameter, as written in requests. */
  enum Period {
    TODAY("today"),
    YESTERDAY("yesterday"),
    LAST_7_DAYS("last-7-days"),
    CUSTOM("custom");

    private final String parameter;

    Period(String parameter) {
      this.parameter = parameter;
    }

    String parameter() {
      return parameter;
    }
  }

  /** Where the first day starts in the center's zone. */
  Instant start() {
    return firstDay.atStartOfDay(zone).toInstant();
  }

  /** Where the day after the last day starts: the end, excluded. */
  Instant end() {
    return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /**
   * The interval a request asks for. Without {@code period}, a range when {@code from} or {@code
   * to} is given, else today.
   *
   * @param today today in {@code zone}
   * @throws BadParameterException naming the parameter that is missing, unparsable or out of range
   */
  static ReportInterval of(String period, String from, String to, LocalDate today, ZoneId zone) {
    Period chosen = period(period, from, to);
    return switch (chosen) {
      case TODAY -> new ReportInterval(chosen, today, today, zone);
      case YESTERDAY -> new ReportInterval(chosen, today.minusDays(1), today.minusDays(1), zone);
      case LAST_7_DAYS -> new ReportInterval(chosen, today.minusDays(6), today, zone);
      case CUSTOM -> custom(from, to, zone);
    };
  }

  private static Period period(String period, String from, String to) {
    if (period == null || period.isBlank()) {
      return blank(from) && blank(to) ? Period.TODAY : Period.CUSTOM;
    }
    String value = period.strip().toLowerCase(Locale.ROOT);
    for (Period p : Period.values()) {
      if (p.parameter.equals(value)) {
        return p;
      }
    }
    throw new BadParameterException(
        "problem.parameter.enum", "period", "today, yesterday, last-7-days, custom");
  }

  private static ReportInterval custom(String from, String to, ZoneId zone) {
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    if (first.isAfter(last)) {
      throw new BadParameterException("problem.parameter.date-order", "from", first, "to", last);
    }
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    if (days > MAX_DAYS) {
      throw new BadParameterException(
          "problem.parameter.range-too-long", "from", "to", days, MAX_DAYS);
    }
    return new ReportInterval(Period.CUSTOM, first, last, zone);
  }

  private static LocalDate date(String name, String value) {
    if (blank(value)) {
      throw new BadParameterException("problem.parameter.missing", name);
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadParameterException("problem.parameter.date", name);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

package io.contactcenter.campaigns.internal.domain;

import io.contactcenter.campaigns.internal.domain.CallWindow.TimeRange;
import io.contactcenter.common.InvalidInputException;
import io.contactcenter.common.Worded;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The text form of a {@link CallWindow} (described there): reads it clause by clause, naming the
 * clause and what is wrong with it, and writes it canonically.
 */
final class CallWindowText {

  // STRICT: the default resolver would read 24:00 as 00:00.
  private static final DateTimeFormatter TIME_IN =
      DateTimeFormatter.ofPattern("H:mm").withResolverStyle(ResolverStyle.STRICT);
  private static final String HOLIDAYS = "HOLIDAYS";

  private CallWindowText() {}

  /**
   * Reads the text form described on {@link CallWindow}.
   *
   * @throws IllegalArgumentException naming the clause and what is wrong with it
   */
  static CallWindow parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(
          CallWindow.KEY + "empty",
          "call window is empty: expected e.g. 'MON-FRI 09:00-21:00; SAT 10:00-18:00'");
    }
    Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
    SortedSet<LocalDate> holidays = new TreeSet<>();
    boolean holidaysSeen = false;
    for (String rawClause : text.split(";", -1)) {
      String clause = rawClause.strip();
      if (clause.isEmpty()) {
        throw new InvalidInputException(
            CallWindow.KEY + "empty-clause", "empty clause in call window '" + text + "'", text);
      }
      // The day list is everything before the first digit, so "MON, WED 09:00-12:00" and
      // "MON,WED 09:00 - 12:00" both read; a clause without digits has no ranges.
      int split = firstDigit(clause);
      String head = clause.substring(0, split).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
      String tail = clause.substring(split).replaceAll("\\s+", "");
      if (head.equals(HOLIDAYS)) {
        if (holidaysSeen) {
          throw new InvalidInputException(
              CallWindow.KEY + "holidays-twice", "HOLIDAYS is given twice in '" + text + "'", text);
        }
        holidaysSeen = true;
        holidays.addAll(parseDates(clause, tail));
        continue;
      }
      if (head.isEmpty()) {
        throw new InvalidInputException(
            CallWindow.KEY + "days-missing",
            "'" + clause + "': days are missing, expected e.g. 'MON-FRI 09:00-21:00'",
            clause);
      }
      if (tail.isEmpty()) {
        throw new InvalidInputException(
            CallWindow.KEY + "ranges-missing",
            "'"
                + clause
                + "': ranges are missing, expected e.g. 'MON-FRI 09:00-21:00' (leave closed days"
                + " out)",
            clause);
      }
      List<TimeRange> ranges = new ArrayList<>();
      for (String range : tail.split(",", -1)) {
        ranges.add(range(clause, range));
      }
      for (DayOfWeek day : parseDays(clause, head)) {
        if (hours.putIfAbsent(day, ranges) != null) {
          throw new InvalidInputException(
              CallWindow.KEY + "day-twice",
              "'" + clause + "': " + dayName(day) + " is already given in an earlier clause",
              clause,
              dayName(day));
        }
      }
    }
    try {
      return new CallWindow(hours, holidays);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          CallWindow.KEY + "in-window",
          "call window '" + text + "': " + e.getMessage(),
          e,
          text,
          worded(e));
    }
  }

  /**
   * The text form, canonical: days with the same ranges grouped, consecutive days written as a
   * range, in week order, holidays last.
   */
  static String format(CallWindow window) {
    Map<List<TimeRange>, List<DayOfWeek>> groups = new LinkedHashMap<>();
    window
        .hours()
        .forEach((day, ranges) -> groups.computeIfAbsent(ranges, r -> new ArrayList<>()).add(day));
    List<String> clauses = new ArrayList<>();
    groups.forEach(
        (ranges, days) ->
            clauses.add(
                daysText(days)
                    + " "
                    + ranges.stream().map(TimeRange::toString).collect(Collectors.joining(","))));
    if (!window.holidays().isEmpty()) {
      clauses.add(
          HOLIDAYS
              + " "
              + window.holidays().stream()
                  .map(LocalDate::toString)
                  .collect(Collectors.joining(",")));
    }
    return String.join("; ", clauses);
  }

  /** Reads {@code HH:MM-HH:MM}; problems name {@code context}, the clause it is part of. */
  static TimeRange range(String context, String text) {
    String[] parts = text.split("-", -1);
    if (parts.length != 2) {
      throw new InvalidInputException(
          CallWindow.KEY + "range-form",
          "'" + context + "': range '" + text + "' is not HH:MM-HH:MM",
          context,
          text);
    }
    LocalTime start = time(context, parts[0]);
    LocalTime end = time(context, parts[1]);
    try {
      return new TimeRange(start, end);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          CallWindow.KEY + "in-clause",
          "'" + context + "': " + e.getMessage(),
          e,
          context,
          worded(e));
    }
  }

  private static LocalTime time(String context, String text) {
    try {
      return LocalTime.parse(text, TIME_IN);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          CallWindow.KEY + "time",
          "'"
              + context
              + "': '"
              + text
              + "' is not a time of day HH:MM between 00:00 and 23:59 (end a range at midnight"
              + " as 23:59)",
          e,
          context,
          text);
    }
  }

  private static int firstDigit(String clause) {
    for (int i = 0; i < clause.length(); i++) {
      if (Character.isDigit(clause.charAt(i))) {
        return i;
      }
    }
    return clause.length();
  }

  private static Set<DayOfWeek> parseDays(String clause, String days) {
    Set<DayOfWeek> result = new TreeSet<>();
    for (String item : days.split(",", -1)) {
      String[] bounds = item.split("-", -1);
      if (bounds.length == 1) {
        result.add(day(clause, bounds[0]));
      } else if (bounds.length == 2) {
        DayOfWeek first = day(clause, bounds[0]);
        DayOfWeek last = day(clause, bounds[1]);
        if (last.compareTo(first) < 0) {
          throw new InvalidInputException(
              CallWindow.KEY + "day-range-backwards",
              "'"
                  + clause
                  + "': day range "
                  + item
                  + " runs backwards; weeks run MON to SUN (write e.g. SAT-SUN,MON)",
              clause,
              item);
        }
        for (int d = first.getValue(); d <= last.getValue(); d++) {
          result.add(DayOfWeek.of(d));
        }
      } else {
        throw new InvalidInputException(
            CallWindow.KEY + "not-day-range",
            "'" + clause + "': '" + item + "' is not a day range",
            clause,
            item);
      }
    }
    return result;
  }

  private static DayOfWeek day(String clause, String text) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (dayName(day).equals(text)) {
        return day;
      }
    }
    throw new InvalidInputException(
        CallWindow.KEY + "unknown-day",
        "'" + clause + "': unknown day '" + text + "', expected one of MON TUE WED THU FRI SAT SUN",
        clause,
        text);
  }

  private static List<LocalDate> parseDates(String clause, String dates) {
    if (dates.isEmpty()) {
      throw new InvalidInputException(
          CallWindow.KEY + "dates-missing",
          "'" + clause + "': dates are missing, expected e.g. 'HOLIDAYS 2026-12-25,2027-01-01'",
          clause);
    }
    List<LocalDate> result = new ArrayList<>();
    for (String date : dates.split(",", -1)) {
      try {
        result.add(LocalDate.parse(date));
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            CallWindow.KEY + "date",
            "'" + clause + "': '" + date + "' is not a date YYYY-MM-DD",
            e,
            clause,
            date);
      }
    }
    return result;
  }

  /** A nested problem as an argument: worded in the reader's language where it can be. */
  private static Object worded(IllegalArgumentException e) {
    return e instanceof Worded ? e : e.getMessage();
  }

  /** A day as the text form writes it: MON .. SUN. */
  static String dayName(DayOfWeek day) {
    return day.name().substring(0, 3);
  }

  private static String daysText(List<DayOfWeek> days) {
    // days come in week order from the EnumMap; runs of two or more become FIRST-LAST.
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < days.size()) {
      int j = i;
      while (j + 1 < days.size() && days.get(j + 1).getValue() == days.get(j).getValue() + 1) {
        j++;
      }
      parts.add(i == j ? dayName(days.get(i)) : dayName(days.get(i)) + "-" + dayName(days.get(j)));
      i = j + 1;
    }
    return String.join(",", parts);
  }
}

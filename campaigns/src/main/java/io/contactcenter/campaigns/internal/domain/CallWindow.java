package io.contactcenter.campaigns.internal.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * When a campaign may call: local-time ranges per day of week, read in the callee's zone, minus
 * holidays (local dates in the callee's zone, closed all day). A day without ranges is closed.
 * {@link CallWindowPolicy} turns this into instants.
 *
 * <p>Ranges are half-open ({@code [start, end)}), in whole minutes, inside one day: a range cannot
 * cross or end at midnight (end it at 23:59). Ranges of a day must neither overlap nor touch
 * ({@code 09:00-12:00,12:00-14:00} is rejected: write {@code 09:00-14:00}), so every window has one
 * spelling and {@link #toText()} round-trips through {@link #parse(String)}.
 *
 * <p>The text form used by the UI and API: clauses separated by {@code ;}, each a day list and its
 * ranges, plus an optional holiday clause:
 *
 * <pre>{@code
 * MON-FRI 09:00-12:00,14:00-21:00; SAT 10:00-18:00; HOLIDAYS 2026-12-25,2027-01-01
 * }</pre>
 *
 * Days are {@code MON TUE WED THU FRI SAT SUN} (any case), as single days or forward ranges
 * separated by commas ({@code MON-WED,FRI}); a day may appear in one clause only.
 *
 * @param hours the open ranges per day, sorted by start; days that are closed are absent
 * @param holidays dates on which the window is closed all day, in the callee's calendar
 */
public record CallWindow(Map<DayOfWeek, List<TimeRange>> hours, Set<LocalDate> holidays) {

  private static final DateTimeFormatter TIME_OUT = DateTimeFormatter.ofPattern("HH:mm");
  // STRICT: the default resolver would read 24:00 as 00:00.
  private static final DateTimeFormatter TIME_IN =
      DateTimeFormatter.ofPattern("H:mm").withResolverStyle(ResolverStyle.STRICT);
  private static final String HOLIDAYS = "HOLIDAYS";

  /**
   * Validates and copies; ranges are sorted and empty days dropped.
   *
   * @throws IllegalArgumentException if ranges of a day overlap or touch, or no day has a range
   */
  public CallWindow {
    Objects.requireNonNull(hours, "hours are required");
    Objects.requireNonNull(holidays, "holidays are required (may be empty)");
    Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
    hours.forEach(
        (day, ranges) -> {
          Objects.requireNonNull(day, "day is required");
          Objects.requireNonNull(ranges, () -> name(day) + ": ranges are required");
          List<TimeRange> sorted = new ArrayList<>(ranges);
          sorted.forEach(range -> Objects.requireNonNull(range, name(day) + ": null range"));
          sorted.sort(Comparator.comparing(TimeRange::start));
          for (int i = 1; i < sorted.size(); i++) {
            TimeRange previous = sorted.get(i - 1);
            TimeRange next = sorted.get(i);
            if (next.start().isBefore(previous.end())) {
              throw new IllegalArgumentException(
                  name(day) + ": ranges " + previous + " and " + next + " overlap");
            }
            if (next.start().equals(previous.end())) {
              throw new IllegalArgumentException(
                  name(day)
                      + ": ranges "
                      + previous
                      + " and "
                      + next
                      + " touch; write them as one range "
                      + new TimeRange(previous.start(), next.end()));
            }
          }
          if (!sorted.isEmpty()) {
            copy.put(day, List.copyOf(sorted));
          }
        });
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a call window needs at least one open range");
    }
    hours = Collections.unmodifiableMap(copy);
    holidays.forEach(date -> Objects.requireNonNull(date, "null holiday"));
    holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
  }

  /** Every day 09:00-21:00, no holidays. */
  public static CallWindow defaults() {
    Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      hours.put(day, List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(21, 0))));
    }
    return new CallWindow(hours, new TreeSet<>());
  }

  /**
   * Reads the text form described on this type.
   *
   * @throws IllegalArgumentException naming the clause and what is wrong with it
   */
  public static CallWindow parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "call window is empty: expected e.g. 'MON-FRI 09:00-21:00; SAT 10:00-18:00'");
    }
    Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
    SortedSet<LocalDate> holidays = new TreeSet<>();
    boolean holidaysSeen = false;
    for (String rawClause : text.split(";", -1)) {
      String clause = rawClause.strip();
      if (clause.isEmpty()) {
        throw new IllegalArgumentException("empty clause in call window '" + text + "'");
      }
      // The day list is everything before the first digit, so "MON, WED 09:00-12:00" and
      // "MON,WED 09:00 - 12:00" both read; a clause without digits has no ranges.
      int split = firstDigit(clause);
      String head = clause.substring(0, split).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
      String tail = clause.substring(split).replaceAll("\\s+", "");
      if (head.equals(HOLIDAYS)) {
        if (holidaysSeen) {
          throw new IllegalArgumentException("HOLIDAYS is given twice in '" + text + "'");
        }
        holidaysSeen = true;
        holidays.addAll(parseDates(clause, tail));
        continue;
      }
      if (head.isEmpty()) {
        throw new IllegalArgumentException(
            "'" + clause + "': days are missing, expected e.g. 'MON-FRI 09:00-21:00'");
      }
      if (tail.isEmpty()) {
        throw new IllegalArgumentException(
            "'"
                + clause
                + "': ranges are missing, expected e.g. 'MON-FRI 09:00-21:00' (leave closed days"
                + " out)");
      }
      List<TimeRange> ranges = new ArrayList<>();
      for (String range : tail.split(",", -1)) {
        ranges.add(TimeRange.parse(clause, range));
      }
      for (DayOfWeek day : parseDays(clause, head)) {
        if (hours.putIfAbsent(day, ranges) != null) {
          throw new IllegalArgumentException(
              "'" + clause + "': " + name(day) + " is already given in an earlier clause");
        }
      }
    }
    try {
      return new CallWindow(hours, holidays);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("call window '" + text + "': " + e.getMessage(), e);
    }
  }

  /**
   * The text form, canonical: days with the same ranges grouped, consecutive days written as a
   * range, in week order, holidays last.
   */
  public String toText() {
    Map<List<TimeRange>, List<DayOfWeek>> groups = new LinkedHashMap<>();
    hours.forEach((day, ranges) -> groups.computeIfAbsent(ranges, r -> new ArrayList<>()).add(day));
    List<String> clauses = new ArrayList<>();
    groups.forEach(
        (ranges, days) ->
            clauses.add(
                daysText(days)
                    + " "
                    + ranges.stream().map(TimeRange::toString).collect(Collectors.joining(","))));
    if (!holidays.isEmpty()) {
      clauses.add(
          HOLIDAYS
              + " "
              + holidays.stream().map(LocalDate::toString).collect(Collectors.joining(",")));
    }
    return String.join("; ", clauses);
  }

  /** The open ranges on this day of week, sorted; empty when the day is closed. */
  public List<TimeRange> rangesOn(DayOfWeek day) {
    return hours.getOrDefault(day, List.of());
  }

  /** Whether the window is closed all day on this date of the callee's calendar. */
  public boolean isHoliday(LocalDate date) {
    return holidays.contains(date);
  }

  /** The same hours with these holidays instead. */
  public CallWindow withHolidays(Collection<LocalDate> newHolidays) {
    return new CallWindow(hours, new TreeSet<>(newHolidays));
  }

  @Override
  public String toString() {
    return toText();
  }

  /**
   * A half-open range of local time within one day, in whole minutes.
   *
   * @param start the first open minute
   * @param end the first closed minute after start; 23:59 at the latest
   */
  public record TimeRange(LocalTime start, LocalTime end) {

    /**
     * @throws IllegalArgumentException if start is not before end, or either has seconds
     */
    public TimeRange {
      Objects.requireNonNull(start, "start is required");
      Objects.requireNonNull(end, "end is required");
      requireWholeMinute(start);
      requireWholeMinute(end);
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException(
            "range "
                + start.format(TIME_OUT)
                + "-"
                + end.format(TIME_OUT)
                + ": start must be before end (a range cannot cross midnight; split it over two"
                + " days)");
      }
    }

    /** Reads {@code HH:MM-HH:MM}. */
    public static TimeRange parse(String text) {
      return parse(text, text);
    }

    private static TimeRange parse(String context, String text) {
      String[] parts = text.split("-", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "'" + context + "': range '" + text + "' is not HH:MM-HH:MM");
      }
      LocalTime start = time(context, parts[0]);
      LocalTime end = time(context, parts[1]);
      try {
        return new TimeRange(start, end);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + context + "': " + e.getMessage(), e);
      }
    }

    /** Whether this local time is in the range. */
    public boolean contains(LocalTime time) {
      return !time.isBefore(start) && time.isBefore(end);
    }

    @Override
    public String toString() {
      return start.format(TIME_OUT) + "-" + end.format(TIME_OUT);
    }

    private static void requireWholeMinute(LocalTime time) {
      if (time.getSecond() != 0 || time.getNano() != 0) {
        throw new IllegalArgumentException("times are whole minutes, got " + time);
      }
    }
  }

  private static LocalTime time(String context, String text) {
    try {
      return LocalTime.parse(text, TIME_IN);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + context
              + "': '"
              + text
              + "' is not a time of day HH:MM between 00:00 and 23:59 (end a range at midnight"
              + " as 23:59)",
          e);
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
          throw new IllegalArgumentException(
              "'"
                  + clause
                  + "': day range "
                  + item
                  + " runs backwards; weeks run MON to SUN (write e.g. SAT-SUN,MON)");
        }
        for (int d = first.getValue(); d <= last.getValue(); d++) {
          result.add(DayOfWeek.of(d));
        }
      } else {
        throw new IllegalArgumentException("'" + clause + "': '" + item + "' is not a day range");
      }
    }
    return result;
  }

  private static DayOfWeek day(String clause, String text) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (name(day).equals(text)) {
        return day;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + clause
            + "': unknown day '"
            + text
            + "', expected one of MON TUE WED THU FRI SAT SUN");
  }

  private static List<LocalDate> parseDates(String clause, String dates) {
    if (dates.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + clause + "': dates are missing, expected e.g. 'HOLIDAYS 2026-12-25,2027-01-01'");
    }
    List<LocalDate> result = new ArrayList<>();
    for (String date : dates.split(",", -1)) {
      try {
        result.add(LocalDate.parse(date));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "'" + clause + "': '" + date + "' is not a date YYYY-MM-DD", e);
      }
    }
    return result;
  }

  private static String name(DayOfWeek day) {
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
      parts.add(i == j ? name(days.get(i)) : name(days.get(i)) + "-" + name(days.get(j)));
      i = j + 1;
    }
    return String.join(",", parts);
  }
}

package io.contactcenter.campaigns.internal.domain;

import io.contactcenter.common.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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
  // Message keys of the problems here and in CallWindowText (the app's messages*.properties word
  // them in zh and en).
  static final String KEY = "problem.call-window.";

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
          Objects.requireNonNull(
              ranges, () -> CallWindowText.dayName(day) + ": ranges are required");
          List<TimeRange> sorted = new ArrayList<>(ranges);
          sorted.forEach(
              range -> Objects.requireNonNull(range, CallWindowText.dayName(day) + ": null range"));
          sorted.sort(Comparator.comparing(TimeRange::start));
          for (int i = 1; i < sorted.size(); i++) {
            TimeRange previous = sorted.get(i - 1);
            TimeRange next = sorted.get(i);
            if (next.start().isBefore(previous.end())) {
              throw new InvalidInputException(
                  KEY + "overlap",
                  CallWindowText.dayName(day)
                      + ": ranges "
                      + previous
                      + " and "
                      + next
                      + " overlap",
                  CallWindowText.dayName(day),
                  previous.toString(),
                  next.toString());
            }
            if (next.start().equals(previous.end())) {
              TimeRange merged = new TimeRange(previous.start(), next.end());
              throw new InvalidInputException(
                  KEY + "touch",
                  CallWindowText.dayName(day)
                      + ": ranges "
                      + previous
                      + " and "
                      + next
                      + " touch; write them as one range "
                      + merged,
                  CallWindowText.dayName(day),
                  previous.toString(),
                  next.toString(),
                  merged.toString());
            }
          }
          if (!sorted.isEmpty()) {
            copy.put(day, List.copyOf(sorted));
          }
        });
    if (copy.isEmpty()) {
      throw new InvalidInputException(
          KEY + "no-range", "a call window needs at least one open range");
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
    return CallWindowText.parse(text);
  }

  /**
   * The text form, canonical: days with the same ranges grouped, consecutive days written as a
   * range, in week order, holidays last.
   */
  public String toText() {
    return CallWindowText.format(this);
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
        throw new InvalidInputException(
            KEY + "range-order",
            "range "
                + start.format(TIME_OUT)
                + "-"
                + end.format(TIME_OUT)
                + ": start must be before end (a range cannot cross midnight; split it over two"
                + " days)",
            start.format(TIME_OUT) + "-" + end.format(TIME_OUT));
      }
    }

    /** Reads {@code HH:MM-HH:MM}. */
    public static TimeRange parse(String text) {
      return CallWindowText.range(text, text);
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
        throw new InvalidInputException(
            KEY + "whole-minutes", "times are whole minutes, got " + time, time.toString());
      }
    }
  }
}

package io.contactcenter.tickets.internal.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a support group works: weekly hours in a time zone, public holidays (no work) and make-up
 * working days (调休: a weekend day worked instead of a holiday, with the hours of {@code
 * makeUpDayHours}). SLA clocks count only this time.
 *
 * <p>Hours are local wall-clock times, turned into instants day by day with the zone's rules, so a
 * DST change shortens or lengthens that day's working time as it really does. Immutable and
 * thread-safe.
 */
public final class BusinessCalendar {

  /** More than any holiday season: a calendar with no working time in this long is an error. */
  private static final int MAX_DAYS_SEARCHED = 3_660;

  private static final Pattern DAY_RULE =
      Pattern.compile(
          "(MON|TUE|WED|THU|FRI|SAT|SUN)(?:-(MON|TUE|WED|THU|FRI|SAT|SUN))?\\s+"
              + "((?:\\d{2}:\\d{2}-\\d{2}:\\d{2})(?:\\s*,\\s*\\d{2}:\\d{2}-\\d{2}:\\d{2})*)");

  private final ZoneId zone;
  private final Map<DayOfWeek, List<Hours>> week;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> makeUpDays;
  private final List<Hours> makeUpDayHours;

  /**
   * One span of working hours in a day; {@code end} {@code 00:00} means midnight at the day's end.
   */
  public record Hours(LocalTime start, LocalTime end) {

    public Hours {
      Objects.requireNonNull(start, "start is required");
      Objects.requireNonNull(end, "end is required");
      if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
        throw new IllegalArgumentException("working hours end " + end + " is not after " + start);
      }
    }
  }

  public BusinessCalendar(
      ZoneId zone,
      Map<DayOfWeek, List<Hours>> week,
      Collection<LocalDate> holidays,
      Collection<LocalDate> makeUpDays,
      List<Hours> makeUpDayHours) {
    this.zone = Objects.requireNonNull(zone, "zone is required");
    EnumMap<DayOfWeek, List<Hours>> copy = new EnumMap<>(DayOfWeek.class);
    week.forEach((day, hours) -> copy.put(day, sorted(hours)));
    this.week = copy;
    this.holidays = Set.copyOf(holidays);
    this.makeUpDays = Set.copyOf(makeUpDays);
    this.makeUpDayHours = sorted(makeUpDayHours);
    boolean anyWeekday = copy.values().stream().anyMatch(h -> !h.isEmpty());
    if (!anyWeekday) {
      throw new IllegalArgumentException("a business calendar needs working hours on some day");
    }
    for (LocalDate day : this.makeUpDays) {
      if (this.holidays.contains(day)) {
        throw new IllegalArgumentException(day + " is both a holiday and a make-up working day");
      }
    }
  }

  /** Open round the clock in {@code zone}, no holidays: a 24x7 calendar. */
  public static BusinessCalendar allDay(ZoneId zone) {
    Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, List.of(new Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
    }
    return new BusinessCalendar(
        zone, week, Set.of(), Set.of(), List.of(new Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
  }

  /**
   * Reads weekly hours such as {@code "MON-FRI 09:00-12:00,13:00-18:00; SAT 10:00-16:00"}; days not
   * named do not work. Make-up working days get the hours of the first day named.
   *
   * @throws IllegalArgumentException naming the part that cannot be read
   */
  public static BusinessCalendar parse(
      ZoneId zone,
      String weeklyHours,
      Collection<LocalDate> holidays,
      Collection<LocalDate> makeUp) {
    Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
    List<Hours> first = null;
    for (String rule : weeklyHours.split(";")) {
      String trimmed = rule.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      Matcher m = DAY_RULE.matcher(trimmed);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "cannot read working hours '" + trimmed + "': expected e.g. MON-FRI 09:00-18:00");
      }
      DayOfWeek from = day(m.group(1));
      DayOfWeek to = m.group(2) == null ? from : day(m.group(2));
      List<Hours> hours = new ArrayList<>();
      for (String span : m.group(3).split(",")) {
        String[] ends = span.strip().split("-");
        hours.add(new Hours(time(ends[0]), time(ends[1])));
      }
      if (first == null) {
        first = hours;
      }
      for (DayOfWeek d = from; ; d = d.plus(1)) {
        week.computeIfAbsent(d, k -> new ArrayList<>()).addAll(hours);
        if (d == to) {
          break;
        }
      }
    }
    if (first == null) {
      throw new IllegalArgumentException("working hours are empty");
    }
    return new BusinessCalendar(zone, week, holidays, makeUp, first);
  }

  public ZoneId zone() {
    return zone;
  }

  /** Business time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
  public Duration between(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    LocalDate last = to.atZone(zone).toLocalDate();
    // A working span may begin the previous local day (a night shift ending at midnight).
    for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        !day.isAfter(last);
        day = day.plusDays(1)) {
      for (Instant[] span : spans(day)) {
        Instant start = span[0].isBefore(from) ? from : span[0];
        Instant end = span[1].isAfter(to) ? to : span[1];
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  /**
   * The instant at which {@code amount} of business time has passed since {@code from}; {@code
   * from} itself for zero.
   *
   * @throws IllegalStateException when the calendar has no working time for years ahead
   */
  public Instant plus(Instant from, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
    if (amount.isZero()) {
      return from;
    }
    Duration remaining = amount;
    LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
    for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plusDays(1)) {
      for (Instant[] span : spans(day)) {
        if (!span[1].isAfter(from)) {
          continue;
        }
        Instant start = span[0].isBefore(from) ? from : span[0];
        Duration available = Duration.between(start, span[1]);
        if (available.compareTo(remaining) >= 0) {
          return start.plus(remaining);
        }
        remaining = remaining.minus(available);
      }
    }
    throw new IllegalStateException("the business calendar has no working time ahead of " + from);
  }

  /** The day's working spans as instants, in order. */
  private List<Instant[]> spans(LocalDate day) {
    List<Hours> hours;
    if (holidays.contains(day)) {
      hours = List.of();
    } else if (makeUpDays.contains(day)) {
      hours = makeUpDayHours;
    } else {
      hours = week.getOrDefault(day.getDayOfWeek(), List.of());
    }
    List<Instant[]> out = new ArrayList<>(hours.size());
    for (Hours h : hours) {
      Instant start = day.atTime(h.start()).atZone(zone).toInstant();
      Instant end =
          h.end().equals(LocalTime.MIDNIGHT)
              ? day.plusDays(1).atStartOfDay(zone).toInstant()
              : day.atTime(h.end()).atZone(zone).toInstant();
      if (end.isAfter(start)) {
        out.add(new Instant[] {start, end});
      }
    }
    return out;
  }

  private static List<Hours> sorted(List<Hours> hours) {
    List<Hours> copy = new ArrayList<>(hours);
    copy.sort((a, b) -> a.start().compareTo(b.start()));
    for (int i = 1; i < copy.size(); i++) {
      Hours prev = copy.get(i - 1);
      if (prev.end().equals(LocalTime.MIDNIGHT) || prev.end().isAfter(copy.get(i).start())) {
        throw new IllegalArgumentException(
            "working hours " + prev.start() + "-" + prev.end() + " overlap the next span");
      }
    }
    return List.copyOf(copy);
  }

  private static DayOfWeek day(String code) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(code)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown day " + code);
  }

  private static LocalTime time(String text) {
    if (text.equals("24:00")) {
      return LocalTime.MIDNIGHT;
    }
    try {
      return LocalTime.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("cannot read time '" + text + "'", e);
    }
  }
}

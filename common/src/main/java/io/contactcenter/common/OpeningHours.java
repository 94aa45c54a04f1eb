package io.contactcenter.common;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a hotline or a queue is open, as data: hours per weekday, holidays (closed all day) and
 * make-up working days (调休: a weekend day worked instead of a holiday, open with {@code
 * workdayHours}), in the hotline's or queue's time zone. A holiday wins over the weekday; a make-up
 * day wins over the weekend.
 *
 * @param zone the time zone the hours are in, e.g. Asia/Shanghai
 * @param weekly open periods per weekday; a day that is missing or empty is closed
 * @param holidays dates closed all day
 * @param workdays make-up working days, open with {@code workdayHours}
 * @param workdayHours the hours of a make-up working day
 */
public record OpeningHours(
    ZoneId zone,
    Map<DayOfWeek, List<Period>> weekly,
    Set<LocalDate> holidays,
    Set<LocalDate> workdays,
    List<Period> workdayHours) {

  public OpeningHours {
    weekly = Map.copyOf(weekly);
    holidays = Set.copyOf(holidays);
    workdays = Set.copyOf(workdays);
    workdayHours = List.copyOf(workdayHours);
  }

  /** An open period of a day, from inclusive to exclusive. */
  public record Period(LocalTime from, LocalTime to) {

    public Period {
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException("a period must end after it starts: " + from + "-" + to);
      }
    }

    public boolean contains(LocalTime time) {
      return !time.isBefore(from) && time.isBefore(to);
    }

    /** Reads {@code 09:00-18:00}; {@code 24:00} is the end of the day. */
    public static Period parse(String text) {
      String[] parts = text.strip().split("-");
      if (parts.length != 2) {
        throw new IllegalArgumentException("'" + text + "' is not a period like 09:00-18:00");
      }
      String to = parts[1].strip();
      return new Period(
          LocalTime.parse(parts[0].strip()),
          to.equals("24:00") ? LocalTime.MAX : LocalTime.parse(to));
    }
  }

  public boolean isOpen(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    LocalDate day = local.toLocalDate();
    List<Period> periods;
    if (holidays.contains(day)) {
      return false;
    } else if (workdays.contains(day)) {
      periods = workdayHours;
    } else {
      periods = weekly.getOrDefault(local.getDayOfWeek(), List.of());
    }
    LocalTime time = local.toLocalTime();
    return periods.stream().anyMatch(p -> p.contains(time));
  }
}

package io.contactcenter.asrtts.internal.intent;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * What a reply named of a callback time, any part of it possibly missing (a duration, a day, a part
 * of the day, a clock time), and the rules that turn it into a moment: see {@link
 * CallbackTimeExtractor}. Filled in by {@link EnglishTimes} or {@link ChineseTimes}; one per reply.
 */
final class NamedTime {

  private static final LocalTime DEFAULT_TIME = LocalTime.of(10, 0);

  /** Parts of the day: default hour and the hour they end, for "still under way". */
  enum Period {
    EARLY_MORNING(9, 0, 12),
    MORNING(10, 0, 12),
    NOON(12, 0, 14),
    AFTERNOON(14, 0, 18),
    DUSK(18, 0, 20),
    EVENING(19, 0, 23),
    NIGHT(21, 0, 24);

    final int hour;
    final int minute;
    final int endHour;

    Period(int hour, int minute, int endHour) {
      this.hour = hour;
      this.minute = minute;
      this.endHour = endHour;
    }

    int adjust(int h) {
      return switch (this) {
        case EARLY_MORNING, MORNING -> h == 12 ? 0 : h;
        case NOON -> h >= 1 && h <= 5 ? h + 12 : h;
        case AFTERNOON, DUSK, EVENING, NIGHT -> h < 12 ? h + 12 : h;
      };
    }
  }

  Duration after;
  Integer dayOffset; // days from today, or null
  DayOfWeek weekday;
  boolean nextWeek;
  boolean nextWeekMonday;
  boolean weekend;
  Period period;
  Integer hour; // 0-23 or as said (1-12) when unqualified
  int minute;
  Boolean pm; // null: not said

  /** The moment named, counted from {@code now} (to the minute, in the callee's zone). */
  Optional<ZonedDateTime> resolve(ZonedDateTime now) {
    if (after != null) {
      if (after.toHours() >= 24 && hour == null && period == null) {
        return Optional.of(now.plusDays(after.toDays()).with(DEFAULT_TIME));
      }
      if (after.toHours() < 24) {
        return Optional.of(now.plus(after));
      }
      dayOffset = (int) after.toDays();
    }
    boolean dayNamed = dayOffset != null || weekday != null || nextWeekMonday || weekend;
    if (!dayNamed && period == null && hour == null) {
      return Optional.empty();
    }
    int days = dayOffset == null ? 0 : dayOffset;
    int today = now.getDayOfWeek().getValue();
    if (nextWeekMonday) {
      days = 8 - today;
    } else if (weekend) {
      days = (DayOfWeek.SATURDAY.getValue() - today + 7) % 7;
    } else if (weekday != null) {
      days = nextWeek ? 7 - today + weekday.getValue() : (weekday.getValue() - today + 7) % 7;
      if (days == 0) {
        days = 7;
      }
    }
    ZonedDateTime day = now.plusDays(days);
    if (hour == null) {
      if (period == null) {
        return Optional.of(day.with(DEFAULT_TIME));
      }
      ZonedDateTime at = day.with(LocalTime.of(period.hour, period.minute));
      if (days == 0 && !at.isAfter(now)) {
        return Optional.of(now.getHour() < period.endHour ? now.plusMinutes(30) : at.plusDays(1));
      }
      return Optional.of(at);
    }
    int h = hour;
    if (pm != null) {
      h = pm ? (h < 12 ? h + 12 : h) : (h == 12 ? 0 : h);
    } else if (period != null) {
      h = period.adjust(h);
    } else if (h >= 1 && h <= 7) {
      h += 12;
    } else if (h >= 8 && h <= 11 && days == 0 && !day.with(LocalTime.of(h, minute)).isAfter(now)) {
      h += 12;
    }
    if (h > 23 || minute > 59) {
      return Optional.empty();
    }
    ZonedDateTime at = day.with(LocalTime.of(h, minute));
    if (days == 0 && !at.isAfter(now)) {
      at = at.plusDays(1);
    }
    return Optional.of(at);
  }

  static Duration unitDuration(String unit, int n, boolean andHalf) {
    return switch (unit) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofMinutes(n * 60L + (andHalf ? 30 : 0));
      default -> Duration.ofDays(n);
    };
  }

  static String blank(String text, Matcher m) {
    return text.substring(0, m.start()) + " ".repeat(m.end() - m.start()) + text.substring(m.end());
  }

  static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }
}

package io.contactcenter.asrtts.internal.intent;

import static io.contactcenter.asrtts.internal.intent.NamedTime.blank;
import static io.contactcenter.asrtts.internal.intent.NamedTime.isDigits;
import static io.contactcenter.asrtts.internal.intent.NamedTime.unitDuration;

import io.contactcenter.asrtts.internal.intent.NamedTime.Period;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what an English reply names of a callback time ("in two hours", "tomorrow after six", "half
 * past ten on Monday"). Stateless and thread-safe.
 */
final class EnglishTimes {

  private static final Map<String, Integer> EN_NUMBERS =
      Map.ofEntries(
          Map.entry("a", 1),
          Map.entry("an", 1),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("fifteen", 15),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("forty five", 45),
          Map.entry("fifty", 50),
          Map.entry("few", 3),
          Map.entry("a few", 3),
          Map.entry("couple", 2),
          Map.entry("a couple", 2),
          Map.entry("a couple of", 2),
          Map.entry("couple of", 2));

  private static final String EN_HOUR =
      "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
  private static final String EN_AMOUNT =
      "(\\d{1,3}|a couple of|couple of|a couple|a few|few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty five|forty|fifty)";
  private static final Pattern EN_HALF_HOUR =
      Pattern.compile(
          "\\b(in|after|within) (half an|half a|a half) hour\\b|\\bhalf an hour (from now|later)\\b");
  private static final Pattern EN_DURATION =
      Pattern.compile(
          "\\b(?:(?:in|after|within) (?:about |around |like )?"
              + EN_AMOUNT
              + " (minute|min|hour|hr|day)s?( and a half)?|"
              + EN_AMOUNT
              + " (minute|min|hour|hr|day)s?( and a half)? (?:from now|later|time))\\b");
  private static final Pattern EN_DAY =
      Pattern.compile(
          "\\b(day after tomorrow|tomorrow|today|tonight|next week|(?:this |the |on the |at the )?weekend|"
              + "(?:(next|this|on|coming|this coming) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday))\\b");
  private static final Pattern EN_PERIOD =
      Pattern.compile(
          "\\b(morning|noon|midday|lunch ?time|lunch|afternoon|evening|tonight|night)\\b");
  private static final Pattern EN_HALF_PAST =
      Pattern.compile("\\b(half|quarter) (past|after|to) " + EN_HOUR + "\\b");
  private static final Pattern EN_CLOCK =
      Pattern.compile(
          "\\b(?:(at|after|around|about|by|till|until|from) )?(?:about |around )?"
              + EN_HOUR
              + "(?::(\\d{2})| (thirty|fifteen|forty five|forty|twenty|ten|fifty|o five|oh five))?"
              + "(?: ?(am|pm|a m|p m|oclock))?\\b"
              // "about two weeks", "after three orders": a count, not a clock time.
              + "(?! (?:weeks?|days?|hours?|hrs?|minutes?|mins?|months?|years?|times|items?|orders?"
              + "|dollars?|yuan|bucks|of|more|people|packages?|parcels?|pieces?))");

  private EnglishTimes() {}

  /** What {@code text}, normalized, names. */
  static NamedTime read(String text) {
    NamedTime p = new NamedTime();
    String rest = text;
    Matcher half = EN_HALF_HOUR.matcher(rest);
    if (half.find()) {
      p.after = Duration.ofMinutes(30);
      rest = blank(rest, half);
    } else {
      Matcher duration = EN_DURATION.matcher(rest);
      if (duration.find()) {
        boolean prefixed = duration.group(1) != null;
        String amount = prefixed ? duration.group(1) : duration.group(4);
        String unit = prefixed ? duration.group(2) : duration.group(5);
        boolean andHalf = (prefixed ? duration.group(3) : duration.group(6)) != null;
        Integer n =
            amount.chars().allMatch(Character::isDigit)
                ? Integer.valueOf(amount)
                : EN_NUMBERS.get(amount);
        if (n != null) {
          p.after =
              unitDuration(
                  unit.startsWith("m") ? "m" : unit.startsWith("h") ? "h" : "d", n, andHalf);
          rest = blank(rest, duration);
        }
      }
    }
    Matcher day = EN_DAY.matcher(rest);
    if (day.find()) {
      String d = day.group(1);
      if (d.equals("day after tomorrow")) {
        p.dayOffset = 2;
      } else if (d.equals("tomorrow")) {
        p.dayOffset = 1;
      } else if (d.equals("today") || d.equals("tonight")) {
        p.dayOffset = 0;
      } else if (d.equals("next week")) {
        p.nextWeekMonday = true;
      } else if (d.endsWith("weekend")) {
        p.weekend = true;
      } else {
        p.weekday = DayOfWeek.valueOf(day.group(3).toUpperCase(Locale.ROOT));
        p.nextWeek = "next".equals(day.group(2));
      }
    }
    Matcher period = EN_PERIOD.matcher(rest);
    if (period.find()) {
      p.period =
          switch (period.group(1)) {
            case "morning" -> Period.MORNING;
            case "noon", "midday", "lunch", "lunchtime", "lunch time" -> Period.NOON;
            case "afternoon" -> Period.AFTERNOON;
            case "night" -> Period.NIGHT;
            default -> Period.EVENING;
          };
    }
    Matcher halfPast = EN_HALF_PAST.matcher(rest);
    if (halfPast.find()) {
      int h = enNumber(halfPast.group(3));
      int m = halfPast.group(1).equals("half") ? 30 : 15;
      if (halfPast.group(2).equals("to")) {
        h = h - 1;
        m = 60 - m;
      }
      p.hour = h;
      p.minute = m;
      return p;
    }
    Matcher clock = EN_CLOCK.matcher(rest);
    while (clock.find()) {
      String preposition = clock.group(1);
      String colonMinutes = clock.group(3);
      String wordMinutes = clock.group(4);
      String suffix = clock.group(5);
      // A bare number is a time only with a preposition or a clock suffix: "2 items" is not.
      if (preposition == null && colonMinutes == null && suffix == null && p.period == null) {
        continue;
      }
      if (preposition == null
          && colonMinutes == null
          && suffix == null
          && !isDigits(clock.group(2))) {
        // "six in the evening" is a time; "one more question this evening" is not: take spelled
        // numbers with a part of the day only when directly followed by it.
        if (!rest.startsWith(" in the", clock.end())
            && !rest.startsWith(" this", clock.end())
            && !rest.startsWith(" tonight", clock.end())) {
          continue;
        }
      }
      int h = enNumber(clock.group(2));
      if (h > 23) {
        continue;
      }
      p.hour = h;
      p.minute =
          colonMinutes != null
              ? Integer.parseInt(colonMinutes)
              : wordMinutes != null ? enMinutes(wordMinutes) : 0;
      if (suffix != null && !suffix.equals("oclock")) {
        p.pm = suffix.startsWith("p");
      }
      break;
    }
    return p;
  }

  private static int enNumber(String s) {
    return isDigits(s) ? Integer.parseInt(s) : EN_NUMBERS.get(s);
  }

  private static int enMinutes(String s) {
    return switch (s) {
      case "o five", "oh five" -> 5;
      default -> EN_NUMBERS.get(s);
    };
  }
}

package io.contactcenter.asrtts.internal.intent;

import io.contactcenter.asrtts.ReplyLanguage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the time a callee names for a callback ("call me tomorrow after six", "明天下午再打", "in two
 * hours", "下周一上午") in normalized text, relative to a given moment and in that moment's zone.
 *
 * <p>The rules, so the robot's scheduling is predictable:
 *
 * <ul>
 *   <li>A duration ("in two hours", "半小时后", "一个小时以后") counts from {@code now}, to the minute.
 *   <li>A day without a time of day means 10:00 that day. Days: today, tomorrow, the day after
 *       tomorrow, a weekday (the next one after today; "next Monday"/下周一 is the one in next week,
 *       weeks starting on Monday), "next week"/下周 (its Monday), "the weekend"/周末 (Saturday).
 *   <li>A part of the day without a clock time means: 早上/早晨/明早 09:00, morning/上午 10:00, noon/中午
 *       12:00, afternoon/下午 14:00, 傍晚 18:00, evening/tonight/晚上 19:00, night/夜里 21:00.
 *   <li>A clock time with a part of the day or am/pm is taken as said. A bare hour from 1 to 7
 *       means the afternoon or evening ("after six" is 18:00): nobody asks a shop to call at 6am. A
 *       bare 8 to 11 means the morning, or the evening if that morning hour has already passed
 *       today.
 *   <li>A time that has already passed today moves to tomorrow; except that a part of the day with
 *       no clock time that is still under way ("call me tonight" said at 20:00) means in 30
 *       minutes.
 *   <li>"later", 晚点, 过几天 and the like name no time: the result is empty.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class CallbackTimeExtractor {

  private static final LocalTime DEFAULT_TIME = LocalTime.of(10, 0);

  /** Parts of the day: default hour and the hour they end, for "still under way". */
  private enum Period {
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

  private static final String CN_NUM = "([0-9]{1,2}|[零一二两三四五六七八九十]{1,3})";
  private static final Pattern ZH_HALF_HOUR =
      Pattern.compile("半(个)?(小时|钟头)(以后|之后|后)|过半(个)?(小时|钟头)");
  private static final Pattern ZH_DURATION =
      Pattern.compile("(过|等)?" + CN_NUM + "(个)?(半)?(个)?(小时|钟头|分钟|分|天)(以后|之后|后|再)?");
  private static final Pattern ZH_DAY =
      Pattern.compile(
          "大后天|后天|明天|明日|明儿|明早|明晚|今天|今日|今晚|今早|周末|"
              + "(下个?(?:周|星期|礼拜)|这个?(?:周|星期|礼拜)|本周|(?:周|星期|礼拜))([一二三四五六日天1-7])?");
  private static final Pattern ZH_PERIOD =
      Pattern.compile("凌晨|早上|早晨|一早|明早|今早|上午|中午|下午|傍晚|晚上|今晚|明晚|夜里|夜间|半夜");
  private static final Pattern ZH_CLOCK =
      Pattern.compile(CN_NUM + "(点|:)(钟)?(半|一刻|三刻|过)?(([0-9]{1,2}|[零一二三四五六七八九十]{1,3})(分)?)?");

  /**
   * The callback time named in {@code normalized}, if any.
   *
   * @param normalized text from {@link TextNormalizer} ({@link TextNormalizer#normalizeChinese} for
   *     Chinese)
   * @param now the moment it was said, in the callee's zone
   */
  Optional<ZonedDateTime> extract(ReplyLanguage language, String normalized, ZonedDateTime now) {
    Parsed parsed = language == ReplyLanguage.ZH ? chinese(normalized) : english(normalized);
    return parsed.resolve(now.truncatedTo(ChronoUnit.MINUTES));
  }

  /** What the text named; any part may be missing. */
  private static final class Parsed {
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
      } else if (h >= 8
          && h <= 11
          && days == 0
          && !day.with(LocalTime.of(h, minute)).isAfter(now)) {
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
  }

  private static Parsed english(String text) {
    Parsed p = new Parsed();
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

  private static Parsed chinese(String text) {
    Parsed p = new Parsed();
    String rest = text.replace(" ", "");
    Matcher duration = ZH_DURATION.matcher(rest);
    while (duration.find()) {
      boolean prefixed = duration.group(1) != null;
      boolean suffixed = duration.group(7) != null;
      String unit = duration.group(6);
      // "两天" or "十分" alone is no duration ("十分抱歉"): it needs 过/等 before or 后/再 after.
      if (!prefixed && !suffixed || unit.equals("分") && !prefixed) {
        continue;
      }
      Integer n = cnNumber(duration.group(2));
      if (n == null || n == 0) {
        continue;
      }
      p.after =
          unitDuration(
              unit.startsWith("分") ? "m" : unit.equals("天") ? "d" : "h",
              n,
              duration.group(4) != null);
      rest = blank(rest, duration);
      break;
    }
    if (p.after == null) {
      Matcher half = ZH_HALF_HOUR.matcher(rest);
      if (half.find()) {
        p.after = Duration.ofMinutes(30);
        rest = blank(rest, half);
      }
    }
    Matcher day = ZH_DAY.matcher(rest);
    if (day.find()) {
      String d = day.group();
      switch (d) {
        case "大后天" -> p.dayOffset = 3;
        case "后天" -> p.dayOffset = 2;
        case "明天", "明日", "明儿", "明早", "明晚" -> p.dayOffset = 1;
        case "今天", "今日", "今晚", "今早" -> p.dayOffset = 0;
        case "周末" -> p.weekend = true;
        default -> {
          boolean next = day.group(1).startsWith("下");
          String which = day.group(2);
          if (which == null) {
            if (next) {
              p.nextWeekMonday = true;
            }
            // "这周"/"星期" alone names no day.
          } else {
            p.weekday = DayOfWeek.of(zhWeekday(which));
            p.nextWeek = next;
          }
        }
      }
    }
    Matcher period = ZH_PERIOD.matcher(rest);
    if (period.find()) {
      p.period =
          switch (period.group()) {
            case "凌晨", "早上", "早晨", "一早", "明早", "今早" -> Period.EARLY_MORNING;
            case "上午" -> Period.MORNING;
            case "中午" -> Period.NOON;
            case "下午" -> Period.AFTERNOON;
            case "傍晚" -> Period.DUSK;
            case "夜里", "夜间", "半夜" -> Period.NIGHT;
            default -> Period.EVENING;
          };
    }
    Matcher clock = ZH_CLOCK.matcher(rest);
    while (clock.find()) {
      String number = clock.group(1);
      boolean colon = clock.group(2).equals(":");
      if (!colon) {
        char before = clock.start() > 0 ? rest.charAt(clock.start() - 1) : ' ';
        char after = clock.end() < rest.length() ? rest.charAt(clock.end()) : ' ';
        // 晚一点/快点/一点点/一点儿 mean "a little", not one o'clock.
        if ("晚早快慢多少好差有再等".indexOf(before) >= 0 || after == '点' || after == '儿') {
          continue;
        }
      }
      Integer h = cnNumber(number);
      if (h == null || h > 23) {
        continue;
      }
      int m = 0;
      String fraction = clock.group(4);
      if ("半".equals(fraction)) {
        m = 30;
      } else if ("一刻".equals(fraction)) {
        m = 15;
      } else if ("三刻".equals(fraction)) {
        m = 45;
      } else if (clock.group(6) != null) {
        Integer mm = cnNumber(clock.group(6));
        m = mm == null ? 0 : mm;
      }
      p.hour = h;
      p.minute = m;
      break;
    }
    return p;
  }

  private static Duration unitDuration(String unit, int n, boolean andHalf) {
    return switch (unit) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofMinutes(n * 60L + (andHalf ? 30 : 0));
      default -> Duration.ofDays(n);
    };
  }

  private static String blank(String text, Matcher m) {
    return text.substring(0, m.start()) + " ".repeat(m.end() - m.start()) + text.substring(m.end());
  }

  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
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

  private static int zhWeekday(String s) {
    return switch (s) {
      case "一", "1" -> 1;
      case "二", "2" -> 2;
      case "三", "3" -> 3;
      case "四", "4" -> 4;
      case "五", "5" -> 5;
      case "六", "6" -> 6;
      default -> 7;
    };
  }

  /** 0-99 written in digits or Chinese numerals (两, 十, 十二, 二十五); null if not a number. */
  static Integer cnNumber(String s) {
    if (isDigits(s)) {
      return Integer.valueOf(s);
    }
    int value = 0;
    int digit = -1;
    for (char c : s.toCharArray()) {
      int d = "零一二三四五六七八九".indexOf(c);
      if (c == '两') {
        d = 2;
      }
      if (d >= 0) {
        digit = d;
      } else if (c == '十') {
        value += (digit <= 0 ? 1 : digit) * 10;
        digit = -1;
      } else {
        return null;
      }
    }
    return value + Math.max(digit, 0);
  }
}

package io.contactcenter.asrtts.internal.intent;

import static io.contactcenter.asrtts.internal.intent.NamedTime.blank;
import static io.contactcenter.asrtts.internal.intent.NamedTime.isDigits;
import static io.contactcenter.asrtts.internal.intent.NamedTime.unitDuration;

import io.contactcenter.asrtts.internal.intent.NamedTime.Period;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a Chinese reply names of a callback time ("两个小时以后", "明天下午三点", "下周一上午"), numbers in
 * digits or Chinese numerals. Stateless and thread-safe.
 */
final class ChineseTimes {

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

  private ChineseTimes() {}

  /** What {@code text}, normalized, names. */
  static NamedTime read(String text) {
    NamedTime p = new NamedTime();
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
      Integer n = number(duration.group(2));
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
      Integer h = number(number);
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
        Integer mm = number(clock.group(6));
        m = mm == null ? 0 : mm;
      }
      p.hour = h;
      p.minute = m;
      break;
    }
    return p;
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
  static Integer number(String s) {
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

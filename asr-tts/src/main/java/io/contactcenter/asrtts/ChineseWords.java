package io.contactcenter.asrtts;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Values in the words a Chinese voice should say: amounts as people say prices ("一千二百九十九元五角"),
 * dates as "十一月三十日，星期一", times as "下午六点三十分", and order numbers one character at a time with "幺" for
 * 1, as telephone operators read digits so that 1 and 7 are not confused.
 */
final class ChineseWords {

  private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  private static final String[] READ_OUT = {"零", "幺", "二", "三", "四", "五", "六", "七", "八", "九"};
  private static final String[] SMALL_UNITS = {"", "十", "百", "千"};
  private static final String[] WEEKDAYS = {"一", "二", "三", "四", "五", "六", "日"};

  private ChineseWords() {}

  /** A whole number: 10 is "十", 1299 "一千二百九十九", 10005 "一万零五". */
  static String number(long n) {
    if (n == 0) {
      return DIGITS[0];
    }
    String[] bigUnits = {"", "万", "亿"};
    StringBuilder out = new StringBuilder();
    boolean zeroPending = false;
    boolean started = false;
    for (int group = 2; group >= 0; group--) {
      long scale = (long) Math.pow(10_000, group);
      int part = (int) (n / scale % 10_000);
      if (part == 0) {
        zeroPending = started;
        continue;
      }
      if (started && (zeroPending || part < 1000)) {
        out.append(DIGITS[0]);
      }
      out.append(belowTenThousand(part)).append(bigUnits[group]);
      started = true;
      zeroPending = false;
    }
    String s = out.toString();
    // "一十二" is said "十二" at the start of a number.
    return s.startsWith("一十") ? s.substring(1) : s;
  }

  private static String belowTenThousand(int n) {
    StringBuilder out = new StringBuilder();
    boolean zero = false;
    for (int place = 3; place >= 0; place--) {
      int digit = n / (int) Math.pow(10, place) % 10;
      if (digit == 0) {
        zero = out.length() > 0;
        continue;
      }
      if (zero) {
        out.append(DIGITS[0]);
        zero = false;
      }
      out.append(DIGITS[digit]).append(SMALL_UNITS[place]);
    }
    return out.toString();
  }

  /** "1299.50 CNY" as "一千二百九十九元五角"; "12.05 CNY" as "十二元零五分". */
  static String money(long whole, int minor, String currency) {
    int jiao = minor / 10;
    int fen = minor % 10;
    return switch (currency) {
      case "CNY" -> {
        StringBuilder out = new StringBuilder(number(whole)).append("元");
        if (jiao > 0) {
          out.append(DIGITS[jiao]).append("角");
        } else if (fen > 0) {
          out.append("零");
        }
        if (fen > 0) {
          out.append(DIGITS[fen]).append("分");
        }
        yield out.toString();
      }
      case "USD" -> number(whole) + "美元" + (minor > 0 ? number(minor) + "美分" : "");
      default -> number(whole) + "欧元" + (minor > 0 ? number(minor) + "欧分" : "");
    };
  }

  /** "十一月三十日，星期一". */
  static String date(LocalDate date) {
    return number(date.getMonthValue())
        + "月"
        + number(date.getDayOfMonth())
        + "日，星期"
        + WEEKDAYS[date.getDayOfWeek().getValue() - 1];
  }

  /** "上午九点零五分", "下午六点三十分", "中午十二点", "晚上八点整". */
  static String time(LocalTime time) {
    int hour = time.getHour();
    int minute = time.getMinute();
    String period;
    if (hour < 6) {
      period = "凌晨";
    } else if (hour < 12) {
      period = "上午";
    } else if (hour < 13) {
      period = "中午";
    } else if (hour < 18) {
      period = "下午";
    } else {
      period = "晚上";
    }
    int h12 = hour % 12 == 0 ? 12 : hour % 12;
    String hours = h12 == 2 ? "两" : number(h12);
    String minutes =
        minute == 0 ? "整" : (minute < 10 ? "零" + DIGITS[minute] : number(minute)) + "分";
    return period + hours + "点" + minutes;
  }

  /** One character at a time: "A2026113" is "A，二，零，二，六，幺，幺，三". */
  static String characters(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      String spoken;
      if (c >= '0' && c <= '9') {
        spoken = READ_OUT[c - '0'];
      } else if (Character.isLetter(c)) {
        spoken = String.valueOf(Character.toUpperCase(c));
      } else {
        continue;
      }
      if (out.length() > 0) {
        out.append('，');
      }
      out.append(spoken);
    }
    if (out.length() == 0) {
      throw new IllegalArgumentException("'" + value + "' has no digits or letters to read");
    }
    return out.toString();
  }
}

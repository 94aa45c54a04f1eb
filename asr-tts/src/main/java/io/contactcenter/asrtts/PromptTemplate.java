package io.contactcenter.asrtts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt text with variables, rendered as words that a synthesizer speaks correctly: English, or
 * Chinese with {@link #render(Map, String)} and {@code zh}.
 *
 * <p>A placeholder is {@code {name}} or {@code {name:kind}}:
 *
 * <ul>
 *   <li>{@code text} (the default) as given: names, product titles;
 *   <li>{@code money}: "¥1,299.50", "CNY 1299.5", "$12.50", "12.50 USD", "€3" become "one thousand
 *       two hundred ninety nine yuan fifty", "twelve dollars and fifty cents", "three euros";
 *   <li>{@code date}: a {@link LocalDate} or "2026-11-30" becomes "Monday, November thirtieth";
 *   <li>{@code time}: a {@link LocalTime} or "18:30" becomes "six thirty p m";
 *   <li>{@code digits}: order and tracking numbers one character at a time with a short pause
 *       between, "A2026" becomes "A, two, zero, two, six".
 * </ul>
 *
 * A {@link LocalDate} or {@link LocalTime} value in a plain {@code {name}} placeholder is spoken as
 * a date or time. Immutable and thread-safe.
 */
public final class PromptTemplate {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)(?::([a-z]+))?}");
  private static final String[] ONES = {
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen"
  };
  private static final String[] TENS = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
  };
  private static final String[] ORDINAL_ONES = {
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth"
  };
  private static final String[] ORDINAL_TENS = {"", "", "twentieth", "thirtieth"};

  private enum Kind {
    TEXT,
    MONEY,
    DATE,
    TIME,
    DIGITS
  }

  private record Part(String literal, String variable, Kind kind) {}

  private final String template;
  private final List<Part> parts;
  private final Set<String> variables;

  private PromptTemplate(String template, List<Part> parts, Set<String> variables) {
    this.template = template;
    this.parts = parts;
    this.variables = variables;
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException for an unknown kind or a stray brace
   */
  public static PromptTemplate of(String template) {
    if (template == null || template.isBlank()) {
      throw new IllegalArgumentException("prompt template is empty");
    }
    List<Part> parts = new ArrayList<>();
    Set<String> variables = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    int at = 0;
    while (m.find()) {
      addLiteral(parts, template.substring(at, m.start()), template);
      String kindName = m.group(2) == null ? "text" : m.group(2);
      Kind kind;
      try {
        kind = Kind.valueOf(kindName.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown kind '"
                + kindName
                + "' for variable '"
                + m.group(1)
                + "'; use text, money, date, time or digits",
            e);
      }
      parts.add(new Part(null, m.group(1), kind));
      variables.add(m.group(1));
      at = m.end();
    }
    addLiteral(parts, template.substring(at), template);
    return new PromptTemplate(template, List.copyOf(parts), Set.copyOf(variables));
  }

  private static void addLiteral(List<Part> parts, String literal, String template) {
    if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
      throw new IllegalArgumentException(
          "prompt template has a malformed placeholder: '" + template + "'");
    }
    if (!literal.isEmpty()) {
      parts.add(new Part(literal, null, null));
    }
  }

  /** The variable names the template uses. */
  public Set<String> variables() {
    return variables;
  }

  /**
   * Renders the text to speak.
   *
   * @throws IllegalArgumentException naming the variable when a value is missing or unreadable, or
   *     when a value is given for a variable the template does not have
   */
  public String render(Map<String, ?> values) {
    return render(values, "en");
  }

  /**
   * Renders the text to speak in {@code language}: {@code zh} says amounts, dates, times and digits
   * in Chinese ("一千二百九十九元五角", "十一月三十日，星期一", "下午六点三十分", "A，二，零，幺"); any other language in English.
   *
   * @throws IllegalArgumentException as {@link #render(Map)}
   */
  public String render(Map<String, ?> values, String language) {
    boolean chinese = "zh".equals(language);
    for (String name : values.keySet()) {
      if (!variables.contains(name)) {
        throw new IllegalArgumentException(
            "unknown variable '" + name + "' for prompt '" + template + "'");
      }
    }
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part.literal() != null) {
        out.append(part.literal());
        continue;
      }
      Object value = values.get(part.variable());
      if (value == null) {
        throw new IllegalArgumentException(
            "no value for variable '" + part.variable() + "' in prompt '" + template + "'");
      }
      try {
        out.append(speak(value, part.kind(), chinese));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IllegalArgumentException(
            "variable '" + part.variable() + "': " + e.getMessage(), e);
      }
    }
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  private static String speak(Object value, Kind kind, boolean chinese) {
    return switch (kind) {
      case MONEY -> money(value.toString(), chinese);
      case DATE -> {
        LocalDate d = value instanceof LocalDate date ? date : LocalDate.parse(value.toString());
        yield chinese ? ChineseWords.date(d) : date(d);
      }
      case TIME -> {
        LocalTime t = value instanceof LocalTime time ? time : LocalTime.parse(value.toString());
        yield chinese ? ChineseWords.time(t) : time(t);
      }
      case DIGITS -> chinese ? ChineseWords.characters(value.toString()) : digits(value.toString());
      case TEXT ->
          switch (value) {
            case LocalDate d -> chinese ? ChineseWords.date(d) : date(d);
            case LocalTime t -> chinese ? ChineseWords.time(t) : time(t);
            default -> value.toString();
          };
    };
  }

  private static String money(String raw, boolean chinese) {
    String s = raw.strip().replace(",", "").replace(" ", "");
    String currency = null;
    Map<String, String> symbols =
        Map.of("¥", "CNY", "￥", "CNY", "$", "USD", "€", "EUR", "RMB", "CNY");
    for (Map.Entry<String, String> e : symbols.entrySet()) {
      if (s.startsWith(e.getKey())) {
        currency = e.getValue();
        s = s.substring(e.getKey().length());
      } else if (s.endsWith(e.getKey())) {
        currency = e.getValue();
        s = s.substring(0, s.length() - e.getKey().length());
      }
    }
    for (String code : List.of("CNY", "USD", "EUR")) {
      if (s.toUpperCase(Locale.ROOT).startsWith(code)) {
        currency = code;
        s = s.substring(3);
      } else if (s.toUpperCase(Locale.ROOT).endsWith(code)) {
        currency = code;
        s = s.substring(0, s.length() - 3);
      }
    }
    if (currency == null) {
      throw new IllegalArgumentException(
          "amount '" + raw + "' has no currency (¥, CNY, RMB, $, USD, €, EUR)");
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(s).setScale(2, RoundingMode.HALF_UP);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + raw + "' is not an amount", e);
    }
    if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0) {
      throw new IllegalArgumentException("amount '" + raw + "' is out of range");
    }
    long whole = amount.longValue();
    int minor = amount.remainder(BigDecimal.ONE).movePointRight(2).intValue();
    if (chinese) {
      return ChineseWords.money(whole, minor, currency);
    }
    return switch (currency) {
      // Said as people say prices in China: "twelve yuan fifty".
      case "CNY" -> words(whole) + " yuan" + (minor > 0 ? " " + words(minor) : "");
      case "USD" -> unitPhrase(whole, minor, "dollar", "dollars", "cent", "cents");
      default -> unitPhrase(whole, minor, "euro", "euros", "cent", "cents");
    };
  }

  private static String unitPhrase(
      long whole, int minor, String one, String many, String minorOne, String minorMany) {
    String major = words(whole) + " " + (whole == 1 ? one : many);
    if (minor == 0) {
      return major;
    }
    String cents = words(minor) + " " + (minor == 1 ? minorOne : minorMany);
    return whole == 0 ? cents : major + " and " + cents;
  }

  private static String date(LocalDate date) {
    return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + ", "
        + date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + " "
        + ordinal(date.getDayOfMonth());
  }

  private static String time(LocalTime time) {
    int hour = time.getHour();
    int minute = time.getMinute();
    if (minute == 0 && hour == 12) {
      return "twelve noon";
    }
    if (minute == 0 && hour == 0) {
      return "twelve midnight";
    }
    int h12 = hour % 12 == 0 ? 12 : hour % 12;
    String minutes = minute == 0 ? "" : minute < 10 ? " oh " + ONES[minute] : " " + words(minute);
    return words(h12) + minutes + (hour < 12 ? " a m" : " p m");
  }

  private static String digits(String value) {
    List<String> spoken = new ArrayList<>();
    for (char c : value.toCharArray()) {
      if (c >= '0' && c <= '9') {
        spoken.add(ONES[c - '0']);
      } else if (Character.isLetter(c)) {
        spoken.add(String.valueOf(Character.toUpperCase(c)));
      }
    }
    if (spoken.isEmpty()) {
      throw new IllegalArgumentException("'" + value + "' has no digits or letters to read");
    }
    // Commas make MaryTTS pause between characters; without them it runs digits together so that
    // listeners (and speech recognizers) lose some.
    return String.join(", ", spoken);
  }

  /** A whole number in English words, without "and": "one thousand two hundred ninety nine". */
  static String words(long n) {
    if (n < 20) {
      return ONES[(int) n];
    }
    if (n < 100) {
      return TENS[(int) (n / 10)] + (n % 10 == 0 ? "" : " " + ONES[(int) (n % 10)]);
    }
    if (n < 1000) {
      return ONES[(int) (n / 100)] + " hundred" + (n % 100 == 0 ? "" : " " + words(n % 100));
    }
    long[] scales = {1_000_000_000L, 1_000_000L, 1000L};
    String[] names = {" billion", " million", " thousand"};
    for (int i = 0; i < scales.length; i++) {
      if (n >= scales[i]) {
        long rest = n % scales[i];
        return words(n / scales[i]) + names[i] + (rest == 0 ? "" : " " + words(rest));
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static String ordinal(int day) {
    if (day < 20) {
      return ORDINAL_ONES[day];
    }
    if (day % 10 == 0) {
      return ORDINAL_TENS[day / 10];
    }
    return TENS[day / 10] + " " + ORDINAL_ONES[day % 10];
  }

  @Override
  public String toString() {
    return template;
  }
}

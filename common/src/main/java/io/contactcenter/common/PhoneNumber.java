package io.contactcenter.common;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A telephone number in E.164 form: a plus sign and 8 to 15 digits, nothing else.
 *
 * <p>Only validated digits ever leave this type ({@link #digits()}, {@link #e164()}), which is what
 * makes it safe to build dial strings and AGI commands from it. {@link #toString()} masks the
 * middle digits so that numbers never reach logs in the clear.
 */
public final class PhoneNumber {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

  /** Digit runs this long or longer are personal numbers, shorter ones extensions. */
  private static final int MASKED_RUN = 7;

  private final String e164;

  private PhoneNumber(String e164) {
    this.e164 = e164;
  }

  /**
   * Parses a number already in E.164 form. Spaces, dashes, dots and parentheses used as visual
   * separators are tolerated; anything else is rejected.
   *
   * @throws InvalidPhoneNumberException naming what is wrong with the input
   */
  public static PhoneNumber parse(String input) {
    if (input == null || input.isBlank()) {
      throw new InvalidPhoneNumberException("phone number is empty");
    }
    String compact = input.strip().replaceAll("[ \\-.()]", "");
    if (!compact.startsWith("+")) {
      throw new InvalidPhoneNumberException(
          "phone number must be in E.164 form starting with '+' and a country code: "
              + describe(input));
    }
    if (!E164.matcher(compact).matches()) {
      throw new InvalidPhoneNumberException(
          "phone number must be '+' followed by 8 to 15 digits, the first not 0: "
              + describe(input));
    }
    return new PhoneNumber(compact);
  }

  /** The number with its leading plus sign, e.g. {@code +8613800138000}. */
  public String e164() {
    return e164;
  }

  /** The digits only, without the plus sign: what a SIP trunk usually expects. */
  public String digits() {
    return e164.substring(1);
  }

  /** The number with all but the first four and last two digits masked, for logs. */
  public String masked() {
    int keepHead = Math.min(4, e164.length());
    int keepTail = 2;
    StringBuilder sb = new StringBuilder(e164.substring(0, keepHead));
    for (int i = keepHead; i < e164.length() - keepTail; i++) {
      sb.append('*');
    }
    return sb.append(e164.substring(e164.length() - keepTail)).toString();
  }

  /**
   * The text with every run of seven or more digits masked the way {@link #masked()} masks a
   * number: the first three and last two digits kept. For call records whose caller, callee and
   * channel fields hold whatever the switch saw ({@code +8613800138000}, {@code 8613800138000},
   * {@code Local/+8613800138000@robot-0000001a;1}, {@code 4000}). Internal extensions of fewer than
   * seven digits and digits touching a letter (hexadecimal channel suffixes) stay readable. Null
   * stays null.
   */
  public static String maskDigitsIn(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int end = i;
      while (end < text.length() && isAsciiDigit(text.charAt(end))) {
        end++;
      }
      if (end == i) {
        out.append(text.charAt(i++));
        continue;
      }
      int run = end - i;
      boolean inWord =
          (i > 0 && Character.isLetter(text.charAt(i - 1)))
              || (end < text.length() && Character.isLetter(text.charAt(end)));
      if (run < MASKED_RUN || inWord) {
        out.append(text, i, end);
      } else {
        out.append(text, i, i + 3).append("*".repeat(run - 5)).append(text, end - 2, end);
      }
      i = end;
    }
    return out.toString();
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String describe(String input) {
    String shown = input.length() > 32 ? input.substring(0, 32) + "..." : input;
    // The raw input can hold control characters; show them escaped so the error stays one line.
    return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PhoneNumber other && other.e164.equals(e164);
  }

  @Override
  public int hashCode() {
    return Objects.hash(e164);
  }

  @Override
  public String toString() {
    return masked();
  }
}

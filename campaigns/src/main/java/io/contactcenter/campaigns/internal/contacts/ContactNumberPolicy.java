package io.contactcenter.campaigns.internal.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import io.contactcenter.common.InvalidPhoneNumberException;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.common.Wording;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which numbers from a contact file a campaign may call, and in which E.164 form.
 *
 * <p>Cells are first cleaned of what spreadsheets do to numbers: full-width digits (NFKC), a
 * leading apostrophe or an {@code ="..."} formula that kept the cell as text, scientific notation
 * from a number cell ({@code 1.3800138E+10}), a trailing {@code .0}, and spaces, dashes and
 * parentheses. Then the number must be valid for libphonenumber and must not be an emergency
 * number, a short service number, or a premium-rate, shared-cost, UAN, voicemail or pager number: a
 * robot calling those costs money or harms a service.
 *
 * <p>Thread-safe.
 */
final class ContactNumberPolicy {

  /** The outcome for one cell. */
  sealed interface NumberCheck permits Accepted, Refused {}

  /**
   * @param region the ISO 3166 region of the number, {@code 001} for non-geographic numbers
   */
  record Accepted(PhoneNumber phone, String region) implements NumberCheck {}

  /**
   * {@code problem} completes a sentence starting with the column and the value as typed; its key
   * ({@code problem.contact-number.*}) lets the app word it in the uploader's language.
   */
  record Refused(Wording problem) implements NumberCheck {

    Refused(String code, String english, Object... arguments) {
      this(new Wording("problem.contact-number." + code, english, arguments));
    }
  }

  private static final Pattern FORMULA = Pattern.compile("=\\s*\"(.*)\"|=(.*)");
  private static final Pattern SCIENTIFIC = Pattern.compile("\\+?\\d+(?:\\.\\d+)?[eE]\\+?\\d{1,2}");
  private static final Pattern NUMBER_CELL_DECIMAL = Pattern.compile("(\\+?\\d+)\\.0+");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");
  private static final int MAX_SHORT_NUMBER_DIGITS = 6;

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final ShortNumberInfo shortNumbers = ShortNumberInfo.getInstance();

  NumberCheck check(String cell, String defaultRegion) {
    String text = isDialable(cell) ? cell : clean(cell);
    if (text.isEmpty()) {
      return new Refused("empty", "is empty");
    }
    if (!isDialable(text)) {
      return SCIENTIFIC.matcher(text).matches()
          ? new Refused(
              "scientific",
              "is in scientific notation and has lost digits; format the column as text and"
                  + " export again")
          : new Refused("not-digits", "contains characters other than digits and a leading '+'");
    }
    boolean international = text.charAt(0) == '+';
    // Emergency numbers are a few digits long; the exact check is skipped for full numbers.
    if (!international
        && text.length() <= MAX_SHORT_NUMBER_DIGITS
        && shortNumbers.isEmergencyNumber(text, defaultRegion)) {
      return new Refused("emergency", "is an emergency number");
    }
    Phonenumber.PhoneNumber number;
    try {
      number = util.parse(text, defaultRegion);
    } catch (NumberParseException e) {
      return describe(e);
    }
    // getNumberType answers UNKNOWN exactly when isValidNumber is false, at half the cost of
    // asking both: libphonenumber's matching is what bounds the speed of a million-row import.
    PhoneNumberType type = util.getNumberType(number);
    Refused refusedType =
        switch (type) {
          case UNKNOWN -> invalid(text, number, defaultRegion, international);
          case PREMIUM_RATE -> new Refused("premium-rate", "is a premium-rate number");
          case SHARED_COST -> new Refused("shared-cost", "is a shared-cost number");
          case UAN -> new Refused("uan", "is a universal access number (UAN)");
          case VOICEMAIL -> new Refused("voicemail", "is a voicemail access number");
          case PAGER -> new Refused("pager", "is a pager number");
          default -> null;
        };
    if (refusedType != null) {
      return refusedType;
    }
    String region = util.getRegionCodeForNumber(number);
    if (region == null) {
      region = util.getRegionCodeForCountryCode(number.getCountryCode());
    }
    try {
      return new Accepted(PhoneNumber.parse(util.format(number, PhoneNumberFormat.E164)), region);
    } catch (InvalidPhoneNumberException e) {
      return new Refused("not-e164", "cannot be written as an E.164 number of 8 to 15 digits");
    }
  }

  /**
   * Undoes what spreadsheets do to numbers. A number in scientific notation that is not a whole
   * number any more is left as it is, to be refused.
   */
  private static String clean(String cell) {
    String text = Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
    if (text.startsWith("'")) {
      text = text.substring(1).strip();
    }
    Matcher formula = FORMULA.matcher(text);
    if (formula.matches()) {
      text = (formula.group(1) != null ? formula.group(1) : formula.group(2)).strip();
    }
    if (SCIENTIFIC.matcher(text).matches()) {
      try {
        return new BigDecimal(text).toBigIntegerExact().toString();
      } catch (ArithmeticException e) {
        return text;
      }
    }
    Matcher decimal = NUMBER_CELL_DECIMAL.matcher(text);
    if (decimal.matches()) {
      text = decimal.group(1);
    }
    return SEPARATORS.matcher(text).replaceAll("");
  }

  /** An optional leading '+' then digits only: the form every cleaned number must have. */
  private static boolean isDialable(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = text.charAt(0) == '+' ? 1 : 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return text.length() > 1 || text.charAt(0) != '+';
  }

  private Refused invalid(
      String text, Phonenumber.PhoneNumber number, String defaultRegion, boolean international) {
    // Checked only for numbers that are not valid full numbers: a Delhi landline written without
    // its trunk 0 (11 2345 6789) starts with the emergency number 112 and must still be callable.
    if (!international) {
      if (shortNumbers.connectsToEmergencyNumber(text, defaultRegion)) {
        return new Refused("emergency", "is an emergency number");
      }
      if (text.length() <= MAX_SHORT_NUMBER_DIGITS
          && shortNumbers.isPossibleShortNumberForRegion(number, defaultRegion)) {
        return new Refused("short-service", "is a short service number, not a subscriber's phone");
      }
    }
    String region = util.getRegionCodeForCountryCode(number.getCountryCode());
    String plan = "ZZ".equals(region) ? "+" + number.getCountryCode() : region;
    ValidationResult possible = util.isPossibleNumberWithReason(number);
    return switch (possible) {
      case INVALID_COUNTRY_CODE ->
          new Refused("country-code", "has a country code that does not exist");
      case TOO_SHORT ->
          new Refused("too-short-in", "has too few digits for a number in " + plan, plan);
      case TOO_LONG ->
          new Refused("too-long-in", "has too many digits for a number in " + plan, plan);
      case INVALID_LENGTH ->
          new Refused(
              "wrong-length-in", "has the wrong number of digits for a number in " + plan, plan);
      case IS_POSSIBLE_LOCAL_ONLY ->
          new Refused("local-only", "can only be dialled locally; write it with its area code");
      case IS_POSSIBLE -> new Refused("not-valid-in", "is not a valid number in " + plan, plan);
    };
  }

  private static Refused describe(NumberParseException e) {
    return switch (e.getErrorType()) {
      case INVALID_COUNTRY_CODE ->
          new Refused("country-code", "has a country code that does not exist");
      case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> new Refused("too-short", "has too few digits");
      case TOO_LONG -> new Refused("too-long", "has too many digits");
      case NOT_A_NUMBER -> new Refused("not-a-number", "is not a phone number");
    };
  }
}

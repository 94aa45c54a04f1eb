package io.contactcenter.outboundrobot.internal.domain;

import io.contactcenter.outboundrobot.DialogueScript.VariableKind;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values for the variables of a test call that nobody gave (those each contact brings): one of each
 * kind the voice can read, so that ops can hear a prompt without a contact (ADR 0038). A text is
 * said as its name, as the editor's Listen says it.
 */
public final class SampleValues {

  /** A sample amount; the currency is the campaign's. */
  static final String AMOUNT = "1234.50";

  static final String TIME = "10:00";

  static final String DIGITS = "20261130";

  private SampleValues() {}

  /**
   * The given values, and for each declared variable without a value (absent or blank) a sample of
   * its kind. Values for undeclared names are kept: the caller's check refuses them.
   *
   * @param today the date in the callees' zone; a sample date is a week later
   * @param currency the ISO 4217 code of a sample amount ({@code null}: CNY)
   */
  public static Map<String, String> filled(
      Map<String, VariableKind> declared,
      Map<String, String> given,
      LocalDate today,
      String currency) {
    Map<String, String> values = new LinkedHashMap<>(given);
    declared.forEach(
        (name, kind) -> {
          String value = given.get(name);
          if (value == null || value.isBlank()) {
            values.put(name, sample(name, kind, today, currency == null ? "CNY" : currency));
          }
        });
    return values;
  }

  static String sample(String name, VariableKind kind, LocalDate today, String currency) {
    return switch (kind) {
      case TEXT -> name.replace('_', ' ');
      case MONEY -> AMOUNT + " " + currency;
      case DATE -> today.plusDays(7).toString();
      case TIME -> TIME;
      case DIGITS -> DIGITS;
    };
  }
}

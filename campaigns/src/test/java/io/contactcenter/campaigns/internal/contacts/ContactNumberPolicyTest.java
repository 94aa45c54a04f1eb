package io.contactcenter.campaigns.internal.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.campaigns.internal.contacts.ContactNumberPolicy.Accepted;
import io.contactcenter.campaigns.internal.contacts.ContactNumberPolicy.NumberCheck;
import io.contactcenter.campaigns.internal.contacts.ContactNumberPolicy.Refused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactNumberPolicyTest {

  private final ContactNumberPolicy policy = new ContactNumberPolicy();

  @ParameterizedTest(name = "{0} in {1} is {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "13800138000           | CN | +8613800138000",
        "+86 138 0013 8000     | CN | +8613800138000",
        "(+86) 138-0013-8000   | CN | +8613800138000",
        "008613800138000       | CN | +8613800138000",
        "8613800138000         | CN | +8613800138000",
        "１３８００１３８０００ | CN | +8613800138000",
        "＋８６　１３８００１３８０００ | CN | +8613800138000",
        "'13800138000          | CN | +8613800138000",
        "=\"13800138000\"      | CN | +8613800138000",
        "=13800138000          | CN | +8613800138000",
        "1.3800138E+10         | CN | +8613800138000",
        "1.3800138e10          | CN | +8613800138000",
        "8.613800138E+12       | CN | +8613800138000",
        "13800138000.0         | CN | +8613800138000",
        "010 6552 9988         | CN | +861065529988",
        "+1 212 736 5000       | CN | +12127365000",
        "212-736-5000          | US | +12127365000",
        "1123456789            | IN | +911123456789",
        "030 901820            | DE | +4930901820",
      })
  void cleansSpreadsheetArtefactsAndAcceptsCallableNumbers(
      String cell, String region, String e164) {
    NumberCheck check = policy.check(cell, region);

    assertThat(check).isInstanceOf(Accepted.class);
    assertThat(((Accepted) check).phone().e164()).isEqualTo(e164);
  }

  @ParameterizedTest(name = "{0} in {1} {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "110             | CN | is an emergency number",
        "１２０            | CN | is an emergency number",
        "119             | CN | is an emergency number",
        "911             | US | is an emergency number",
        "112             | DE | is an emergency number",
        "999             | GB | is an emergency number",
        "10086           | CN | is a short service number, not a subscriber's phone",
        "95588           | CN | is a short service number, not a subscriber's phone",
        "12345           | CN | is a short service number, not a subscriber's phone",
        "+1 900 234 5678 | CN | is a premium-rate number",
        "16812345        | CN | is a premium-rate number",
        "09001234567     | DE | is a premium-rate number",
        "4001234567      | CN | is a shared-cost number",
        "01801 2345      | DE | is a shared-cost number",
        "055 1234 5678   | GB | is a universal access number (UAN)",
        "0177 99 1234567 | DE | is a voicemail access number",
        "07640 123456    | GB | is a pager number",
        "1.38E+10.5      | CN | contains characters other than digits and a leading '+'",
        "1.38001385E+3   | CN | is in scientific notation and has lost digits; format the column as text and export again",
        "138 0013 800    | CN | is not a valid number in CN",
        "+44 12          | CN | has too few digits for a number in GB",
        "138001380001234 | CN | has too many digits for a number in CN",
        "+999 1234 5678  | CN | has a country code that does not exist",
        "12a45678901     | CN | contains characters other than digits and a leading '+'",
        "138001380000 ext 12 | CN | contains characters other than digits and a leading '+'",
        "'               | CN | is empty",
      })
  void refusesNumbersARobotMustNotCall(String cell, String region, String problem) {
    NumberCheck check = policy.check(cell, region);
    assertThat(check).isInstanceOf(Refused.class);
    Refused refused = (Refused) check;
    assertThat(refused.problem().english()).isEqualTo(problem);
    assertThat(refused.problem().messageKey()).startsWith("problem.contact-number.");
  }
}

package io.contactcenter.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactAmountsTest {

  @ParameterizedTest(name = "[{0}] in a {1} campaign is [{2}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "199.00      | USD | 199.00 USD",
        "199         | CNY | 199 CNY",
        " 8.5        | EUR | 8.5 EUR",
        "88元        | USD | 88 CNY",
        "88.00 元    | USD | 88.00 CNY",
        "1,299.50    | CNY | 1299.50 CNY",
        "12 EUR      | CNY | 12 EUR",
        "¥1,299.50   | USD | ¥1,299.50",
        "1,29.50     | CNY | 1,29.50",
        "199.999     | CNY | 199.999",
        "lots        | CNY | lots",
        "-5          | CNY | -5"
      })
  void aBareAmountTakesTheCampaignsCurrencyAndEverythingElseIsLeftToTheScriptCheck(
      String written, String campaignCurrency, String stored) {
    assertThat(ContactImports.inCurrency(written, campaignCurrency)).isEqualTo(stored);
  }
}

package io.contactcenter.outboundrobot.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTextTest {

  private static final String TEXT = "Hi ${customer_name}, ${amount_due} is due by ${deadline}.";

  @Test
  void insertsValuesAsGiven() {
    assertThat(
            PromptText.render(
                TEXT,
                Map.of(
                    "customer_name", "Dana",
                    "amount_due", "one hundred twenty dollars",
                    "deadline", "Friday, March seventh")))
        .contains("Hi Dana, one hundred twenty dollars is due by Friday, March seventh.");
  }

  @Test
  void aMissingBlankOrPlaceholderValueNeverReachesSpeech() {
    Map<String, String> values = new HashMap<>();
    values.put("customer_name", "Dana");
    values.put("deadline", "Friday");
    assertThat(PromptText.render(TEXT, values)).isEmpty();
    values.put("amount_due", "  ");
    assertThat(PromptText.render(TEXT, values)).isEmpty();
    values.put("amount_due", "${amount_due}");
    assertThat(PromptText.render(TEXT, values)).isEmpty();
    values.put("amount_due", null);
    assertThat(PromptText.render(TEXT, values)).isEmpty();
  }

  @Test
  void aValueIsNotScannedForVariablesAgain() {
    assertThat(PromptText.render("Hi ${a} and ${b}", Map.of("a", "$ {b}", "b", "Bo")))
        .contains("Hi $ {b} and Bo");
  }

  @Test
  void findsVariablesAndMalformedPlaceholders() {
    assertThat(PromptText.variables(TEXT))
        .containsExactly("customer_name", "amount_due", "deadline");
    assertThat(PromptText.malformations(TEXT)).isEmpty();
    assertThat(PromptText.malformations("Pay ${amount by ${deadline}"))
        .containsExactly("'${' is not closed with '}'");
    assertThat(PromptText.malformations("Pay ${Amount Due}"))
        .singleElement()
        .asString()
        .contains("'${Amount Due}' is not a variable");
    assertThat(PromptText.malformations("Pay ${amount"))
        .containsExactly("'${' is not closed with '}'");
  }

  @Test
  void aMalformedTextIsNotRendered() {
    assertThat(PromptText.render("Pay ${amount", Map.of("amount", "ten dollars"))).isEmpty();
  }
}

package io.contactcenter.outboundrobot.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.asrtts.PromptTemplate;
import io.contactcenter.outboundrobot.DialogueScript.VariableKind;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleValuesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

  private static final Map<String, VariableKind> DECLARED = declared();

  private static Map<String, VariableKind> declared() {
    Map<String, VariableKind> declared = new LinkedHashMap<>();
    declared.put("merchant", VariableKind.TEXT);
    declared.put("customer_name", VariableKind.TEXT);
    declared.put("amount_due", VariableKind.MONEY);
    declared.put("deadline", VariableKind.DATE);
    declared.put("slot", VariableKind.TIME);
    declared.put("order_number", VariableKind.DIGITS);
    return declared;
  }

  @Test
  void theCampaignsValuesStayAndTheRestGetASampleOfTheirKind() {
    Map<String, String> values =
        SampleValues.filled(DECLARED, Map.of("merchant", "Acme Shop"), TODAY, "USD");

    assertThat(values)
        .containsEntry("merchant", "Acme Shop")
        .containsEntry("customer_name", "customer name")
        .containsEntry("amount_due", "1234.50 USD")
        .containsEntry("deadline", "2026-12-12")
        .containsEntry("slot", "10:00")
        .containsEntry("order_number", "20261130");
  }

  @Test
  void aBlankValueIsMissingAndNoCurrencyMeansYuan() {
    Map<String, String> values =
        SampleValues.filled(DECLARED, Map.of("amount_due", " "), TODAY, null);

    assertThat(values).containsEntry("amount_due", "1234.50 CNY");
  }

  @Test
  void aValueForAnUndeclaredNameIsKeptForTheCheckToRefuse() {
    assertThat(SampleValues.filled(DECLARED, Map.of("nope", "x"), TODAY, null))
        .containsEntry("nope", "x");
  }

  @Test
  void everySampleIsOneTheVoiceCanRead() {
    Map<String, String> values = SampleValues.filled(DECLARED, Map.of(), TODAY, null);

    DECLARED.forEach(
        (name, kind) -> {
          String template = "{" + name + ":" + kind.name().toLowerCase(Locale.ROOT) + "}";
          assertThat(PromptTemplate.of(template).render(Map.of(name, values.get(name)), "en"))
              .as(name)
              .isNotBlank();
          assertThat(PromptTemplate.of(template).render(Map.of(name, values.get(name)), "zh"))
              .as(name)
              .isNotBlank();
        });
  }
}

package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.asrtts.PromptTemplate;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptTemplateTest {

  @Test
  void rendersAnOrderReminder() {
    PromptTemplate template =
        PromptTemplate.of(
            "Hello {name}, your order {order:digits} of {amount:money} arrives on {date:date}"
                + " at {time:time}.");

    String text =
        template.render(
            Map.of(
                "name", "Li Wei",
                "order", "A20261130",
                "amount", "¥1,299.50",
                "date", "2026-11-30",
                "time", "18:30"));

    assertThat(text)
        .isEqualTo(
            "Hello Li Wei, your order A, two, zero, two, six, one, one, three, zero of one"
                + " thousand two hundred ninety nine yuan fifty arrives on Monday, November"
                + " thirtieth at six thirty p m.");
    assertThat(template.variables())
        .containsExactlyInAnyOrder("name", "order", "amount", "date", "time");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "¥1,299.50 | one thousand two hundred ninety nine yuan fifty",
        "CNY 1299.5 | one thousand two hundred ninety nine yuan fifty",
        "RMB 88 | eighty eight yuan",
        "12.5 CNY | twelve yuan fifty",
        "￥0.05 | zero yuan five",
        "$12.50 | twelve dollars and fifty cents",
        "USD 1.01 | one dollar and one cent",
        "$0.99 | ninety nine cents",
        "€3 | three euros",
        "EUR 2000000.00 | two million euros",
        "$1,000,015 | one million fifteen dollars",
      })
  void speaksMoney(String amount, String spoken) {
    assertThat(PromptTemplate.of("{a:money}").render(Map.of("a", amount))).isEqualTo(spoken);
  }

  @ParameterizedTest
  @CsvSource({
    "18:30, six thirty p m",
    "18:00, six p m",
    "09:05, nine oh five a m",
    "12:00, twelve noon",
    "00:00, twelve midnight",
    "00:15, twelve fifteen a m",
    "12:45, twelve forty five p m",
    "23:59, eleven fifty nine p m",
  })
  void speaksTimes(String time, String spoken) {
    assertThat(PromptTemplate.of("{t:time}").render(Map.of("t", time))).isEqualTo(spoken);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-30, 'Monday, November thirtieth'",
    "2026-01-01, 'Thursday, January first'",
    "2026-02-22, 'Sunday, February twenty second'",
    "2026-03-31, 'Tuesday, March thirty first'",
    "2026-06-12, 'Friday, June twelfth'",
  })
  void speaksDates(String date, String spoken) {
    assertThat(PromptTemplate.of("{d:date}").render(Map.of("d", date))).isEqualTo(spoken);
  }

  @Test
  void speaksJavaTimeValuesInPlainPlaceholders() {
    assertThat(
            PromptTemplate.of("{d}, {t}")
                .render(Map.of("d", LocalDate.of(2026, 11, 30), "t", LocalTime.of(18, 30))))
        .isEqualTo("Monday, November thirtieth, six thirty p m");
  }

  @Test
  void readsOrderNumbersOneCharacterAtATime() {
    assertThat(PromptTemplate.of("{o:digits}").render(Map.of("o", "sf-1024")))
        .isEqualTo("S, F, one, zero, two, four");
  }

  @Test
  void namesTheUnknownVariable() {
    PromptTemplate template = PromptTemplate.of("Hello {name}");
    assertThatThrownBy(() -> template.render(Map.of("name", "Ann", "nmae", "Ann")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown variable 'nmae'");
  }

  @Test
  void namesTheMissingVariable() {
    PromptTemplate template = PromptTemplate.of("Hello {name}, order {order:digits}");
    assertThatThrownBy(() -> template.render(Map.of("name", "Ann")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'order'");
  }

  @Test
  void namesTheVariableWithAnUnreadableValue() {
    assertThatThrownBy(() -> PromptTemplate.of("{a:money}").render(Map.of("a", "1299")))
        .hasMessageContaining("variable 'a'")
        .hasMessageContaining("no currency");
    assertThatThrownBy(() -> PromptTemplate.of("{d:date}").render(Map.of("d", "30/11/2026")))
        .hasMessageContaining("variable 'd'");
    assertThatThrownBy(() -> PromptTemplate.of("{t:time}").render(Map.of("t", "25:00")))
        .hasMessageContaining("variable 't'");
  }

  @Test
  void rejectsMalformedTemplates() {
    assertThatThrownBy(() -> PromptTemplate.of("Hello {name"))
        .hasMessageContaining("malformed placeholder");
    assertThatThrownBy(() -> PromptTemplate.of("Pay {a:currency}"))
        .hasMessageContaining("unknown kind 'currency'");
    assertThatThrownBy(() -> PromptTemplate.of(" ")).hasMessageContaining("empty");
  }
}

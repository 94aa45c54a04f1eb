package io.contactcenter.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

  @Test
  void acceptsE164AndStripsVisualSeparators() {
    PhoneNumber number = PhoneNumber.parse(" +86 138-0013.8000 ");

    assertThat(number.e164()).isEqualTo("+8613800138000");
    assertThat(number.digits()).isEqualTo("8613800138000");
    assertThat(number).isEqualTo(PhoneNumber.parse("+8613800138000"));
  }

  @Test
  void toStringMasksTheMiddleDigits() {
    assertThat(PhoneNumber.parse("+8613800138000").toString())
        .isEqualTo("+861********00")
        .doesNotContain("3800138");
  }

  @Test
  void maskDigitsInMasksNumbersInRawSwitchFieldsLikeMaskedDoes() {
    assertThat(PhoneNumber.maskDigitsIn("+8613800138000"))
        .isEqualTo(PhoneNumber.parse("+8613800138000").masked());
    assertThat(PhoneNumber.maskDigitsIn("8613800138000")).isEqualTo("861********00");
    assertThat(PhoneNumber.maskDigitsIn("Local/+8613800138000@robot-0000001a;1"))
        .isEqualTo("Local/+861********00@robot-0000001a;1");
    assertThat(PhoneNumber.maskDigitsIn("\"Li Lei\" <13800138000>"))
        .isEqualTo("\"Li Lei\" <138******00>");
  }

  @Test
  void maskDigitsInLeavesExtensionsAndNullAlone() {
    assertThat(PhoneNumber.maskDigitsIn("4000")).isEqualTo("4000");
    assertThat(PhoneNumber.maskDigitsIn("PJSIP/customer-000001"))
        .isEqualTo("PJSIP/customer-000001");
    assertThat(PhoneNumber.maskDigitsIn("")).isEmpty();
    assertThat(PhoneNumber.maskDigitsIn(null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8613800138000",
        "+0613800138000",
        "+86",
        "+861380013800012345",
        "+86138001380x0",
        "+8613800138000&Hangup",
        "+86138001380,00",
        "+8613800138000/SIP",
        "+86\n13800138000"
      })
  void rejectsAnythingButE164DigitsWithAMessageNamingTheInput(String input) {
    assertThatThrownBy(() -> PhoneNumber.parse(input))
        .isInstanceOf(InvalidPhoneNumberException.class)
        .hasMessageContaining("phone number")
        .hasMessageNotContaining("\n");
  }

  @Test
  void rejectsEmptyInput() {
    assertThatThrownBy(() -> PhoneNumber.parse("  "))
        .isInstanceOf(InvalidPhoneNumberException.class)
        .hasMessage("phone number is empty");
  }
}

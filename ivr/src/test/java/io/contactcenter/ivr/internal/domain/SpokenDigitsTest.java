package io.contactcenter.ivr.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpokenDigitsTest {

  @Test
  void digitByDigitWithOhForZero() {
    assertThat(SpokenDigits.parse("four oh seven zero nine")).isEqualTo("40709");
  }

  @Test
  void doubleAndTripleRepeatTheNextDigit() {
    assertThat(SpokenDigits.parse("one double three four")).isEqualTo("1334");
    assertThat(SpokenDigits.parse("triple oh seven")).isEqualTo("0007");
    assertThat(SpokenDigits.parse("double five double six")).isEqualTo("5566");
  }

  @Test
  void aRepeatWordWithoutADigitAfterItIsNotANumber() {
    assertThat(SpokenDigits.parse("one two double")).isEmpty();
    assertThat(SpokenDigits.parse("double triple four")).isEmpty();
    assertThat(SpokenDigits.parse("double [unk] four")).isEmpty();
  }

  @Test
  void chineseDigitsWithYaoAndLiang() {
    assertThat(SpokenDigits.parse("幺 三 八 两 零")).isEqualTo("13820");
    assertThat(SpokenDigits.parse("幺三八两〇")).isEqualTo("13820");
  }

  @Test
  void anythingButDigitWordsIsNotANumber() {
    assertThat(SpokenDigits.parse("four [unk] one one")).isEmpty();
    assertThat(SpokenDigits.parse("four seven one one [unk]")).isEmpty();
    assertThat(SpokenDigits.parse("four seven please")).isEmpty();
  }

  @Test
  void theEnglishGrammarHoldsTheRepeatWordsAndTheChineseOneDoesNot() {
    assertThat(SpokenDigits.grammar("en")).contains("oh", "zero", "nine", "double", "triple");
    assertThat(SpokenDigits.grammar("zh")).contains("幺", "两", "零").doesNotContain("double", "one");
  }
}

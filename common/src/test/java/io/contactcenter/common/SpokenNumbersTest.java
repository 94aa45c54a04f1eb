package io.contactcenter.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpokenNumbersTest {

  @Test
  void masksAChineseMobileNumberTypedInAChineseMessageKeepingTheLastFour() {
    assertThat(SpokenNumbers.mask("我的电话是13800138000，谢谢")).isEqualTo("我的电话是*******8000，谢谢");
  }

  @Test
  void masksInternationalNumbersAndGroupedDigits() {
    assertThat(SpokenNumbers.mask("call +8613800138000")).isEqualTo("call +*********8000");
    assertThat(SpokenNumbers.mask("my number is 138 0013 8000"))
        .isEqualTo("my number is *** **** 8000");
    assertThat(SpokenNumbers.mask("+1-415-555-2671")).isEqualTo("+*-***-***-2671");
  }

  @Test
  void masksIdCardAndBankCardLikeDigits() {
    assertThat(SpokenNumbers.mask("身份证 11010519491231002X")).isEqualTo("身份证 *************1002X");
    assertThat(SpokenNumbers.mask("card 6222 0212 3456 7890"))
        .isEqualTo("card **** **** **** 7890");
  }

  @Test
  void masksEnglishDigitWordsSpreadOverRecognizedWords() {
    List<String> words =
        List.of(
            "my", "number", "is", "one", "three", "eight", "zero", "zero", "one", "three", "eight",
            "zero", "zero", "zero", "thanks");
    assertThat(SpokenNumbers.maskWords(words))
        .containsExactly(
            "my", "number", "is", "*", "*", "*", "*", "*", "*", "*", "eight", "zero", "zero",
            "zero", "thanks");
  }

  @Test
  void masksChineseDigitsFromTheRecognizerWhetherDigitsOrCharacters() {
    assertThat(SpokenNumbers.maskWords(List.of("电话", "138", "0013", "8000", "好的")))
        .containsExactly("电话", "***", "****", "8000", "好的");
    assertThat(SpokenNumbers.maskWords(List.of("幺", "三", "八", "零", "零", "幺", "三", "八")))
        .containsExactly("*", "*", "*", "*", "零", "幺", "三", "八");
  }

  @Test
  void leavesShortNumbersAndOrdinaryWordsAlone() {
    assertThat(SpokenNumbers.mask("extension 4000, 2 items at 199 yuan"))
        .isEqualTo("extension 4000, 2 items at 199 yuan");
    assertThat(SpokenNumbers.maskWords(List.of("one", "moment", "two", "three", "four")))
        .containsExactly("one", "moment", "two", "three", "four");
    assertThat(SpokenNumbers.mask("一下就好")).isEqualTo("一下就好");
    assertThat(SpokenNumbers.mask(null)).isNull();
    assertThat(SpokenNumbers.maskWords(Arrays.asList("a", null, "b")))
        .containsExactly("a", null, "b");
  }
}

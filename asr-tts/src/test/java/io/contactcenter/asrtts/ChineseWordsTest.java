package io.contactcenter.asrtts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseWordsTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "0, 零",
    "7, 七",
    "10, 十",
    "12, 十二",
    "20, 二十",
    "101, 一百零一",
    "110, 一百一十",
    "1005, 一千零五",
    "1050, 一千零五十",
    "1299, 一千二百九十九",
    "10000, 一万",
    "10005, 一万零五",
    "100010000, 一亿零一万",
    "120000, 十二万",
    "20030400, 二千零三万零四百"
  })
  void wholeNumbersAsTheyAreSaid(long n, String said) {
    assertThat(ChineseWords.number(n)).isEqualTo(said);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{a:money}|1299.50 CNY|一千二百九十九元五角",
        "{a:money}|¥12.05|十二元零五分",
        "{a:money}|12.35 CNY|十二元三角五分",
        "{a:money}|88 CNY|八十八元",
        "{a:money}|$12.50|十二美元五十美分",
        "{a:money}|3 EUR|三欧元",
        "{a:date}|2026-11-30|十一月三十日，星期一",
        "{a:time}|18:30|晚上六点三十分",
        "{a:time}|09:05|上午九点零五分",
        "{a:time}|14:00|下午两点整",
        "{a:time}|12:00|中午十二点整",
        "{a:digits}|A2026113|A，二，零，二，六，幺，幺，三",
        "您的订单{a:digits}|77|您的订单七，七"
      })
  void valuesInAChinesePromptAreSaidInChinese(String template, String value, String said) {
    assertThat(PromptTemplate.of(template).render(Map.of("a", value), "zh")).isEqualTo(said);
  }

  @Test
  void englishStaysEnglishAndBadValuesAreNamedInEitherLanguage() {
    assertThat(PromptTemplate.of("{a:money}").render(Map.of("a", "12.50 CNY"), "en"))
        .isEqualTo("twelve yuan fifty");
    assertThatThrownBy(() -> PromptTemplate.of("{a:money}").render(Map.of("a", "12.50"), "zh"))
        .hasMessageContaining("variable 'a'")
        .hasMessageContaining("no currency");
  }
}

package io.contactcenter.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.common.SpokenYesNo.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpokenYesNoTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yes",
        "yeah",
        "yep",
        "correct",
        "that's right",
        "That’s right",
        "yes it is",
        "yes [unk]",
        "[unk] yeah [unk]",
        "uh yes please",
        "yes yes",
        "是",
        "是的",
        "对的",
        "没错",
        "正确",
        "嗯",
        "对 的",
        "[unk] 对"
      })
  void aYesInTheCallersWordsIsAYes(String said) {
    assertThat(SpokenYesNo.parse(said)).isEqualTo(Answer.YES);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no",
        "nope",
        "wrong",
        "that's wrong",
        "not right",
        "that's not right",
        "it is not",
        "no it's not",
        "no [unk]",
        "不是",
        "不对",
        "错了",
        "不正确",
        "不 是"
      })
  void aNoInTheCallersWordsIsANo(String said) {
    assertThat(SpokenYesNo.parse(said)).isEqualTo(Answer.NO);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "yes no|a yes and a no",
        "no that's right|a no and a yes",
        "是不是|是 and 不是",
        "[unk]|nothing understood",
        "''|nothing said",
        "okay|not in the grammar: to a read-back it may mean 'go on'"
      })
  void bothOrNeitherIsUnclear(String said, String why) {
    assertThat(SpokenYesNo.parse(said)).as(why).isEqualTo(Answer.UNCLEAR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh"})
  void everyPhraseOfTheGrammarIsReadAsAYesOrANo(String language) {
    assertThat(SpokenYesNo.grammar(language))
        .isNotEmpty()
        .allSatisfy(phrase -> assertThat(SpokenYesNo.parse(phrase)).isNotEqualTo(Answer.UNCLEAR));
  }

  @Test
  void englishIsTheGrammarOfAnyLanguageButChinese() {
    assertThat(SpokenYesNo.grammar("en")).contains("yes", "no", "that's right").doesNotContain("是");
    assertThat(SpokenYesNo.grammar("zh")).contains("是", "不对").doesNotContain("yes");
    assertThat(SpokenYesNo.grammar(null)).isEqualTo(SpokenYesNo.grammar("en"));
  }
}

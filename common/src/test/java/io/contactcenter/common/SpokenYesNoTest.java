package io.contactcenter.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.contactcenter.common.SpokenYesNo.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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

  /** The IVR's default {@code cc.ivr.hotline.read-back-min-yes-share}. */
  private static final double MIN_YES_SHARE = 0.95;

  @Test
  void aYesAllOfWhoseAlternativesAreAYesIsAYes() {
    assertThat(
            SpokenYesNo.parse(
                "yep", alternatives("yep", 0.40, "yeah", 0.35, "yup", 0.25), MIN_YES_SHARE))
        .isEqualTo(Answer.YES);
  }

  @Test
  void aYesWhoseAlternativesHoldANoIsUnclear() {
    // "that's not right" on a noisy line, as the tune part heard it: the best is "right" (word
    // confidence 1.0), the second "not right".
    assertThat(
            SpokenYesNo.parse(
                "right", alternatives("right", 0.63, "not right", 0.37), MIN_YES_SHARE))
        .isEqualTo(Answer.UNCLEAR);
  }

  @Test
  void aYesWhoseAlternativesHoldNothingUnderstoodIsUnclearBelowTheShare() {
    // "no it's not" heard as "yeah", the others "not" (no phrase at all) and "yup".
    Map<String, Double> heard = alternatives("yeah", 0.55, "not", 0.10, "yup", 0.35);
    assertThat(SpokenYesNo.share(Answer.YES, heard)).isEqualTo(0.90, within(1e-9));
    assertThat(SpokenYesNo.parse("yeah", heard, MIN_YES_SHARE)).isEqualTo(Answer.UNCLEAR);
    assertThat(SpokenYesNo.parse("yeah", heard, 0.90))
        .as("the share is a minimum")
        .isEqualTo(Answer.YES);
  }

  @Test
  void aNoIsANoHoweverUnsure() {
    assertThat(SpokenYesNo.parse("no", alternatives("no", 0.30, "yes", 0.70), MIN_YES_SHARE))
        .isEqualTo(Answer.NO);
  }

  @Test
  void anUnclearBestStaysUnclearWhateverTheAlternatives() {
    assertThat(SpokenYesNo.parse("", alternatives("", 0.2, "yes", 0.8), 0))
        .isEqualTo(Answer.UNCLEAR);
  }

  @Test
  void aShareOfZeroTakesEveryYesAsHeard() {
    assertThat(SpokenYesNo.parse("right", alternatives("right", 0.5, "not right", 0.5), 0))
        .isEqualTo(Answer.YES);
  }

  @Test
  void aTranscriptWithoutAlternativesCountsAsTheWholeWeight() {
    assertThat(SpokenYesNo.parse("yes", Map.of("yes", 1.0), MIN_YES_SHARE)).isEqualTo(Answer.YES);
  }

  @Test
  void aShareOutsideZeroToOneIsRejected() {
    assertThatThrownBy(() -> SpokenYesNo.parse("yes", Map.of("yes", 1.0), 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minYesShare must be between 0 and 1, was 1.5");
  }

  /** The IVR's default {@code cc.ivr.hotline.read-back-unsure-alone}. */
  private static final Set<String> UNSURE_ALONE = Set.of("right");

  @Test
  void aLoneRightIsUnclearEvenWhenEveryAlternativeIsIt() {
    // "that's not right" heard as "right" with all five alternatives collapsed into that one
    // transcript (the tune part's espeak-ng en-us-nyc, run 8): its yes share is 1.
    assertThat(SpokenYesNo.parse("right", Map.of("right", 1.0), MIN_YES_SHARE, UNSURE_ALONE))
        .isEqualTo(Answer.UNCLEAR);
    assertThat(SpokenYesNo.parse("[unk] Right", Map.of("right", 1.0), MIN_YES_SHARE, UNSURE_ALONE))
        .isEqualTo(Answer.UNCLEAR);
    assertThat(SpokenYesNo.parse("right", Map.of("right", 1.0), MIN_YES_SHARE))
        .as("without the rule the share alone lets it through")
        .isEqualTo(Answer.YES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"that's right", "yes right", "yes", "yeah"})
  void aYesThatHoldsMoreThanTheLoneWordStillCounts(String heard) {
    assertThat(SpokenYesNo.parse(heard, Map.of(heard, 1.0), MIN_YES_SHARE, UNSURE_ALONE))
        .isEqualTo(Answer.YES);
  }

  @Test
  void aLoneWordThatIsNoYesIsNotTouched() {
    assertThat(SpokenYesNo.parse("not right", Map.of("not right", 1.0), 0.95, UNSURE_ALONE))
        .isEqualTo(Answer.NO);
    assertThat(SpokenYesNo.parse("", Map.of("", 1.0), 0.95, Set.of(""))).isEqualTo(Answer.UNCLEAR);
  }

  private static Map<String, Double> alternatives(Object... textAndShare) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < textAndShare.length; i += 2) {
      out.put((String) textAndShare[i], (Double) textAndShare[i + 1]);
    }
    return out;
  }
}

package io.contactcenter.onlinechat.internal;

import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.BOT;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.CACHED;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.MIXED_HELDOUT;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.MIXED_TUNE;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.defaultMeaning;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.indexes;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.report;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.score;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.wrongAnswers;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.zh;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.Question;
import io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.Score;
import io.contactcenter.onlinechat.internal.domain.FaqIndex;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Code-mixed and traditional-character Chinese questions ({@value
 * FaqBotAccuracyTest#MIXED_HELDOUT_FILE}, issue 13, ADR 0048 fourth addendum), with the helpers and
 * models of {@link FaqBotAccuracyTest}.
 */
class ChineseCodeMixedTest {

  /**
   * Before traditional folding and English shop words (measured once, 2026-12-07): 40 of 60 right,
   * 20 handed over, 13 of 15 out of scope handed over, 2 wrong answers. After (measured once on
   * this set, tuned on {@value FaqBotAccuracyTest#MIXED_TUNE_FILE} only): 57 right, 2 handed over,
   * 13 of 15, 2 wrong; with multi-word English variants (fifth addendum) 58, 1, 13 of 15, 2. Those
   * figures must hold within 2 questions; wrong answers may not rise.
   */
  @Test
  void codeMixedAndTraditionalQuestionsAreAnswered() throws IOException {
    Map<ChatLanguage, FaqIndex> adopted = indexes(BOT, CACHED, defaultMeaning());
    report("words+meaning, lexicon (default)", adopted, MIXED_TUNE);
    report("words+meaning, lexicon (default)", adopted, MIXED_HELDOUT);
    List<Question> mixed = zh(MIXED_HELDOUT);
    Score s = score(adopted, mixed, null);
    assertThat(s.inScope()).isEqualTo(60);
    assertThat(s.outOfScope()).isEqualTo(15);
    assertThat(s.answeredRight()).as("zh mixed answered right").isGreaterThanOrEqualTo(58 - 2);
    assertThat(s.inScopeHandedOver())
        .as("zh mixed in-scope handed over")
        .isLessThanOrEqualTo(1 + 2);
    assertThat(s.oosHandedOver())
        .as("zh mixed out of scope handed over")
        .isGreaterThanOrEqualTo(13 - 2);
    assertThat(wrongAnswers(adopted, mixed, null))
        .as("zh mixed wrong answers")
        .isLessThanOrEqualTo(2);
  }
}

package io.contactcenter.onlinechat.internal;

import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.BOT;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.CACHED;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.HELDOUT2;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.NO_LEXICON;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.ZH_LEXICON_GRID_BEST;
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
import io.contactcenter.onlinechat.internal.domain.MeaningWeight;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The zh synonym lexicon on the first two Chinese held-out sets ({@code questions.csv} split {@code
 * heldout} and {@value FaqBotAccuracyTest#HELDOUT2_FILE}), with the helpers and models of {@link
 * FaqBotAccuracyTest} (ADR 0048 addendum).
 */
class ChineseSecondHeldOutSetTest {

  /**
   * Issue 13: fewer Chinese handovers without more wrong answers. The zh synonym lexicon (ADR 0048
   * addendum) was written from general shop vocabulary and the tune rows' misses, after the second
   * held-out set ({@value FaqBotAccuracyTest#HELDOUT2_FILE}) was committed; neither held-out set
   * was used to write it. The figures committed in docs/benchmarks.md must hold within a small
   * margin (2 questions), and the lexicon must not answer more held-out questions wrongly than the
   * bot without it.
   */
  @Test
  void theSynonymLexiconHandsOverFewerChineseQuestionsWithoutMoreWrongAnswers() throws IOException {
    Map<ChatLanguage, MeaningWeight> meaning = defaultMeaning();
    Map<ChatLanguage, FaqIndex> without = indexes(NO_LEXICON, CACHED, meaning);
    Map<ChatLanguage, FaqIndex> with = indexes(BOT, CACHED, meaning);
    // The weights the tune rows chose with the lexicon (zh 0.6 / floor 0.5), measured, not adopted:
    // one more wrong answer on the first held-out split.
    Map<ChatLanguage, MeaningWeight> retuned = new EnumMap<>(meaning);
    retuned.put(ChatLanguage.ZH, ZH_LEXICON_GRID_BEST);
    Map<ChatLanguage, FaqIndex> reweighted = indexes(BOT, CACHED, retuned);
    for (String split : new String[] {"heldout", HELDOUT2}) {
      report("words+meaning, no lexicon", without, split);
      report("words+meaning, lexicon, zh weight 0.6 floor 0.5 (not adopted)", reweighted, split);
      Score before = report("words+meaning, no lexicon", without, split).get(ChatLanguage.ZH);
      Score after = report("words+meaning, lexicon", with, split).get(ChatLanguage.ZH);
      List<Question> rows = zh(split);
      int wrongBefore = wrongAnswers(without, rows, null);
      int wrongAfter = wrongAnswers(with, rows, null);
      assertThat(wrongAfter)
          .as("zh %s wrong answers with the lexicon", split)
          .isLessThanOrEqualTo(wrongBefore);
      assertThat(after.inScopeHandedOver())
          .as("zh %s in-scope handed over with the lexicon", split)
          .isLessThan(before.inScopeHandedOver());
      assertThat(after.answeredRight())
          .as("zh %s answered right with the lexicon", split)
          .isGreaterThan(before.answeredRight());
      assertThat(after.oosHandedOver())
          .as("zh %s out of scope handed over with the lexicon", split)
          .isGreaterThanOrEqualTo(before.oosHandedOver());
    }
    // The committed figures (docs/benchmarks.md, 2026-12-07 fifth addendum), 2 questions of margin,
    // no wrong answer more.
    List<Question> second = zh(HELDOUT2);
    Score s = score(with, second, null);
    assertThat(s.inScope()).isEqualTo(160);
    assertThat(s.outOfScope()).isEqualTo(30);
    assertThat(s.answeredRight()).as("zh heldout2 answered right").isGreaterThanOrEqualTo(131 - 2);
    assertThat(s.inScopeHandedOver())
        .as("zh heldout2 in-scope handed over")
        .isLessThanOrEqualTo(27 + 2);
    assertThat(s.oosHandedOver())
        .as("zh heldout2 out of scope handed over")
        .isGreaterThanOrEqualTo(30 - 2);
    assertThat(wrongAnswers(with, second, null))
        .as("zh heldout2 wrong answers")
        .isLessThanOrEqualTo(1);
  }
}

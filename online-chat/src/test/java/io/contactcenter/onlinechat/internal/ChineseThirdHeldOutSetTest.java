package io.contactcenter.onlinechat.internal;

import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.BOT;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.CACHED;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.HELDOUT2;
import static io.contactcenter.onlinechat.internal.FaqBotAccuracyTest.HELDOUT3;
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
 * The third Chinese held-out set ({@value FaqBotAccuracyTest#HELDOUT3_FILE}), with the helpers and
 * models of {@link FaqBotAccuracyTest} (ADR 0048 second addendum).
 */
class ChineseThirdHeldOutSetTest {

  /**
   * The third Chinese held-out set ({@value FaqBotAccuracyTest#HELDOUT3_FILE}, shopper-chat style)
   * decided the zh meaning weight once, by a rule written before it was scored (ADR 0048 second
   * addendum): 0.6 / floor 0.5 handed over fewer questions (36 → 20 of 160) but answered 3 more
   * wrongly (2 → 5), so the default stays 0.8 / 0.6. The committed default figures must hold within
   * 2 questions; all three held-out sets are printed with and without the candidate for
   * docs/benchmarks.md.
   */
  @Test
  void theThirdHeldOutSetKeptTheChineseMeaningWeight() throws IOException {
    Map<ChatLanguage, MeaningWeight> meaning = defaultMeaning();
    Map<ChatLanguage, MeaningWeight> retuned = new EnumMap<>(meaning);
    retuned.put(ChatLanguage.ZH, ZH_LEXICON_GRID_BEST);
    Map<ChatLanguage, FaqIndex> adopted = indexes(BOT, CACHED, meaning);
    for (String split : new String[] {"heldout", HELDOUT2, HELDOUT3}) {
      report("words only, no lexicon", indexes(NO_LEXICON), split);
      report("words+meaning, no lexicon", indexes(NO_LEXICON, CACHED, meaning), split);
      report("words+meaning, lexicon (default)", adopted, split);
      report(
          "words+meaning, lexicon, zh weight 0.6 floor 0.5 (not adopted)",
          indexes(BOT, CACHED, retuned),
          split);
    }
    // The committed figures (docs/benchmarks.md, 2026-12-07 fifth addendum: with folding and
    // English
    // shop words since the fourth), 2 questions of margin, no wrong answer more.
    List<Question> third = zh(HELDOUT3);
    Score s = score(adopted, third, null);
    assertThat(s.inScope()).isEqualTo(160);
    assertThat(s.outOfScope()).isEqualTo(30);
    assertThat(s.answeredRight()).as("zh heldout3 answered right").isGreaterThanOrEqualTo(139 - 2);
    assertThat(s.inScopeHandedOver())
        .as("zh heldout3 in-scope handed over")
        .isLessThanOrEqualTo(19 + 2);
    assertThat(s.oosHandedOver())
        .as("zh heldout3 out of scope handed over")
        .isGreaterThanOrEqualTo(29 - 2);
    assertThat(wrongAnswers(adopted, third, null))
        .as("zh heldout3 wrong answers")
        .isLessThanOrEqualTo(2);
  }
}

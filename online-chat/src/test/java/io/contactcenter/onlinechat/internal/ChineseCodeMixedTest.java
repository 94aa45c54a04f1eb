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

  /** Prints the bot as production builds it on the mixed tune and held-out sets. */
  @Test
  void codeMixedQuestionsAreScored() throws IOException {
    Map<ChatLanguage, FaqIndex> adopted = indexes(BOT, CACHED, defaultMeaning());
    report("words+meaning, lexicon (default)", adopted, MIXED_TUNE);
    report("words+meaning, lexicon (default)", adopted, MIXED_HELDOUT);
    List<Question> mixed = zh(MIXED_HELDOUT);
    Score s = score(adopted, mixed, null);
    assertThat(s.inScope()).isEqualTo(60);
    assertThat(s.outOfScope()).isEqualTo(15);
    System.out.printf(
        "zh mixed held-out: right %d, in-scope handed over %d, wrong %d, oos handed over %d%n",
        s.answeredRight(),
        s.inScopeHandedOver(),
        wrongAnswers(adopted, mixed, null),
        s.oosHandedOver());
  }
}

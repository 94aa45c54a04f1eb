package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.onlinechat.internal.domain.FaqSuggester;
import io.contactcenter.onlinechat.internal.domain.FaqSuggester.AnsweredQuestion;
import io.contactcenter.onlinechat.internal.domain.QuestionClusterer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FAQ suggestions from answered chat questions, with the real tokenizer, in both languages. */
class FaqSuggesterTest {

  private final FaqSuggester suggester =
      new FaqSuggester(new QuestionClusterer(new JiebaTokenizer(), FaqSuggestions.THRESHOLD, 2, 1));

  private static final String GREETING = "Hi, this is Ann from the shop.";
  private static final String WRAP = "Yes, gift wrapping is free: tick the box at checkout.";
  private static final String INVOICE = "You can download the invoice under My orders.";

  @Test
  void groupsParaphrasesAndProposesTheAnswerThatBelongsToTheQuestionNotTheGreeting() {
    List<FaqSuggester.Suggestion> s =
        suggester.suggest(
            List.of(
                new AnsweredQuestion("c1", "Can I get my gift wrapped?", List.of(GREETING, WRAP)),
                new AnsweredQuestion("c2", "do you offer gift wrapping", List.of(GREETING, WRAP)),
                new AnsweredQuestion(
                    "c3",
                    "Is gift wrapping available for presents?",
                    List.of(GREETING, "sure", WRAP)),
                new AnsweredQuestion("c4", "how do I get an invoice", List.of(GREETING, INVOICE)),
                new AnsweredQuestion("c5", "how can I get my invoice?", List.of(GREETING, INVOICE)),
                new AnsweredQuestion("c6", "not answered by anyone", List.of())));

    assertThat(s).hasSize(2);
    FaqSuggester.Suggestion wrap = s.get(0);
    assertThat(wrap.size()).isEqualTo(3);
    assertThat(wrap.conversations()).isEqualTo(3);
    assertThat(wrap.questions())
        .containsExactlyInAnyOrder(
            "Can I get my gift wrapped?",
            "do you offer gift wrapping",
            "Is gift wrapping available for presents?")
        .first()
        .isEqualTo(wrap.title());
    // The greeting is said in every chat; the wrapping answer only in these.
    assertThat(wrap.answer()).isEqualTo(WRAP);
    assertThat(wrap.answerVotes()).isEqualTo(3);
    assertThat(s.get(1).answer()).isEqualTo(INVOICE);
    assertThat(s.get(1).questions()).contains("how do I get an invoice");
  }

  @Test
  void aSmallHistoryThatIsAllOneQuestionStillGroups() {
    // Every question shares "gift" and "wrap": with plain IDF those words would weigh nothing.
    List<FaqSuggester.Suggestion> s =
        suggester.suggest(
            List.of(
                new AnsweredQuestion("c1", "Can I get my gift wrapped?", List.of(WRAP)),
                new AnsweredQuestion("c2", "do you offer gift wrapping", List.of(WRAP)),
                new AnsweredQuestion(
                    "c3", "Is gift wrapping available for presents?", List.of(WRAP))));
    assertThat(s).hasSize(1);
    assertThat(s.get(0).size()).isEqualTo(3);
  }

  @Test
  void chineseQuestionsAreGroupedToo() {
    String answer = "可以开具电子发票，请在订单详情页点击申请发票。";
    List<FaqSuggester.Suggestion> s =
        suggester.suggest(
            List.of(
                new AnsweredQuestion("z1", "怎么开发票？", List.of("您好", answer)),
                new AnsweredQuestion("z2", "可以开发票吗", List.of(answer)),
                new AnsweredQuestion("z3", "怎么开电子发票", List.of(answer)),
                new AnsweredQuestion("z4", "能不能改收货地址", List.of("可以，请提供新地址。"))));
    assertThat(s).hasSize(1);
    assertThat(s.get(0).questions()).contains("怎么开发票？", "可以开发票吗");
    assertThat(s.get(0).questions()).doesNotContain("能不能改收货地址");
    assertThat(s.get(0).answer()).isEqualTo(answer);
  }

  @Test
  void wordingsThatDifferOnlyInCaseOrPunctuationAreOne() {
    List<FaqSuggester.Suggestion> s =
        suggester.suggest(
            List.of(
                new AnsweredQuestion("c1", "Do you ship to Canada?", List.of("Yes, in 7 days.")),
                new AnsweredQuestion("c2", "do you ship to canada", List.of("Yes, in 7 days.")),
                new AnsweredQuestion("c3", "Do you ship to Canada", List.of("Yes, in 7 days."))));
    assertThat(s).hasSize(1);
    assertThat(s.get(0).size()).isEqualTo(3);
    assertThat(s.get(0).questions()).hasSize(1);
  }
}

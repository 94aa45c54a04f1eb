package io.contactcenter.onlinechat.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BotPolicyTest {

  private final BotPolicy policy = BotPolicy.tuned();

  private static FaqMatch match(String id, double score) {
    return new FaqMatch(new FaqEntry(id, "en", "answer " + id, List.of("q " + id)), score);
  }

  @Test
  void aClearBestMatchIsAnswered() {
    BotDecision d = policy.decide("refund", List.of(match("refund", 0.8), match("return", 0.3)), 0);
    assertThat(d).isInstanceOf(BotDecision.Answer.class);
    assertThat(((BotDecision.Answer) d).best().faq().faqId()).isEqualTo("refund");
  }

  @Test
  void twoCloseMatchesAreOfferedAsChoices() {
    BotDecision d =
        policy.decide(
            "x", List.of(match("refund", 0.5), match("return", 0.48), match("z", 0.1)), 0);
    assertThat(d).isInstanceOf(BotDecision.Clarify.class);
    assertThat(((BotDecision.Clarify) d).options())
        .extracting(m -> m.faq().faqId())
        .containsExactly("refund", "return");
  }

  @Test
  void nothingMatchingAsksToRephraseFirstThenHandsOver() {
    assertThat(policy.decide("blah", List.of(match("a", 0.1)), 0))
        .isInstanceOf(BotDecision.Rephrase.class);
    BotDecision second = policy.decide("blah", List.of(match("a", 0.1)), 1);
    assertThat(second).isInstanceOf(BotDecision.Handoff.class);
    assertThat(((BotDecision.Handoff) second).reason())
        .isEqualTo(BotDecision.HandoffReason.OUT_OF_SCOPE);
    assertThat(((BotDecision.Handoff) policy.decide("blah", List.of(), 2)).reason())
        .isEqualTo(BotDecision.HandoffReason.FAILED_TWICE);
  }

  @Test
  void askingForAHumanOrSoundingAngryHandsOverWhateverMatches() {
    List<FaqMatch> strong = List.of(match("refund", 0.9));
    assertThat(policy.decide("I want to talk to a human about my refund", strong, 0))
        .isEqualTo(new BotDecision.Handoff(BotDecision.HandoffReason.ASKED_FOR_HUMAN, strong));
    assertThat(policy.decide("退款的事情，转人工", strong, 0))
        .isEqualTo(new BotDecision.Handoff(BotDecision.HandoffReason.ASKED_FOR_HUMAN, strong));
    assertThat(policy.decide("this refund process is ridiculous", strong, 0))
        .isEqualTo(new BotDecision.Handoff(BotDecision.HandoffReason.ANGRY, strong));
    assertThat(policy.decide("我要投诉", strong, 0))
        .isEqualTo(new BotDecision.Handoff(BotDecision.HandoffReason.ANGRY, strong));
  }

  @Test
  void anOrderNumberWithAnOrderWordIsAnOrderQuestion() {
    assertThat(policy.decide("where is my order 12345?", List.of(), 0))
        .isEqualTo(new BotDecision.OrderQuestion("12345"));
    assertThat(policy.decide("Where's order #A2026113", List.of(), 0))
        .isEqualTo(new BotDecision.OrderQuestion("A2026113"));
    assertThat(policy.decide("我的订单12345到哪了", List.of(), 0))
        .isEqualTo(new BotDecision.OrderQuestion("12345"));
    assertThat(policy.decide("订单号：A2026113 什么时候到", List.of(), 0))
        .isEqualTo(new BotDecision.OrderQuestion("A2026113"));
    assertThat(BotPolicy.orderId("I am 25 years old")).isEmpty();
    assertThat(BotPolicy.orderId("where is my order?")).isEmpty();
  }

  private static FaqMatch outOfScope(double score) {
    return new FaqMatch(
        new FaqEntry("not-ours", "en", "", List.of("what is the weather tomorrow"), true), score);
  }

  @Test
  void anOutOfScopeEntryThatMatchesBestHandsOverAndIsNeverOffered() {
    List<FaqMatch> matches = List.of(outOfScope(0.62), match("refund", 0.5), match("return", 0.2));
    BotDecision d = policy.decide("will it rain tomorrow", matches, 0);
    assertThat(d).isInstanceOf(BotDecision.Handoff.class);
    assertThat(((BotDecision.Handoff) d).reason())
        .isEqualTo(BotDecision.HandoffReason.OUT_OF_SCOPE);
    assertThat(((BotDecision.Handoff) d).alternatives())
        .extracting(m -> m.faq().faqId())
        .containsExactly("refund", "return");
    // Without the entry the same FAQ scores would have answered "refund".
    assertThat(policy.decide("will it rain tomorrow", matches.subList(1, 3), 0))
        .isInstanceOf(BotDecision.Answer.class);
  }

  @Test
  void anOutOfScopeEntryBelowTheBestFaqIsLeftOutOfAnswersChoicesAndAlternatives() {
    BotDecision answered =
        policy.decide(
            "refund", List.of(match("refund", 0.8), outOfScope(0.7), match("return", 0.3)), 0);
    assertThat(answered).isInstanceOf(BotDecision.Answer.class);
    assertThat(((BotDecision.Answer) answered).alternatives())
        .extracting(m -> m.faq().faqId())
        .containsExactly("return");
    BotDecision torn =
        policy.decide(
            "x", List.of(match("refund", 0.5), outOfScope(0.49), match("return", 0.48)), 0);
    assertThat(((BotDecision.Clarify) torn).options())
        .extracting(m -> m.faq().faqId())
        .containsExactly("refund", "return");
    BotDecision human =
        policy.decide("a human please", List.of(match("refund", 0.5), outOfScope(0.4)), 0);
    assertThat(((BotDecision.Handoff) human).alternatives())
        .extracting(m -> m.faq().faqId())
        .containsExactly("refund");
  }

  @Test
  void thresholdsOutOfOrderAreRefused() {
    assertThatThrownBy(() -> new BotPolicy(0.2, 0.3, 0.05, 0.2, 0.08))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clarify <= answer");
  }
}

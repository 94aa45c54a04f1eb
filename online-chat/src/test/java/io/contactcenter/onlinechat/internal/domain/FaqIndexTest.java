package io.contactcenter.onlinechat.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FaqIndexTest {

  private static final Tokenizer WORDS =
      text ->
          Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\W+"))
              .filter(w -> !w.isEmpty())
              .toList();

  private final FaqIndex index =
      FaqIndex.build(
          List.of(
              new FaqEntry(
                  "refund",
                  "en",
                  "Refunds take 3-5 days.",
                  List.of("how long does a refund take", "when do I get my money back")),
              new FaqEntry(
                  "address",
                  "en",
                  "Change it under My orders.",
                  List.of("change my delivery address", "wrong shipping address"))),
          WORDS);

  @Test
  void theFaqSharingTheMostWeightedTermsComesFirst() {
    List<FaqMatch> matches = index.match("how long until I get my money back", 3);
    assertThat(matches).isNotEmpty();
    assertThat(matches.get(0).faq().faqId()).isEqualTo("refund");
    assertThat(matches.get(0).score()).isBetween(0.0, 1.0);
  }

  @Test
  void anExactExampleScoresHigherThanAPartialOne() {
    double exact = index.match("change my delivery address", 1).get(0).score();
    double partial = index.match("address", 1).get(0).score();
    assertThat(exact).isGreaterThan(partial);
  }

  @Test
  void aQuestionSharingNothingMatchesNothing() {
    assertThat(index.match("zebra giraffe", 3)).isEmpty();
    assertThat(index.match("", 3)).isEmpty();
    assertThat(FaqIndex.build(List.of(), WORDS).match("refund", 3)).isEmpty();
  }

  /** A fake model: texts about money back point one way, texts about addresses another. */
  private static final SentenceEncoder TOPICS =
      text -> {
        String t = text.toLowerCase(Locale.ROOT);
        boolean money = t.contains("refund") || t.contains("money") || t.contains("reimburse");
        boolean place = t.contains("address") || t.contains("deliver") || t.contains("ship");
        return new float[] {money ? 1 : 0, place ? 1 : 0, 0.1f};
      };

  @Test
  void meaningFindsTheFaqAQuestionSharesNoWordWith() {
    List<FaqEntry> faqs =
        List.of(
            new FaqEntry("refund", "en", "3-5 days.", List.of("how long does a refund take")),
            new FaqEntry("address", "en", "My orders.", List.of("change my delivery address")));
    FaqIndex byWords = FaqIndex.build(faqs, WORDS);
    FaqIndex byMeaning = FaqIndex.build(faqs, WORDS, TOPICS, new MeaningWeight(0.5, 0.2), null);

    assertThat(byWords.match("reimburse me", 3)).isEmpty();
    List<FaqMatch> matches = byMeaning.match("reimburse me", 3);
    // The address FAQ's cosine is below the floor: it scores 0 and is left out.
    assertThat(matches).extracting(m -> m.faq().faqId()).containsExactly("refund");
    assertThat(matches.get(0).score()).isBetween(0.0, 1.0);
    // Words still count: the FAQ sharing the words leads when the meanings are alike.
    assertThat(byMeaning.match("change my delivery address", 1).get(0).faq().faqId())
        .isEqualTo("address");
  }

  /**
   * Two FAQs asked "card abroad": one holds that very text among texts about other things, the
   * other many texts saying it with one more word. With few texts, the exact example and the
   * centroid decide; with many, matching by meaning, the five closest examples do (ADR 0060), so
   * one stray example no longer wins; by words only, as before.
   */
  @Test
  void anFaqWithManyTextsScoresByItsFiveClosestWhenMatchingByMeaning() {
    SentenceEncoder same = text -> new float[] {1, 0};
    MeaningWeight meaning = new MeaningWeight(0.5, 0.2);
    for (int others : new int[] {4, 24}) {
      List<String> stray = new java.util.ArrayList<>(List.of("card abroad"));
      List<String> close = new java.util.ArrayList<>();
      for (int k = 0; k < others; k++) {
        stray.add("card a" + k);
        close.add("card abroad b" + k);
      }
      List<FaqEntry> faqs =
          List.of(
              new FaqEntry("stray", "en", "A.", stray), new FaqEntry("close", "en", "B.", close));
      String byMeaning =
          FaqIndex.build(faqs, WORDS, same, meaning, null)
              .match("card abroad", 1)
              .get(0)
              .faq()
              .faqId();
      String byWords = FaqIndex.build(faqs, WORDS).match("card abroad", 1).get(0).faq().faqId();
      assertThat(byWords).as("by words, %d other texts", others).isEqualTo("stray");
      assertThat(byMeaning)
          .as("by meaning, %d other texts", others)
          .isEqualTo(others == 4 ? "stray" : "close");
    }
  }

  /**
   * An out-of-scope entry gathers unrelated questions (ADR 0061): one of them asked again scores as
   * that text, not dragged down by the entry's other, unrelated texts through a centroid.
   */
  @Test
  void anOutOfScopeEntryScoresByItsClosestTextAlone() {
    List<String> unrelated =
        List.of(
            "what is the weather tomorrow",
            "tell me a joke",
            "book a flight to paris",
            "who won the football match");
    FaqEntry notOurs = new FaqEntry("not-ours", "en", "", unrelated, true);
    FaqEntry asFaq = new FaqEntry("as-faq", "en", "a", unrelated, false);
    double outOfScope =
        FaqIndex.build(List.of(notOurs), WORDS).match("tell me a joke", 1).get(0).score();
    double faq = FaqIndex.build(List.of(asFaq), WORDS).match("tell me a joke", 1).get(0).score();
    assertThat(outOfScope).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(faq).isLessThan(0.8);
  }

  @Test
  void meaningWeightsAreCheckedAndStretchTheCosine() {
    MeaningWeight half = new MeaningWeight(0.5, 0.5);
    assertThat(half.fuse(0.4, 0.5)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(half.fuse(0.4, 1.0)).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(half.fuse(0.0, 0.2)).isZero();
    assertThat(MeaningWeight.NONE.used()).isFalse();
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new MeaningWeight(1.5, 0.5))
        .withMessageContaining("weight");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new MeaningWeight(0.5, 1))
        .withMessageContaining("floor");
  }
}

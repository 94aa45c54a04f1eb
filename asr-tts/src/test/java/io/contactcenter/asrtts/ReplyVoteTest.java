package io.contactcenter.asrtts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Voting a reply's label over the recognizer's n best transcripts, with a fake classifier. */
class ReplyVoteTest {

  private static final ZonedDateTime NINE_TOMORROW =
      ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC);

  private final List<String> classified = new ArrayList<>();

  /** "yes…" agrees, "no…" declines, "tomorrow…" is a callback at nine, anything else is unsure. */
  private final Function<String, ReplyClassification> classify =
      text -> {
        classified.add(text);
        if (text.startsWith("yes")) {
          return label(IntentLabel.AGREE, 0.9, Optional.empty());
        }
        if (text.startsWith("no")) {
          return label(IntentLabel.REFUSE, 0.9, Optional.empty());
        }
        if (text.startsWith("tomorrow")) {
          return label(
              IntentLabel.CALL_BACK_LATER,
              0.9,
              text.contains("nine") ? Optional.of(NINE_TOMORROW) : Optional.empty());
        }
        return label(IntentLabel.UNKNOWN, 0.5, Optional.empty());
      };

  private static ReplyClassification label(
      IntentLabel label, double p, Optional<ZonedDateTime> callbackAt) {
    Map<IntentLabel, Double> scores = new EnumMap<>(IntentLabel.class);
    scores.put(label, p);
    scores.merge(IntentLabel.UNKNOWN, 1 - p, Double::sum);
    return new ReplyClassification(label, p, scores, callbackAt);
  }

  private static Transcript.Alternative alt(String text, double score) {
    return new Transcript.Alternative(text, score);
  }

  @Test
  void alternativesThatAgreeGiveTheLabelTheClassifiersOwnConfidence() {
    ReplyVote vote = ReplyVote.over(List.of(alt("yes please", 100), alt("yes plea", 99)), classify);

    assertThat(vote.label()).isEqualTo(IntentLabel.AGREE);
    assertThat(vote.share()).isCloseTo(0.9, within(1e-9));
  }

  @Test
  void alternativesThatDisagreeSplitTheShareByTheirWeights() {
    // Equal scores weigh the same: two of three say "no", one says "yes".
    ReplyVote vote =
        ReplyVote.over(
            List.of(alt("no thanks", 50), alt("yes thanks", 50), alt("no", 50)), classify);

    assertThat(vote.label()).isEqualTo(IntentLabel.REFUSE);
    assertThat(vote.share()).isCloseTo(0.6, within(1e-9));
    assertThat(vote.shares().get(IntentLabel.AGREE)).isCloseTo(0.3, within(1e-9));
  }

  @Test
  void aFarLowerScoreHardlyCounts() {
    ReplyVote vote =
        ReplyVote.over(List.of(alt("yes", 100), alt("no", 90), alt("no", 90)), classify);

    assertThat(vote.label()).isEqualTo(IntentLabel.AGREE);
    assertThat(vote.share()).isGreaterThan(0.89);
  }

  @Test
  void theScaleSetsHowFastWeightFallsWithScore() {
    List<Transcript.Alternative> alternatives = List.of(alt("yes", 100), alt("no", 99));

    double sharp = ReplyVote.over(alternatives, 3.0, classify).share();
    double flat = ReplyVote.over(alternatives, 0.3, classify).share();

    assertThat(sharp).isGreaterThan(flat);
    assertThat(Transcript.Alternative.shares(alternatives, 1.0).get(0))
        .isCloseTo(1 / (1 + Math.exp(-1)), within(1e-9));
  }

  @Test
  void anEmptyAlternativeVotesUnknown() {
    ReplyVote vote = ReplyVote.over(List.of(alt("", 10), alt("", 10), alt("yes", 10)), classify);

    assertThat(vote.label()).isEqualTo(IntentLabel.UNKNOWN);
    assertThat(vote.share()).isCloseTo(2 / 3.0 + 0.1 / 3, within(1e-9));
  }

  @Test
  void noAlternativesIsUnknownWithNoShare() {
    ReplyVote vote = ReplyVote.over(List.of(), classify);

    assertThat(vote.label()).isEqualTo(IntentLabel.UNKNOWN);
    assertThat(vote.share()).isZero();
    assertThat(classified).isEmpty();
  }

  @Test
  void eachDistinctTextIsClassifiedOnce() {
    ReplyVote.over(List.of(alt("yes", 3), alt("yes", 2), alt("no", 1)), classify);

    assertThat(classified).containsExactly("yes", "no");
  }

  @Test
  void theCallbackTimeComesFromTheLikeliestAlternativeThatNamedOne() {
    ReplyVote vote =
        ReplyVote.over(
            List.of(alt("tomorrow", 100), alt("tomorrow at nine", 99.5), alt("yes", 90)), classify);

    assertThat(vote.label()).isEqualTo(IntentLabel.CALL_BACK_LATER);
    assertThat(vote.callbackAt()).contains(NINE_TOMORROW);
  }

  @Test
  void aShareOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> new ReplyVote(IntentLabel.AGREE, 1.5, Map.of(), Optional.empty()))
        .hasMessageContaining("share must be between 0 and 1");
  }

  @Test
  void anAlternativeNeedsAFiniteScore() {
    assertThatThrownBy(() -> alt("yes", Double.NaN))
        .hasMessageContaining("score must be a finite number");
  }
}

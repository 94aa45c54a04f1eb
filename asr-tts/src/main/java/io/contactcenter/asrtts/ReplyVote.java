package io.contactcenter.asrtts;

import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A reply's label voted over the recognizer's n best transcripts ({@link
 * Transcript#alternatives()}): every alternative is labelled, and the labels' probabilities are
 * summed, each alternative weighed by its share ({@link Transcript.Alternative#shares}). On a noisy
 * line the alternatives of a garbled reply disagree, and the voted label's share is then low: the
 * share is the confidence to act on, in place of the word confidences Vosk does not give with
 * alternatives (ADR 0049; docs/benchmarks.md, noisy replies).
 *
 * @param label the label with the largest share; {@link IntentLabel#UNKNOWN} without alternatives
 * @param share that label's share of the weight, 0 to 1; 0 without alternatives
 * @param shares every label's share (unmodifiable), summing to 1 when there are alternatives
 * @param callbackAt the callback time of the likeliest alternative labelled {@code label} that
 *     named one
 */
public record ReplyVote(
    IntentLabel label,
    double share,
    Map<IntentLabel, Double> shares,
    Optional<ZonedDateTime> callbackAt) {

  public ReplyVote {
    Objects.requireNonNull(label, "label is required");
    if (!(share >= 0.0 && share <= 1.0)) {
      throw new IllegalArgumentException("share must be between 0 and 1, was " + share);
    }
    shares = shares.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(shares));
    Objects.requireNonNull(callbackAt, "callbackAt is required (may be empty)");
  }

  /** The vote over {@code alternatives} with the weights of {@link Transcript#SCORE_SCALE}. */
  public static ReplyVote over(
      List<Transcript.Alternative> alternatives, Function<String, ReplyClassification> classify) {
    return over(alternatives, Transcript.SCORE_SCALE, classify);
  }

  /**
   * The vote over {@code alternatives}, each weighed {@code exp(scale × (score − best score))}.
   *
   * @param classify labels one alternative's text (never blank); called once per distinct text. An
   *     empty alternative (the recognizer's guess that nothing was said) votes {@link
   *     IntentLabel#UNKNOWN} with its whole weight.
   */
  public static ReplyVote over(
      List<Transcript.Alternative> alternatives,
      double scale,
      Function<String, ReplyClassification> classify) {
    Map<IntentLabel, Double> shares = new EnumMap<>(IntentLabel.class);
    if (alternatives.isEmpty()) {
      return new ReplyVote(IntentLabel.UNKNOWN, 0, shares, Optional.empty());
    }
    List<Double> weights = Transcript.Alternative.shares(alternatives, scale);
    Map<String, ReplyClassification> labelled = new HashMap<>();
    ReplyClassification[] labels = new ReplyClassification[alternatives.size()];
    for (int i = 0; i < labels.length; i++) {
      String text = alternatives.get(i).text();
      double w = weights.get(i);
      if (text.isEmpty()) {
        shares.merge(IntentLabel.UNKNOWN, w, Double::sum);
        continue;
      }
      ReplyClassification c = labelled.computeIfAbsent(text, classify);
      labels[i] = c;
      // The classifier's probabilities (unknown among them), weighed by the alternative's share.
      for (Map.Entry<IntentLabel, Double> e : c.scores().entrySet()) {
        shares.merge(e.getKey(), w * e.getValue(), Double::sum);
      }
    }
    IntentLabel top = IntentLabel.UNKNOWN;
    double topShare = 0;
    for (Map.Entry<IntentLabel, Double> e : shares.entrySet()) {
      if (e.getValue() > topShare) {
        top = e.getKey();
        topShare = e.getValue();
      }
    }
    Optional<ZonedDateTime> callbackAt = Optional.empty();
    double callbackWeight = -1;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != null
          && labels[i].label() == top
          && labels[i].callbackAt().isPresent()
          && weights.get(i) > callbackWeight) {
        callbackAt = labels[i].callbackAt();
        callbackWeight = weights.get(i);
      }
    }
    return new ReplyVote(top, Math.min(1, topShare), shares, callbackAt);
  }
}

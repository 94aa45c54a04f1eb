package io.contactcenter.asrtts;

import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The classifier's answer.
 *
 * @param label the chosen label; {@link IntentLabel#UNKNOWN} when no label was probable enough
 * @param confidence how sure the classifier is of {@code label}, 0 to 1: the label's probability,
 *     or for an {@code UNKNOWN} forced by the threshold, one minus the best label's probability
 * @param scores the probability of every label, summing to 1 (unmodifiable)
 * @param callbackAt when the callee asked to be called back, if the label is {@link
 *     IntentLabel#CALL_BACK_LATER} and a time was named; in the request's time zone
 */
public record ReplyClassification(
    IntentLabel label,
    double confidence,
    Map<IntentLabel, Double> scores,
    Optional<ZonedDateTime> callbackAt) {

  public ReplyClassification {
    Objects.requireNonNull(label, "label is required");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
    }
    Objects.requireNonNull(scores, "scores are required");
    scores = scores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(scores));
    Objects.requireNonNull(callbackAt, "callbackAt is required (may be empty)");
  }
}

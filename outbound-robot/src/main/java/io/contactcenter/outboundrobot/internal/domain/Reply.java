package io.contactcenter.outboundrobot.internal.domain;

import io.contactcenter.asrtts.IntentLabel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the callee said, as the recognizer heard it and the classifier labelled it.
 *
 * @param text the transcript; may be empty when only a label is known
 * @param label the intent
 * @param confidence how sure recognizer and classifier were together, 0 to 1
 * @param callbackAt the callback time the callee named, for {@link IntentLabel#CALL_BACK_LATER}
 * @param speechConfidence how sure the recognizer alone was of the words (its mean word
 *     confidence), 0 to 1; 1 for keys and typed text, and for a reply voted over alternatives (the
 *     recognizer gives no word confidences with them: {@code voteShare} carries its doubt)
 * @param voteShare the label's share of the vote over the recognizer's n best transcripts, 0 to 1;
 *     1 for a reply that was not voted (keys, typed text, a single transcript)
 */
public record Reply(
    String text,
    IntentLabel label,
    double confidence,
    Optional<Instant> callbackAt,
    double speechConfidence,
    double voteShare) {

  /** A reply whose words are certain (keys, typed text). */
  public Reply(String text, IntentLabel label, double confidence, Optional<Instant> callbackAt) {
    this(text, label, confidence, callbackAt, 1.0);
  }

  /** A spoken reply heard as a single transcript with the recognizer's word confidences. */
  public Reply(
      String text,
      IntentLabel label,
      double confidence,
      Optional<Instant> callbackAt,
      double speechConfidence) {
    this(text, label, confidence, callbackAt, speechConfidence, 1.0);
  }

  /**
   * A spoken reply whose label was voted over the recognizer's alternatives: the label's share is
   * both its confidence and its vote share.
   */
  public static Reply voted(
      String text, IntentLabel label, double share, Optional<Instant> callbackAt) {
    return new Reply(text, label, share, callbackAt, 1.0, share);
  }

  public Reply {
    if (!(voteShare >= 0.0 && voteShare <= 1.0)) {
      throw new IllegalArgumentException("voteShare must be between 0 and 1, was " + voteShare);
    }
    if (!(speechConfidence >= 0.0 && speechConfidence <= 1.0)) {
      throw new IllegalArgumentException(
          "speechConfidence must be between 0 and 1, was " + speechConfidence);
    }
    text = text == null ? "" : text.strip();
    Objects.requireNonNull(label, "label is required");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
    }
    Objects.requireNonNull(callbackAt, "callbackAt is required (may be empty)");
  }

  /** A reply without a callback time. */
  public static Reply of(String text, IntentLabel label, double confidence) {
    return new Reply(text, label, confidence, Optional.empty());
  }
}

package io.contactcenter.outboundrobot;

import io.contactcenter.asrtts.IntentLabel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One turn of a robot dialogue: a prompt the robot spoke, or what the callee did in reply.
 *
 * @param at when it happened
 * @param step the script step it belongs to
 * @param speaker who
 * @param text the prompt as spoken, the callee's transcript, or empty for silence and keys
 * @param label how the callee's reply was understood; empty for the robot's turns
 * @param confidence how sure the recognizer and classifier were, 0 to 1 (for a reply labelled by a
 *     vote over the recognizer's alternatives, the label's share of the vote); 1 for the robot and
 *     keys
 * @param dtmf the key the callee pressed instead of speaking, if any
 */
public record Turn(
    Instant at,
    String step,
    Speaker speaker,
    String text,
    Optional<IntentLabel> label,
    double confidence,
    Optional<Character> dtmf) {

  public Turn {
    Objects.requireNonNull(at, "at is required");
    Objects.requireNonNull(step, "step is required");
    Objects.requireNonNull(speaker, "speaker is required");
    text = text == null ? "" : text.strip();
    Objects.requireNonNull(label, "label is required (may be empty)");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
    }
    Objects.requireNonNull(dtmf, "dtmf is required (may be empty)");
    if (speaker == Speaker.ROBOT && (label.isPresent() || dtmf.isPresent())) {
      throw new IllegalArgumentException("the robot's turns carry no label and no key");
    }
  }

  /** Who spoke. */
  public enum Speaker {
    ROBOT,
    CALLEE
  }

  /** A prompt the robot spoke. */
  public static Turn robot(Instant at, String step, String text) {
    return new Turn(at, step, Speaker.ROBOT, text, Optional.empty(), 1.0, Optional.empty());
  }

  /**
   * One line for a human reading the transcript, e.g. {@code callee: "next week" [call_back_later
   * 0.82]}.
   */
  public String describe() {
    if (speaker == Speaker.ROBOT) {
      return "robot: " + text;
    }
    String said =
        dtmf.map(key -> "pressed " + key).orElse(text.isEmpty() ? "(silence)" : "\"" + text + "\"");
    return "callee: "
        + said
        + label.map(l -> " [" + l.code() + String.format(" %.2f]", confidence)).orElse("");
  }
}

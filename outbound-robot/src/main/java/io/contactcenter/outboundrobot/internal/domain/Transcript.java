package io.contactcenter.outboundrobot.internal.domain;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.outboundrobot.Turn;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything said in one dialogue, in order, each turn stamped with the clock's time. Kept by the
 * {@link DialogueEngine}; not thread-safe.
 */
final class Transcript {

  private final Clock clock;
  private final List<Turn> turns = new ArrayList<>();

  Transcript(Clock clock) {
    this.clock = clock;
  }

  /** The robot said {@code text} in {@code step}. */
  void robot(String step, String text) {
    turns.add(Turn.robot(clock.instant(), step, text));
  }

  /**
   * The callee spoke, pressed a key or said nothing in {@code step}.
   *
   * @param label what the reply meant; null when it was no reply (silence, a key with no meaning,
   *     an answering machine)
   */
  void callee(
      String step, String text, IntentLabel label, double confidence, Optional<Character> key) {
    turns.add(
        new Turn(
            clock.instant(),
            step,
            Turn.Speaker.CALLEE,
            text,
            Optional.ofNullable(label),
            confidence,
            key));
  }

  /** The turns so far. */
  List<Turn> turns() {
    return List.copyOf(turns);
  }
}

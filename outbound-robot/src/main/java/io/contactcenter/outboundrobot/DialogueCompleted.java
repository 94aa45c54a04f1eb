package io.contactcenter.outboundrobot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.modulith.events.Externalized;

/**
 * A robot dialogue ended. Published once per answered attempt; listeners key on {@code attemptId}.
 * Also on Kafka topic {@code cc.robot.dialogue-completed.v1}, keyed by attempt id.
 *
 * @param attemptId the campaign's dial attempt
 * @param scriptId the script that ran
 * @param scriptVersion its version
 * @param outcome how it ended
 * @param turns everything said, in order
 * @param callbackAt when to call back, for {@link DialogueOutcome#CALLBACK_SCHEDULED}; otherwise
 *     {@code null}
 * @param at when it ended
 */
@Externalized("cc.robot.dialogue-completed.v1::#{attemptId()}")
public record DialogueCompleted(
    String attemptId,
    String scriptId,
    int scriptVersion,
    DialogueOutcome outcome,
    List<Turn> turns,
    Instant callbackAt,
    Instant at) {

  public DialogueCompleted {
    Events.requireId(attemptId);
    Events.requireId(scriptId);
    Objects.requireNonNull(outcome, "outcome is required");
    turns = List.copyOf(turns);
    if ((outcome == DialogueOutcome.CALLBACK_SCHEDULED) != (callbackAt != null)) {
      throw new IllegalArgumentException("callbackAt is set exactly for callback_scheduled");
    }
    Objects.requireNonNull(at, "at is required");
  }
}

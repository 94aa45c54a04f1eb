package io.contactcenter.outboundrobot;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.common.AttemptId;
import java.time.Instant;
import java.util.Objects;
import org.springframework.modulith.events.Externalized;

/**
 * A robot attempt is over: its dialogue (if there was one) has its outcome and its call is down.
 * Published exactly once per attempt the robot dialed, in the transaction that records the last of
 * the two, whichever comes first (the hangup, the dialogue's end, a failed originate, or crash
 * recovery that found the call gone). Listeners key on {@code attemptId}; delivery is at least
 * once. Also on Kafka topic {@code cc.robot.attempt-ended.v1}, keyed by attempt id (schema in
 * docs/integration/robot-events.md).
 *
 * @param attemptId the attempt, as the caller of {@link RobotCalls#place} named it
 * @param dialOutcome how dialing went
 * @param outcome how the dialogue ended; {@code null} when there was none (not answered, or the
 *     call died before the robot took it)
 * @param label the intent label of the callee's last understood reply, {@code null} if none
 * @param callbackAt when the callee is to be called back (they named a time or asked for a person
 *     no agent took); else {@code null}
 * @param answeredAt when the call was answered, {@code null} if it never was
 * @param endedAt when the call ended
 */
@Externalized("cc.robot.attempt-ended.v1::#{attemptId().value()}")
public record RobotAttemptEnded(
    AttemptId attemptId,
    DialOutcome dialOutcome,
    DialogueOutcome outcome,
    IntentLabel label,
    Instant callbackAt,
    Instant answeredAt,
    Instant endedAt) {

  public RobotAttemptEnded {
    Objects.requireNonNull(attemptId, "attemptId is required");
    Objects.requireNonNull(dialOutcome, "dialOutcome is required");
    Objects.requireNonNull(endedAt, "endedAt is required");
  }
}

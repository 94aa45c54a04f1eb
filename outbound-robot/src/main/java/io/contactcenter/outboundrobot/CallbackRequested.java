package io.contactcenter.outboundrobot;

import java.time.Instant;
import java.util.Objects;
import org.springframework.modulith.events.Externalized;

/**
 * The callee is to be called back: they asked to be, or asked for a person and no agent took the
 * transfer. At most one per attempt; listeners key on {@code attemptId}. Also on Kafka topic {@code
 * cc.robot.callback-requested.v1}, keyed by attempt id (schema in
 * docs/integration/robot-events.md).
 *
 * @param attemptId the dial attempt during which it was asked
 * @param callbackAt when: the time the callee named, or the script's default delay after the call
 * @param at when it was asked
 */
@Externalized("cc.robot.callback-requested.v1::#{attemptId()}")
public record CallbackRequested(String attemptId, Instant callbackAt, Instant at) {

  public CallbackRequested {
    Events.requireId(attemptId);
    Objects.requireNonNull(callbackAt, "callbackAt is required");
    Objects.requireNonNull(at, "at is required");
  }
}

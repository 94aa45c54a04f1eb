package io.contactcenter.outboundrobot;

import java.time.Instant;
import java.util.Objects;

/**
 * The callee is to be called back: they asked to be, or asked for a person and no agent took the
 * transfer. At most one per attempt; listeners key on {@code attemptId}.
 *
 * @param attemptId the dial attempt during which it was asked
 * @param callbackAt when: the time the callee named, or the script's default delay after the call
 * @param at when it was asked
 */
public record CallbackRequested(String attemptId, Instant callbackAt, Instant at) {

  public CallbackRequested {
    Events.requireId(attemptId);
    Objects.requireNonNull(callbackAt, "callbackAt is required");
    Objects.requireNonNull(at, "at is required");
  }
}

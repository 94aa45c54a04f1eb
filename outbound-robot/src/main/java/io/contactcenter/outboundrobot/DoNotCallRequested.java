package io.contactcenter.outboundrobot;

import io.contactcenter.common.PhoneNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * The callee asked never to be called again. The number must go on the do-not-call list; listeners
 * key on {@code attemptId}.
 *
 * @param attemptId the dial attempt during which it was asked
 * @param phone the number called
 * @param at when it was asked
 */
public record DoNotCallRequested(String attemptId, PhoneNumber phone, Instant at) {

  public DoNotCallRequested {
    Events.requireId(attemptId);
    Objects.requireNonNull(phone, "phone is required");
    Objects.requireNonNull(at, "at is required");
  }
}

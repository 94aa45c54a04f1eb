package io.contactcenter.routing.internal.domain;

import java.time.Instant;

/**
 * What a new routing term needs to carry an agent's presence over from the last one (ADR 0053
 * addendum): whether the agent chose ready (also while on a contact, when the state shown is "on
 * contact"), the not-ready reason, since when, since when idle (the longest-idle strategy's order)
 * and the end of a wrap-up still running ({@code null} when none).
 *
 * @param ready the agent's own choice: ready, or not ready for {@code reason}
 * @param reason the not-ready reason ({@code ""} when ready)
 * @param since when the agent last chose ready or not ready
 * @param idleSince when the agent's idle time started (the end of the last contact or wrap-up)
 * @param wrapUpUntil when the wrap-up ends, or {@code null}
 */
public record SavedPresence(
    boolean ready, String reason, Instant since, Instant idleSince, Instant wrapUpUntil) {

  public SavedPresence {
    reason = reason == null ? "" : reason;
    if (since == null || idleSince == null) {
      throw new IllegalArgumentException("a saved presence needs its since and idle-since times");
    }
  }
}

package io.contactcenter.routing.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether an agent may call a customer from the workspace now (click-to-call, ADR 0034). The number
 * itself is already a valid E.164 number; the do-not-call list is asked by the adapter and its
 * answer is one of the facts here. Checked in a fixed order, so the agent hears the first thing to
 * fix: logged in, free (no offer ringing, no contact open), not too soon after the last call, a
 * phone to ring, and the number not on the do-not-call list.
 */
public final class ClickToCallPolicy {

  /** Why a call is refused. */
  public enum Refusal {
    /** The agent is logged out. */
    NOT_LOGGED_IN,
    /** An offer rings or a contact is open: the agent is on another contact. */
    ON_CONTACT,
    /** The agent placed a call less than the minimum interval ago. */
    TOO_SOON,
    /** The agent's routing profile names no phone to ring. */
    NO_PHONE,
    /** The number is on the do-not-call list. */
    DO_NOT_CALL
  }

  /**
   * What is known when the agent clicks.
   *
   * @param loggedIn the agent is not offline
   * @param onContact an offer rings for the agent or a contact is open (wrap-up is not a contact)
   * @param phone the agent's phone endpoint, {@code ""} for none
   * @param onDoNotCall the number is on the do-not-call list
   * @param lastPlacedAt when this agent's last call was placed, or null
   */
  public record Situation(
      boolean loggedIn,
      boolean onContact,
      String phone,
      boolean onDoNotCall,
      Instant lastPlacedAt) {}

  private final Duration minInterval;

  /**
   * @param minInterval the least time between two calls one agent places ({@link Duration#ZERO}: no
   *     limit)
   */
  public ClickToCallPolicy(Duration minInterval) {
    if (minInterval == null || minInterval.isNegative()) {
      throw new IllegalArgumentException("the interval between calls cannot be negative");
    }
    this.minInterval = minInterval;
  }

  /** The refusal, or empty when the call may be placed at {@code now}. */
  public Optional<Refusal> check(Situation s, Instant now) {
    if (!s.loggedIn()) {
      return Optional.of(Refusal.NOT_LOGGED_IN);
    }
    if (s.onContact()) {
      return Optional.of(Refusal.ON_CONTACT);
    }
    if (s.lastPlacedAt() != null && now.isBefore(s.lastPlacedAt().plus(minInterval))) {
      return Optional.of(Refusal.TOO_SOON);
    }
    if (s.phone() == null || s.phone().isBlank()) {
      return Optional.of(Refusal.NO_PHONE);
    }
    if (s.onDoNotCall()) {
      return Optional.of(Refusal.DO_NOT_CALL);
    }
    return Optional.empty();
  }
}

package io.contactcenter.routing.internal.domain;

import java.time.Duration;

/**
 * The expected wait announced to a caller: the contacts ahead of it are shared among the agents who
 * serve its queue, each contact taking the average handle time; the caller's own turn comes when
 * the last of those ends. Rounded up to whole minutes when announced, never less than one.
 */
public final class WaitEstimate {

  private WaitEstimate() {}

  /**
   * @param position 1 for the next contact to be offered
   * @param agents logged-in agents who serve the queue (0 counts as 1: someone will log in)
   * @param averageHandle how long an agent takes per contact, wrap-up included
   */
  public static Duration of(int position, int agents, Duration averageHandle) {
    if (position < 1) {
      throw new IllegalArgumentException("a position starts at 1, not " + position);
    }
    if (averageHandle.isNegative()) {
      throw new IllegalArgumentException("a handle time cannot be negative");
    }
    int rounds = Math.ceilDiv(position - 1, Math.max(1, agents));
    return averageHandle.multipliedBy(rounds);
  }

  /** Whole minutes to say, rounded up, at least 1. */
  public static long minutesToSay(Duration wait) {
    long minutes = (wait.toSeconds() + 59) / 60;
    return Math.max(1, minutes);
  }
}

package io.contactcenter.tickets.internal.domain;

import java.time.Duration;

/**
 * When to try a failed webhook call again: the first retry after {@code initial}, each next one
 * twice as late, never later than {@code max}; after {@code maxAttempts} calls it is given up.
 */
public record WebhookBackoff(Duration initial, Duration max, int maxAttempts) {

  public WebhookBackoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max and maxAttempts >= 1");
    }
  }

  /** The wait after the {@code attempts}-th failed call (1 = the first), or null to give up. */
  public Duration after(int attempts) {
    if (attempts >= maxAttempts) {
      return null;
    }
    int doublings = Math.min(attempts - 1, 30);
    Duration wait = initial.multipliedBy(1L << doublings);
    return wait.compareTo(max) > 0 ? max : wait;
  }
}

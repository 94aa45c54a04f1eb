package io.contactcenter.tickets;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA clock of a ticket, as recomputed from its history at {@code now}.
 *
 * @param state where the clock is
 * @param target the business time allowed by the ticket's policy
 * @param elapsed business time counted so far (pauses excluded)
 * @param dueAt when it breaches if it keeps running: only for a running clock
 * @param breachedAt when it breached (or will have, for a stopped late clock); null if it did not
 */
public record SlaClock(
    SlaMetric metric,
    State state,
    Duration target,
    Duration elapsed,
    Instant dueAt,
    Instant breachedAt) {

  /** Where a clock is. */
  public enum State {
    /** Does not apply now (e.g. no customer message is waiting for a next response). */
    INACTIVE,
    RUNNING,
    /** Waiting for the customer. */
    PAUSED,
    /** Stopped in time. */
    MET,
    /** Past its target, running or stopped late. */
    BREACHED
  }
}

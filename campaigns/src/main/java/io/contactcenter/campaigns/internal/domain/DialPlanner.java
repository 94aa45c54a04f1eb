package io.contactcenter.campaigns.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * When to dial a contact of one campaign: its {@link RetryPolicy} says how long to wait, its {@link
 * CallWindow} (via {@link CallWindowPolicy}) when calling is allowed. A dial time is always one at
 * which the window is open with at least {@code minRemaining} left.
 *
 * <p>A callback the callee asked for at a time outside the window is due at the window's next
 * opening after that time (e.g. "call me at 22:00" with a 09:00-21:00 window: 09:00 the next
 * non-holiday open day): the window is a compliance rule and wins over the callee's wish.
 *
 * <p>This does not apply {@link FrequencyCap}: that depends on calls other campaigns make to the
 * number and is checked when dialing.
 *
 * @param retryPolicy the campaign's retry rules
 * @param window the campaign's call window
 * @param minRemaining the least time the window must still be open when a call starts; zero to
 *     allow a start up to the window's end
 */
public record DialPlanner(RetryPolicy retryPolicy, CallWindow window, Duration minRemaining) {

  private static final CallWindowPolicy WINDOWS = new CallWindowPolicy();

  public DialPlanner {
    Objects.requireNonNull(retryPolicy, "retryPolicy is required");
    Objects.requireNonNull(window, "window is required");
    Objects.requireNonNull(minRemaining, "minRemaining is required");
    if (minRemaining.isNegative()) {
      throw new IllegalArgumentException("minRemaining must not be negative: " + minRemaining);
    }
  }

  /**
   * When to dial a contact not yet called: the first time at or after {@code from} the window
   * allows. Empty if the window does not open within {@link CallWindowPolicy#SEARCH_DAYS} days.
   */
  public Optional<Instant> firstDialTime(ZoneId calleeZone, Instant from) {
    return WINDOWS.nextOpening(window, calleeZone, from, minRemaining);
  }

  /**
   * When to dial again after an attempt: {@link RetryPolicy#decide} and then the window. Empty if
   * the policy says no retry, or the window does not open within {@link
   * CallWindowPolicy#SEARCH_DAYS} days of the retry time; call {@link RetryPolicy#decide} and
   * {@link #nextDialTime(RetryDecision, ZoneId)} separately to keep the reason.
   *
   * @see RetryPolicy#decide for the parameters
   */
  public Optional<Instant> nextDialTime(
      AttemptResult result,
      int attemptsSoFar,
      int callbacksSoFar,
      Instant endedAt,
      Instant callbackAt,
      ZoneId calleeZone) {
    return nextDialTime(
        retryPolicy.decide(result, attemptsSoFar, callbacksSoFar, endedAt, callbackAt), calleeZone);
  }

  /**
   * When to dial for this decision: empty for {@link RetryDecision.NoRetry}, else the window's
   * first allowed time at or after {@link RetryDecision.RetryAt#notBefore()}.
   */
  public Optional<Instant> nextDialTime(RetryDecision decision, ZoneId calleeZone) {
    Objects.requireNonNull(decision, "decision is required");
    return switch (decision) {
      case RetryDecision.NoRetry noRetry -> Optional.empty();
      case RetryDecision.RetryAt retryAt ->
          WINDOWS.nextOpening(window, calleeZone, retryAt.notBefore(), minRemaining);
    };
  }
}

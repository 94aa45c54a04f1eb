package io.contactcenter.campaigns.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * When to dial a contact again after an attempt, before the call window is applied (see {@link
 * DialPlanner}).
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>{@link AttemptResult#FINAL} is never retried.
 *   <li>Other results are retried {@link #spacing} after the attempt ended while fewer than {@link
 *       #maxAttempts} attempts have been made.
 *   <li>A callback request is honoured even when the attempts are used up, at most {@link
 *       #maxCallbacks} times per contact; a further request ends the contact. It is due at the time
 *       the callee named; with no time, or one before the attempt ended, after the {@link
 *       AttemptResult#CALLBACK_REQUESTED} spacing.
 * </ul>
 *
 * Every dial counts as an attempt, the callback dials included, so a callback dial that goes
 * unanswered after the attempts are used up is not retried, and a contact is dialled at most {@code
 * maxAttempts + maxCallbacks} times.
 *
 * @param maxAttempts attempts per contact, at least 1
 * @param maxCallbacks callback requests honoured per contact, at least 0
 * @param spacing the least time between an attempt's end and the next dial, for every result but
 *     {@link AttemptResult#FINAL}; for {@link AttemptResult#CALLBACK_REQUESTED} it applies only
 *     when no usable time was named
 */
public record RetryPolicy(int maxAttempts, int maxCallbacks, Map<AttemptResult, Duration> spacing) {

  /** Validates and copies. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (maxCallbacks < 0) {
      throw new IllegalArgumentException("maxCallbacks must not be negative, got " + maxCallbacks);
    }
    Objects.requireNonNull(spacing, "spacing is required");
    Map<AttemptResult, Duration> copy = new EnumMap<>(AttemptResult.class);
    for (AttemptResult result : AttemptResult.values()) {
      Duration gap = spacing.get(result);
      if (result == AttemptResult.FINAL) {
        if (gap != null) {
          throw new IllegalArgumentException("FINAL is never retried: remove its spacing");
        }
        continue;
      }
      if (gap == null) {
        throw new IllegalArgumentException("spacing for " + result + " is missing");
      }
      if (gap.isNegative()) {
        throw new IllegalArgumentException(
            "spacing for " + result + " must not be negative, got " + gap);
      }
      copy.put(result, gap);
    }
    spacing = Collections.unmodifiableMap(copy);
  }

  /**
   * 3 attempts, 2 callbacks; spacing NO_ANSWER 2h, BUSY 15m, FAILED 30m, VOICEMAIL 4h, HUNG_UP 1h,
   * NO_RESPONSE 2h, and 1h for a callback request without a time.
   */
  public static RetryPolicy defaults() {
    Map<AttemptResult, Duration> spacing = new EnumMap<>(AttemptResult.class);
    spacing.put(AttemptResult.NO_ANSWER, Duration.ofHours(2));
    spacing.put(AttemptResult.BUSY, Duration.ofMinutes(15));
    spacing.put(AttemptResult.FAILED, Duration.ofMinutes(30));
    spacing.put(AttemptResult.VOICEMAIL, Duration.ofHours(4));
    spacing.put(AttemptResult.CALLBACK_REQUESTED, Duration.ofHours(1));
    spacing.put(AttemptResult.HUNG_UP, Duration.ofHours(1));
    spacing.put(AttemptResult.NO_RESPONSE, Duration.ofHours(2));
    return new RetryPolicy(3, 2, spacing);
  }

  /** The least time after an attempt with this result before the next dial. */
  public Duration spacingAfter(AttemptResult result) {
    Duration gap = spacing.get(Objects.requireNonNull(result, "result is required"));
    if (gap == null) {
      throw new IllegalArgumentException(result + " is never retried");
    }
    return gap;
  }

  /**
   * Decides whether and when to dial the contact again.
   *
   * @param result how the attempt that just ended ended
   * @param attemptsSoFar dials made to this contact, including the one that just ended (at least 1)
   * @param callbacksSoFar callback requests already honoured for this contact, not counting this
   *     one
   * @param endedAt when the attempt ended
   * @param callbackAt the time the callee named, for {@link AttemptResult#CALLBACK_REQUESTED};
   *     {@code null} when none was named; ignored for other results
   */
  public RetryDecision decide(
      AttemptResult result,
      int attemptsSoFar,
      int callbacksSoFar,
      Instant endedAt,
      Instant callbackAt) {
    Objects.requireNonNull(result, "result is required");
    Objects.requireNonNull(endedAt, "endedAt is required");
    if (attemptsSoFar < 1) {
      throw new IllegalArgumentException(
          "attemptsSoFar counts the attempt that just ended, so is at least 1, got "
              + attemptsSoFar);
    }
    if (callbacksSoFar < 0) {
      throw new IllegalArgumentException(
          "callbacksSoFar must not be negative, got " + callbacksSoFar);
    }
    return switch (result) {
      case FINAL -> new RetryDecision.NoRetry("FINAL: the contact is done");
      case CALLBACK_REQUESTED -> callback(callbacksSoFar, endedAt, callbackAt);
      default -> retry(result, attemptsSoFar, endedAt);
    };
  }

  private RetryDecision callback(int callbacksSoFar, Instant endedAt, Instant callbackAt) {
    if (callbacksSoFar >= maxCallbacks) {
      return new RetryDecision.NoRetry(
          "CALLBACK_REQUESTED: " + maxCallbacks + " callbacks already honoured, the limit");
    }
    String which = "callback " + (callbacksSoFar + 1) + " of " + maxCallbacks;
    if (callbackAt != null && !callbackAt.isBefore(endedAt)) {
      return new RetryDecision.RetryAt(
          callbackAt, "CALLBACK_REQUESTED: at the time named (" + which + ")");
    }
    Duration gap = spacingAfter(AttemptResult.CALLBACK_REQUESTED);
    return new RetryDecision.RetryAt(
        endedAt.plus(gap),
        "CALLBACK_REQUESTED: "
            + (callbackAt == null ? "no time named" : "named time " + callbackAt + " has passed")
            + ", retry after "
            + gap
            + " ("
            + which
            + ")");
  }

  private RetryDecision retry(AttemptResult result, int attemptsSoFar, Instant endedAt) {
    if (attemptsSoFar >= maxAttempts) {
      return new RetryDecision.NoRetry(
          result + ": " + attemptsSoFar + " of " + maxAttempts + " attempts made");
    }
    Duration gap = spacingAfter(result);
    return new RetryDecision.RetryAt(
        endedAt.plus(gap),
        result
            + ": retry after "
            + gap
            + " (attempt "
            + (attemptsSoFar + 1)
            + " of "
            + maxAttempts
            + ")");
  }
}

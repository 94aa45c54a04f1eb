package io.contactcenter.routing.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What follows one attempt to call a customer back: done when the customer answered; else another
 * attempt after the interval, moved to the next time the queue is open, until the attempts are used
 * up. A customer is called at most {@code maxAttempts} times for one callback.
 */
public final class CallbackRetryPolicy {

  /** How far ahead the next opening of a queue is looked for; none within it gives up. */
  static final Duration HORIZON = Duration.ofDays(14);

  private static final Duration STEP = Duration.ofMinutes(1);

  /** How one attempt ended, as the customer's leg of the agent's call ended. */
  public enum Outcome {
    ANSWERED,
    NO_ANSWER,
    BUSY,
    FAILED,
    /** The instance that made the attempt stopped during it; nobody saw how it ended. */
    INTERRUPTED;

    /**
     * The outcome the Q.850 cause of the agent's call tells: the dialplan ends that call with the
     * customer's cause when the customer did not answer (17 busy, 19 no answer, 34 the network
     * failed), and normally (16) after a conversation or when the agent hung up first.
     */
    public static Outcome ofCause(int cause) {
      return switch (cause) {
        case 0, 16 -> ANSWERED;
        case 17 -> BUSY;
        case 18, 19, 21 -> NO_ANSWER;
        default -> FAILED;
      };
    }
  }

  /** The decision after an attempt. */
  public sealed interface Decision {}

  /** The customer answered: the callback is done. */
  public record Completed() implements Decision {}

  /** Call again at {@code at} (inside the queue's opening hours). */
  public record RetryAt(Instant at) implements Decision {}

  /**
   * No more attempts; {@code reason} is a stable code: {@code attempts-exhausted} or {@code
   * queue-closed} (the queue does not open within two weeks).
   */
  public record GiveUp(String reason) implements Decision {}

  private final int maxAttempts;
  private final Duration interval;

  /**
   * @param maxAttempts calls of the customer per callback, at least 1
   * @param interval from the end of an attempt to the next, at least zero
   */
  public CallbackRetryPolicy(int maxAttempts, Duration interval) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("a callback has at least 1 attempt, not " + maxAttempts);
    }
    if (interval.isNegative()) {
      throw new IllegalArgumentException("a retry interval cannot be negative");
    }
    this.maxAttempts = maxAttempts;
    this.interval = interval;
  }

  /**
   * @param attemptsMade attempts so far, the one that just ended included
   * @param outcome how that attempt ended
   * @param now when it ended
   * @param open whether the queue is open at an instant (always, for a queue without hours)
   */
  public Decision after(int attemptsMade, Outcome outcome, Instant now, Predicate<Instant> open) {
    if (outcome == Outcome.ANSWERED) {
      return new Completed();
    }
    if (attemptsMade >= maxAttempts) {
      return new GiveUp("attempts-exhausted");
    }
    Optional<Instant> next = nextOpen(now.plus(interval), open);
    return next.<Decision>map(RetryAt::new).orElseGet(() -> new GiveUp("queue-closed"));
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** The first instant from {@code from} on, in whole minutes, at which the queue is open. */
  static Optional<Instant> nextOpen(Instant from, Predicate<Instant> open) {
    if (open.test(from)) {
      return Optional.of(from);
    }
    Instant end = from.plus(HORIZON);
    // Opening hours are whole minutes: the first open minute after from.
    Instant t = from.plusSeconds(60 - from.getEpochSecond() % 60).minusNanos(from.getNano());
    for (; t.isBefore(end); t = t.plus(STEP)) {
      if (open.test(t)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}

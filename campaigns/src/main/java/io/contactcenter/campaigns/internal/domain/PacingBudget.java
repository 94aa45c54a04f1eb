package io.contactcenter.campaigns.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How many calls a campaign may start now: a token bucket for the call rate, plus a cap on calls in
 * flight. Pure integer arithmetic on the state passed in, so every instance agrees given the same
 * {@link Tokens} (kept in shared counters by the caller) and the same {@code now}.
 *
 * <p>A token accrues every {@code interval}; the bucket holds at most {@code burst}. Tokens accrue
 * in whole units and the time towards the next one is kept, so the rate does not drift however
 * often the bucket is read. Over any span of length {@code w} at most {@code burst + floor(w /
 * interval)} calls start. For a trunk that counts calls strictly per sliding second, use {@code
 * burst} 1 and ask again at {@link Grant#nextTokenAt()}.
 *
 * @param interval the time for one token to accrue, i.e. 1 s divided by the calls per second
 * @param burst the most tokens the bucket holds: calls that may start at once after a pause
 * @param maxConcurrent the most calls in flight at once
 */
public record PacingBudget(Duration interval, int burst, int maxConcurrent) {

  /** Why fewer calls were granted than wanted. */
  public enum Limit {
    /** All wanted calls were granted. */
    NONE,
    /** The token bucket ran out: ask again at {@link Grant#nextTokenAt()}. */
    RATE,
    /** Too many calls are in flight: ask again when one ends. */
    CONCURRENCY
  }

  public PacingBudget {
    Objects.requireNonNull(interval, "interval is required");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive, got " + interval);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, got " + burst);
    }
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
    }
  }

  /**
   * A budget of {@code maxCallsPerSecond} with a burst of one second's calls (at least 1).
   *
   * @param maxCallsPerSecond positive; fractions allowed (0.5 is one call every 2 s)
   */
  public static PacingBudget of(double maxCallsPerSecond, int maxConcurrent) {
    if (!(maxCallsPerSecond > 0) || Double.isInfinite(maxCallsPerSecond)) {
      throw new IllegalArgumentException(
          "maxCallsPerSecond must be positive and finite, got " + maxCallsPerSecond);
    }
    long nanos = Math.max(1, Math.round(1_000_000_000d / maxCallsPerSecond));
    int burst = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(maxCallsPerSecond)));
    return new PacingBudget(Duration.ofNanos(nanos), burst, maxConcurrent);
  }

  /** A full bucket, for a campaign that starts now. */
  public Tokens full(Instant now) {
    return new Tokens(burst, now);
  }

  /**
   * The bucket at {@code now}: the tokens accrued since {@link Tokens#refilledAt()} added, up to
   * {@code burst}. A {@code now} before {@code refilledAt} (another host's clock ran ahead) adds
   * nothing and keeps {@code refilledAt}.
   */
  public Tokens refill(Tokens tokens, Instant now) {
    Objects.requireNonNull(tokens, "tokens are required");
    Objects.requireNonNull(now, "now is required");
    int available = Math.min(tokens.available(), burst);
    if (!now.isAfter(tokens.refilledAt())) {
      return new Tokens(available, tokens.refilledAt());
    }
    long accrued = Duration.between(tokens.refilledAt(), now).dividedBy(interval);
    if (accrued >= burst - available) {
      // Full: time spent full earns nothing, so the next token is a whole interval after now.
      return new Tokens(burst, now);
    }
    return new Tokens(
        available + (int) accrued, tokens.refilledAt().plus(interval.multipliedBy(accrued)));
  }

  /**
   * How many of {@code wanted} calls may start now, and the bucket after they take their tokens.
   * The caller stores {@link Grant#tokens()} and starts {@link Grant#permits()} calls.
   *
   * @param wanted calls ready to start, at least 0
   * @param inFlight calls of this budget in progress, at least 0
   * @param tokens the stored bucket
   */
  public Grant grant(int wanted, int inFlight, Tokens tokens, Instant now) {
    if (wanted < 0) {
      throw new IllegalArgumentException("wanted must not be negative, got " + wanted);
    }
    if (inFlight < 0) {
      throw new IllegalArgumentException("inFlight must not be negative, got " + inFlight);
    }
    Tokens bucket = refill(tokens, now);
    int free = Math.max(0, maxConcurrent - inFlight);
    int permits = Math.min(wanted, Math.min(bucket.available(), free));
    Limit limit =
        permits == wanted
            ? Limit.NONE
            : free <= bucket.available() ? Limit.CONCURRENCY : Limit.RATE;
    Tokens after = new Tokens(bucket.available() - permits, bucket.refilledAt());
    Instant nextTokenAt = after.available() > 0 ? now : after.refilledAt().plus(interval);
    return new Grant(permits, after, limit, nextTokenAt);
  }

  /**
   * A token bucket's state: what the caller keeps between calls (two counters).
   *
   * @param available whole tokens, at least 0
   * @param refilledAt the instant up to which accrual has been counted
   */
  public record Tokens(int available, Instant refilledAt) {
    public Tokens {
      if (available < 0) {
        throw new IllegalArgumentException("available must not be negative, got " + available);
      }
      Objects.requireNonNull(refilledAt, "refilledAt is required");
    }
  }

  /**
   * What {@link #grant} decided.
   *
   * @param permits calls that may start now
   * @param tokens the bucket to store
   * @param limitedBy why {@code permits} is below what was wanted
   * @param nextTokenAt when the bucket next holds a token ({@code now} if it still does)
   */
  public record Grant(int permits, Tokens tokens, Limit limitedBy, Instant nextTokenAt) {
    public Grant {
      Objects.requireNonNull(tokens, "tokens are required");
      Objects.requireNonNull(limitedBy, "limitedBy is required");
      Objects.requireNonNull(nextTokenAt, "nextTokenAt is required");
    }
  }
}

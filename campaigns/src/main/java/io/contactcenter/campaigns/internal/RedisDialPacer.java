package io.contactcenter.campaigns.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * Dialing limits shared by every instance, in Redis: calls in flight per campaign and per trunk
 * (sorted sets of attempt ids scored by lease expiry, so a crashed instance's slots free
 * themselves) and call attempts started per second per campaign and per trunk. One Lua script
 * checks and takes all four atomically.
 *
 * <p>Fails safe: when Redis cannot be reached, {@link #acquire} says no and nothing is dialed.
 */
final class RedisDialPacer {

  /** Why a slot was refused, or {@link #GRANTED}. */
  enum Verdict {
    GRANTED,
    CAMPAIGN_CONCURRENCY,
    TRUNK_CONCURRENCY,
    CAMPAIGN_RATE,
    TRUNK_RATE,
    REDIS_UNAVAILABLE
  }

  private static final Logger log = LoggerFactory.getLogger(RedisDialPacer.class);

  // Rates use GCRA (a token bucket kept as one "theoretical arrival time" per key): with emission
  // interval T = 1/rate and burst b, no span w ever sees more than b + floor(w / T) starts, unlike
  // fixed one-second slots which let twice the rate through across a slot boundary. A granted
  // slot comes with its theoretical time: the dialer starts the call then, not at once, so the
  // calls a burst lets through still reach the trunk evenly spaced, 1/rate apart, and no second
  // carries more than the rate (+1) however the dialer's ticks fall. Returns {verdict, start
  // offset ms}.
  // KEYS: 1 campaign in-flight set, 2 trunk in-flight set, 3 campaign rate TAT, 4 trunk rate TAT
  // ARGV: 1 now ms, 2 lease expiry ms, 3 campaign max in flight, 4 trunk max in flight,
  //       5 campaign interval ms, 6 campaign burst, 7 trunk interval ms, 8 trunk burst,
  //       9 attempt id
  private static final String ACQUIRE =
      """
      local now = tonumber(ARGV[1])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
      redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
      if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return {1, 0} end
      if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return {2, 0} end
      local function tat(key, interval, burst)
        local t = tonumber(redis.call('GET', key) or '0')
        if t < now then t = now end
        if t - now > (burst - 1) * interval then return nil end
        return t
      end
      local ci, cb = tonumber(ARGV[5]), tonumber(ARGV[6])
      local ti, tb = tonumber(ARGV[7]), tonumber(ARGV[8])
      local ct = tat(KEYS[3], ci, cb)
      if not ct then return {3, 0} end
      local tt = tat(KEYS[4], ti, tb)
      if not tt then return {4, 0} end
      redis.call('SET', KEYS[3], ct + ci, 'PX', math.ceil(ct + ci - now + 1000))
      redis.call('SET', KEYS[4], tt + ti, 'PX', math.ceil(tt + ti - now + 1000))
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[9])
      redis.call('ZADD', KEYS[2], ARGV[2], ARGV[9])
      return {0, math.floor(math.max(ct, tt) - now)}
      """;

  private final StringRedisTemplate redis;

  @SuppressWarnings("rawtypes")
  private final DefaultRedisScript<List> acquire = new DefaultRedisScript<>(ACQUIRE, List.class);

  private final Duration lease;
  private final Clock clock;

  RedisDialPacer(StringRedisTemplate redis, Duration lease, Clock clock) {
    this.redis = redis;
    this.lease = lease;
    this.clock = clock;
  }

  /**
   * The answer to a request for a call slot.
   *
   * @param verdict whether the slot was granted, or which limit refused it
   * @param startAt when a granted call should start: its place in the rate's even spacing, now or
   *     up to a second later; the request's time when refused
   */
  record Slot(Verdict verdict, Instant startAt) {
    boolean granted() {
      return verdict == Verdict.GRANTED;
    }
  }

  /**
   * Takes one call slot for {@code attemptId} if every limit allows it. A rate of {@code r} per
   * second grants bursts of at most {@code max(1, floor(r))} slots, each with a start time {@code
   * 1/r} s after the one before, so calls started at their times are evenly spaced.
   */
  Slot acquire(
      String campaignId,
      String trunk,
      String attemptId,
      int campaignMaxInFlight,
      double campaignPerSecond,
      int trunkMaxInFlight,
      double trunkPerSecond) {
    long now = clock.millis();
    List<?> result;
    try {
      result =
          redis.execute(
              acquire,
              List.of(
                  "cc:campaigns:inflight:campaign:" + campaignId,
                  "cc:campaigns:inflight:trunk:" + trunk,
                  "cc:campaigns:rate:campaign:" + campaignId,
                  "cc:campaigns:rate:trunk:" + trunk),
              Long.toString(now),
              Long.toString(now + lease.toMillis()),
              Integer.toString(campaignMaxInFlight),
              Integer.toString(trunkMaxInFlight),
              Double.toString(1000 / campaignPerSecond),
              Integer.toString(burst(campaignPerSecond)),
              Double.toString(1000 / trunkPerSecond),
              Integer.toString(burst(trunkPerSecond)),
              attemptId);
    } catch (DataAccessException e) {
      log.warn("Redis is unreachable, no dialing until it is back: {}", e.getMessage());
      return new Slot(Verdict.REDIS_UNAVAILABLE, Instant.ofEpochMilli(now));
    }
    int code = result == null || result.size() != 2 ? -1 : ((Number) result.get(0)).intValue();
    Verdict verdict =
        switch (code) {
          case 0 -> Verdict.GRANTED;
          case 1 -> Verdict.CAMPAIGN_CONCURRENCY;
          case 2 -> Verdict.TRUNK_CONCURRENCY;
          case 3 -> Verdict.CAMPAIGN_RATE;
          case 4 -> Verdict.TRUNK_RATE;
          default -> Verdict.REDIS_UNAVAILABLE;
        };
    long offset = code == 0 ? Math.max(0, ((Number) result.get(1)).longValue()) : 0;
    return new Slot(verdict, Instant.ofEpochMilli(now + offset));
  }

  static int burst(double perSecond) {
    return Math.max(1, (int) Math.floor(perSecond));
  }

  /** Frees the attempt's in-flight slots; the lease frees them anyway if this is never called. */
  void release(String campaignId, String trunk, String attemptId) {
    try {
      redis.opsForZSet().remove("cc:campaigns:inflight:campaign:" + campaignId, attemptId);
      redis.opsForZSet().remove("cc:campaigns:inflight:trunk:" + trunk, attemptId);
    } catch (DataAccessException e) {
      log.warn("could not free the slot of {} (its lease will): {}", attemptId, e.getMessage());
    }
  }

  /** Calls of a campaign in flight now, as Redis counts them (-1 if Redis is unreachable). */
  long inFlight(String campaignId) {
    try {
      String key = "cc:campaigns:inflight:campaign:" + campaignId;
      redis.opsForZSet().removeRangeByScore(key, Double.NEGATIVE_INFINITY, clock.millis());
      Long size = redis.opsForZSet().zCard(key);
      return size == null ? 0 : size;
    } catch (DataAccessException e) {
      return -1;
    }
  }
}

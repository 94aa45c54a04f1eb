package io.contactcenter.campaigns.internal;

import java.time.Clock;
import java.time.Duration;
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
  // fixed one-second slots which let twice the rate through across a slot boundary.
  // KEYS: 1 campaign in-flight set, 2 trunk in-flight set, 3 campaign rate TAT, 4 trunk rate TAT
  // ARGV: 1 now ms, 2 lease expiry ms, 3 campaign max in flight, 4 trunk max in flight,
  //       5 campaign interval ms, 6 campaign burst, 7 trunk interval ms, 8 trunk burst,
  //       9 attempt id
  private static final String ACQUIRE =
      """
      local now = tonumber(ARGV[1])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
      redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
      if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 1 end
      if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return 2 end
      local function tat(key, interval, burst)
        local t = tonumber(redis.call('GET', key) or '0')
        if t < now then t = now end
        if t - now > (burst - 1) * interval then return nil end
        return t
      end
      local ci, cb = tonumber(ARGV[5]), tonumber(ARGV[6])
      local ti, tb = tonumber(ARGV[7]), tonumber(ARGV[8])
      local ct = tat(KEYS[3], ci, cb)
      if not ct then return 3 end
      local tt = tat(KEYS[4], ti, tb)
      if not tt then return 4 end
      redis.call('SET', KEYS[3], ct + ci, 'PX', math.ceil(ct + ci - now + 1000))
      redis.call('SET', KEYS[4], tt + ti, 'PX', math.ceil(tt + ti - now + 1000))
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[9])
      redis.call('ZADD', KEYS[2], ARGV[2], ARGV[9])
      return 0
      """;

  private final StringRedisTemplate redis;
  private final DefaultRedisScript<Long> acquire = new DefaultRedisScript<>(ACQUIRE, Long.class);
  private final Duration lease;
  private final Clock clock;

  RedisDialPacer(StringRedisTemplate redis, Duration lease, Clock clock) {
    this.redis = redis;
    this.lease = lease;
    this.clock = clock;
  }

  /**
   * Takes one call slot for {@code attemptId} if every limit allows it. A rate of {@code r} per
   * second lets a start through every {@code 1/r} s, with bursts of at most {@code max(1,
   * floor(r))}.
   */
  Verdict acquire(
      String campaignId,
      String trunk,
      String attemptId,
      int campaignMaxInFlight,
      double campaignPerSecond,
      int trunkMaxInFlight,
      double trunkPerSecond) {
    long now = clock.millis();
    Long result;
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
      return Verdict.REDIS_UNAVAILABLE;
    }
    return switch (result == null ? -1 : result.intValue()) {
      case 0 -> Verdict.GRANTED;
      case 1 -> Verdict.CAMPAIGN_CONCURRENCY;
      case 2 -> Verdict.TRUNK_CONCURRENCY;
      case 3 -> Verdict.CAMPAIGN_RATE;
      case 4 -> Verdict.TRUNK_RATE;
      default -> Verdict.REDIS_UNAVAILABLE;
    };
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

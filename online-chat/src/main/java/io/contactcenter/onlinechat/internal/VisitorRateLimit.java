package io.contactcenter.onlinechat.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * At most n visitor messages per conversation per second, counted in Redis so every app instance
 * shares one count (a visitor's messages may reach different instances): a fixed one-second window
 * per conversation, one key per conversation and second ({@code INCR}, expiring after two seconds).
 * A flooding script is told to slow down instead of filling the agent's screen.
 *
 * <p>If Redis cannot be reached, messages are not limited (a warning is logged at most once a
 * minute), as sign-in throttling does: a chat must not stop because its guard is down.
 */
final class VisitorRateLimit {

  static final String PREFIX = "cc:chat:rate:";
  private static final Logger log = LoggerFactory.getLogger(VisitorRateLimit.class);

  // One round trip, and the counter never outlives its window: INCR, and set the expiry with the
  // first count (a crash between two separate commands would leave a key without one).
  private static final RedisScript<Long> COUNT =
      RedisScript.of(
          """
          local n = redis.call('INCR', KEYS[1])
          if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
          return n
          """,
          Long.class);

  private final StringRedisTemplate redis;
  private final int perSecond;
  private final Clock clock;
  private final AtomicLong lastWarning = new AtomicLong();

  VisitorRateLimit(StringRedisTemplate redis, int perSecond, Clock clock) {
    this.redis = redis;
    this.perSecond = perSecond;
    this.clock = clock;
  }

  boolean allow(String conversationId) {
    long second = clock.millis() / 1000;
    Long n;
    try {
      // Two seconds: the window's own second, and slack for clocks of instances that differ a bit.
      n = redis.execute(COUNT, List.of(PREFIX + conversationId + ":" + second), "2000");
    } catch (DataAccessException e) {
      unavailable(e);
      return true;
    }
    return n == null || n <= perSecond;
  }

  int perSecond() {
    return perSecond;
  }

  /** At most one warning a minute: a flood while Redis is down must not flood the log too. */
  private void unavailable(DataAccessException e) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if ((last == 0 || now - last > 60_000_000_000L) && lastWarning.compareAndSet(last, now)) {
      log.warn(
          "chat rate limit unavailable (Redis), visitors' messages are not limited: {}",
          e.getMessage());
    }
  }
}

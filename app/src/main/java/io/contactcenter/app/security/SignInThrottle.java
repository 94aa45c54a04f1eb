package io.contactcenter.app.security;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Counts failed sign-ins per account and per source address in Redis, shared by every instance, and
 * refuses attempts while the delay earned by the failures runs ({@link SecurityProperties.SignIn}
 * says how it grows). Checked before any password is hashed, so a locked account or address costs
 * two Redis reads, not a hash.
 *
 * <p>If Redis cannot be reached, sign-in is not throttled (a warning is logged): the password hash
 * is still bounded by its own threads ({@code BoundedPasswordHashing}).
 */
public class SignInThrottle {

  private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
  private static final String PREFIX = "cc:signin:";

  private final StringRedisTemplate redis;
  private final SecurityProperties.SignIn config;
  private final AuditLog audit;
  private final AtomicLong lastWarning = new AtomicLong();

  SignInThrottle(StringRedisTemplate redis, SecurityProperties.SignIn config, AuditLog audit) {
    this.redis = redis;
    this.config = config;
    this.audit = audit;
  }

  /**
   * Refuses the attempt if the account or the address must still wait.
   *
   * @throws SignInThrottledException saying for how long
   */
  void check(String username, String address) {
    try {
      Duration account = remaining(accountKey(username));
      if (!account.isZero()) {
        throw new SignInThrottledException("for this account", account);
      }
      Duration fromAddress = address == null ? Duration.ZERO : remaining(addressKey(address));
      if (!fromAddress.isZero()) {
        throw new SignInThrottledException("from this address", fromAddress);
      }
    } catch (DataAccessException e) {
      unavailable(e);
    }
  }

  /** Counts a failure for the account (if a name was given) and the address. */
  void failed(String username, String address) {
    try {
      if (username != null && !username.isBlank()) {
        count(
            accountKey(username),
            config.accountFreeFailures(),
            config.accountLockAfter(),
            username);
      }
      if (address != null) {
        count(
            addressKey(address),
            config.addressFreeFailures(),
            config.addressLockAfter(),
            "address:" + address);
      }
    } catch (DataAccessException e) {
      unavailable(e);
    }
  }

  /** A successful sign-in clears the account's count (not the address's). */
  void succeeded(String username) {
    try {
      redis.delete(accountKey(username) + ":n");
      redis.delete(accountKey(username) + ":wait");
    } catch (DataAccessException e) {
      unavailable(e);
    }
  }

  /** At most one warning a minute: a flood while Redis is down must not flood the log too. */
  private void unavailable(DataAccessException e) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if ((last == 0 || now - last > 60_000_000_000L) && lastWarning.compareAndSet(last, now)) {
      log.warn(
          "sign-in throttle unavailable (Redis), sign-in is not throttled: {}", e.getMessage());
    }
  }

  private void count(String key, int free, int lockAfter, String subject) {
    Long n = redis.opsForValue().increment(key + ":n");
    redis.expire(key + ":n", config.lockDuration());
    if (n == null || n <= free) {
      return;
    }
    Duration wait;
    if (n >= lockAfter) {
      wait = config.lockDuration();
    } else {
      long seconds = 1L << Math.min(30, n - free - 1);
      wait = Duration.ofSeconds(seconds);
      if (wait.compareTo(config.lockDuration()) > 0) {
        wait = config.lockDuration();
      }
    }
    redis.opsForValue().set(key + ":wait", Long.toString(n), wait);
    if (n == lockAfter) {
      log.warn("sign-in locked for {} after {} failures", subject, n);
      audit.record(
          Actor.SYSTEM,
          AuditAction.SIGN_IN_LOCKED,
          subject,
          n + " failed sign-ins; locked for " + config.lockDuration());
    }
  }

  private Duration remaining(String key) {
    Long millis = redis.getExpire(key + ":wait", java.util.concurrent.TimeUnit.MILLISECONDS);
    return millis == null || millis <= 0 ? Duration.ZERO : Duration.ofMillis(millis);
  }

  private static String accountKey(String username) {
    String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
    // Real names have at most 64 characters; a made-up one must not make a huge key.
    return PREFIX + "user:" + (name.length() > 80 ? name.substring(0, 80) : name);
  }

  private static String addressKey(String address) {
    return PREFIX + "addr:" + address;
  }
}

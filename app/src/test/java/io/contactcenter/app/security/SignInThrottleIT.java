package io.contactcenter.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;

/**
 * The sign-in throttle against a real Redis: delays that double, a temporary lock at the limit that
 * ends by itself, counts shared by two instances, and sign-in that still works without Redis.
 */
class SignInThrottleIT {

  static RedisServer redis;
  static StringRedisTemplate template;
  static JedisConnectionFactory factory;

  private final AuditLog audit = mock(AuditLog.class);
  // Small numbers so a test sees the whole progression: 2 free, delays 1 s then 2 s, lock at 4.
  private final SecurityProperties.SignIn config =
      new SecurityProperties.SignIn(2, 4, 3, 6, Duration.ofSeconds(3));

  @BeforeAll
  static void startRedis() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    redis =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("dir " + Files.createTempDirectory("throttle-redis"))
            .build();
    redis.start();
    factory = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
    factory.afterPropertiesSet();
    factory.start();
    template = new StringRedisTemplate(factory);
  }

  @AfterAll
  static void stopRedis() throws IOException {
    factory.destroy();
    redis.stop();
  }

  @Test
  void delaysDoubleThenTheAccountIsLockedUntilTheLockEnds() {
    SignInThrottle throttle = new SignInThrottle(template, config, audit);
    String user = "lock-" + System.nanoTime();

    throttle.failed(user, null);
    throttle.failed(user, null);
    throttle.check(user, null); // two failures are free

    throttle.failed(user, null);
    assertThatThrownBy(() -> throttle.check(user, null))
        .isInstanceOf(SignInThrottledException.class)
        .hasMessage("too many failed sign-ins for this account; try again in 1 s");
    await().atMost(Duration.ofSeconds(3)).until(() -> allowed(throttle, user));

    throttle.failed(user, null);
    SignInThrottledException locked = catchThrottled(throttle, user, null);
    assertThat(locked.retryAfterSeconds()).isEqualTo(3);
    verify(audit).record(eq(Actor.SYSTEM), eq(AuditAction.SIGN_IN_LOCKED), eq(user), anyString());

    await().atMost(Duration.ofSeconds(5)).until(() -> allowed(throttle, user));
  }

  @Test
  void twoInstancesCountTheSameFailuresAndASuccessClearsTheAccount() {
    SignInThrottle a = new SignInThrottle(template, config, audit);
    SignInThrottle b = new SignInThrottle(template, config, audit);
    String user = "shared-" + System.nanoTime();

    a.failed(user, null);
    b.failed(user, null);
    a.failed(user, null);

    assertThatThrownBy(() -> b.check(user, null)).isInstanceOf(SignInThrottledException.class);
    a.succeeded(user);
    b.check(user, null);
  }

  @Test
  void anAddressIsThrottledWhateverNamesItTries() {
    SignInThrottle throttle = new SignInThrottle(template, config, audit);
    String address = "192.0.2." + (System.nanoTime() % 250);

    for (int i = 0; i < 4; i++) {
      throttle.failed("spray-" + i + "-" + System.nanoTime(), address);
    }

    assertThat(catchThrottled(throttle, "anyone", address))
        .hasMessageContaining("from this address");
    throttle.check("anyone", "198.51.100.7"); // other addresses are not affected
  }

  @Test
  void withoutRedisSignInIsNotThrottled() {
    JedisConnectionFactory nowhere =
        new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
    nowhere.afterPropertiesSet();
    nowhere.start();
    try {
      SignInThrottle throttle = new SignInThrottle(new StringRedisTemplate(nowhere), config, audit);
      for (int i = 0; i < 10; i++) {
        throttle.failed("user", "192.0.2.1");
      }
      throttle.check("user", "192.0.2.1");
      verify(audit, times(0)).record(any(), any(), any(), any());
    } finally {
      nowhere.destroy();
    }
  }

  private static boolean allowed(SignInThrottle throttle, String user) {
    try {
      throttle.check(user, null);
      return true;
    } catch (SignInThrottledException e) {
      return false;
    }
  }

  private static SignInThrottledException catchThrottled(
      SignInThrottle throttle, String user, String address) {
    try {
      throttle.check(user, address);
    } catch (SignInThrottledException e) {
      return e;
    }
    throw new AssertionError("expected the sign-in to be throttled");
  }
}

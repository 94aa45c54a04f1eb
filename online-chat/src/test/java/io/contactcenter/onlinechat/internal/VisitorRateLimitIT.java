package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * The visitor's message limit against a real Redis: two app instances count one conversation's
 * messages together, a new second starts a new count, and without Redis a chat goes on unlimited.
 */
class VisitorRateLimitIT {

  static RedisServer redis;
  static JedisConnectionFactory factory;
  static StringRedisTemplate template;

  // Both "instances" see the same second, so the test does not depend on when it runs.
  private final Clock second =
      Clock.fixed(Instant.parse("2026-12-03T10:00:00.250Z"), ZoneOffset.UTC);
  private final Clock next = Clock.fixed(Instant.parse("2026-12-03T10:00:01.100Z"), ZoneOffset.UTC);

  @BeforeAll
  static void startRedis() throws IOException {
    int port = freePort();
    // As the embedded mode runs it: Debian's redis-server, no default user, and a user without
    // Redis's dangerous commands, which the limiter's script must not need.
    File debian = new File("/usr/bin/redis-server");
    redis =
        RedisServer.newRedisServer()
            .executableProvider(
                debian.canExecute() ? () -> debian : ExecutableProvider.newJarResourceProvider())
            .port(port)
            .bind("127.0.0.1")
            .setting("dir " + Files.createTempDirectory("chat-rate-redis"))
            .setting("user default off")
            .setting("user cc on >chat-test-password ~* &* +@all -@dangerous +info")
            .build();
    redis.start();
    factory = factory(port);
    template = new StringRedisTemplate(factory);
  }

  @AfterAll
  static void stopRedis() throws IOException {
    factory.destroy();
    redis.stop();
  }

  @Test
  void twoInstancesShareOneCountPerConversation() {
    VisitorRateLimit a = new VisitorRateLimit(template, 5, second);
    VisitorRateLimit b = new VisitorRateLimit(template, 5, second);
    String conversation = UUID.randomUUID().toString();

    assertThat(a.allow(conversation)).isTrue();
    assertThat(b.allow(conversation)).isTrue();
    assertThat(a.allow(conversation)).isTrue();
    assertThat(b.allow(conversation)).isTrue();
    assertThat(a.allow(conversation)).isTrue();
    // The sixth message of the second, whichever instance it reaches, is refused.
    assertThat(b.allow(conversation)).isFalse();
    assertThat(a.allow(conversation)).isFalse();

    // Another visitor's conversation has its own count.
    assertThat(b.allow(UUID.randomUUID().toString())).isTrue();

    // The next second starts a new count.
    VisitorRateLimit later = new VisitorRateLimit(template, 5, next);
    assertThat(later.allow(conversation)).isTrue();
  }

  @Test
  void countersExpireWithTheirWindow() {
    VisitorRateLimit a = new VisitorRateLimit(template, 5, second);
    String conversation = UUID.randomUUID().toString();
    a.allow(conversation);

    Long ttl =
        template.getExpire(VisitorRateLimit.PREFIX + conversation + ":" + second.millis() / 1000);
    assertThat(ttl).isBetween(1L, 2L);
  }

  @Test
  void withoutRedisMessagesAreNotLimited() throws IOException {
    JedisConnectionFactory nowhere = factory(freePort());
    try {
      VisitorRateLimit cutOff = new VisitorRateLimit(new StringRedisTemplate(nowhere), 1, second);
      String conversation = UUID.randomUUID().toString();
      assertThat(cutOff.allow(conversation)).isTrue();
      assertThat(cutOff.allow(conversation)).isTrue();
      assertThat(cutOff.allow(conversation)).isTrue();
    } finally {
      nowhere.destroy();
    }
  }

  private static JedisConnectionFactory factory(int port) {
    RedisStandaloneConfiguration config = new RedisStandaloneConfiguration("127.0.0.1", port);
    config.setUsername("cc");
    config.setPassword("chat-test-password");
    JedisConnectionFactory f = new JedisConnectionFactory(config);
    f.afterPropertiesSet();
    f.start();
    return f;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

package io.contactcenter.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.campaigns.internal.RedisDialPacer.Verdict;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * The dialing limits against a real Redis: two instances sharing it never exceed the concurrency or
 * the rate together, slots come back on release or lease expiry, and without Redis nothing is
 * dialed.
 */
class RedisDialPacerIT {

  static RedisServer redis;
  static StringRedisTemplate template;
  static JedisConnectionFactory factory;

  @BeforeAll
  static void startRedis() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    // As the embedded mode runs it: Debian's redis-server, no default user, and a user without
    // Redis's dangerous commands, which the pacer's Lua scripts must not need.
    File debian = new File("/usr/bin/redis-server");
    redis =
        RedisServer.newRedisServer()
            .executableProvider(
                debian.canExecute() ? () -> debian : ExecutableProvider.newJarResourceProvider())
            .port(port)
            .bind("127.0.0.1")
            .setting("dir " + Files.createTempDirectory("pacer-redis"))
            .setting("user default off")
            .setting("user cc on >pacer-test-password ~* &* +@all -@dangerous +info")
            .build();
    redis.start();
    RedisStandaloneConfiguration config = new RedisStandaloneConfiguration("127.0.0.1", port);
    config.setUsername("cc");
    config.setPassword("pacer-test-password");
    factory = new JedisConnectionFactory(config);
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
  void twoInstancesTogetherKeepTheCampaignsConcurrencyLimit() {
    MutableClock clock = new MutableClock();
    RedisDialPacer a = new RedisDialPacer(template, Duration.ofMinutes(15), clock);
    RedisDialPacer b = new RedisDialPacer(template, Duration.ofMinutes(15), clock);

    assertThat(acquire(a, "c1", "t1", "a1", 3, 100)).isEqualTo(Verdict.GRANTED);
    assertThat(acquire(b, "c1", "t1", "b1", 3, 100)).isEqualTo(Verdict.GRANTED);
    assertThat(acquire(a, "c1", "t1", "a2", 3, 100)).isEqualTo(Verdict.GRANTED);
    assertThat(acquire(b, "c1", "t1", "b2", 3, 100)).isEqualTo(Verdict.CAMPAIGN_CONCURRENCY);
    assertThat(a.inFlight("c1")).isEqualTo(3);

    a.release("c1", "t1", "b1"); // any instance may settle any attempt
    assertThat(acquire(b, "c1", "t1", "b2", 3, 100)).isEqualTo(Verdict.GRANTED);
  }

  @Test
  void theTrunkLimitSpansCampaigns() {
    MutableClock clock = new MutableClock();
    RedisDialPacer pacer = new RedisDialPacer(template, Duration.ofMinutes(15), clock);
    for (int i = 0; i < 2; i++) {
      assertThat(pacer.acquire("c2-" + i, "t2", "x" + i, 10, 100, 2, 100).verdict())
          .isEqualTo(Verdict.GRANTED);
    }
    assertThat(pacer.acquire("c2-9", "t2", "x9", 10, 100, 2, 100).verdict())
        .isEqualTo(Verdict.TRUNK_CONCURRENCY);
  }

  @Test
  void aCrashedInstancesSlotsFreeThemselvesAfterTheLease() {
    MutableClock clock = new MutableClock();
    RedisDialPacer pacer = new RedisDialPacer(template, Duration.ofMinutes(15), clock);
    assertThat(acquire(pacer, "c3", "t3", "gone", 1, 100)).isEqualTo(Verdict.GRANTED);
    assertThat(acquire(pacer, "c3", "t3", "next", 1, 100)).isEqualTo(Verdict.CAMPAIGN_CONCURRENCY);

    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(acquire(pacer, "c3", "t3", "next", 1, 100)).isEqualTo(Verdict.GRANTED);
  }

  @Test
  void theRateHoldsOverEveryWindowIncludingAcrossSecondBoundaries() {
    MutableClock clock = new MutableClock();
    clock.set(Instant.parse("2026-12-01T10:00:00.900Z")); // just before a second boundary
    RedisDialPacer a = new RedisDialPacer(template, Duration.ofMinutes(15), clock);
    RedisDialPacer b = new RedisDialPacer(template, Duration.ofMinutes(15), clock);
    int granted = 0;
    int grantedInFirst200ms = 0;
    // 2 instances asking every 10 ms for 1 s, at 5 calls per second: at most the burst (5) plus
    // one per 200 ms in any window, even across the second boundary 100 ms in (where counting
    // per calendar second would let 10 through).
    for (int ms = 0; ms < 1000; ms += 10) {
      for (RedisDialPacer p : new RedisDialPacer[] {a, b}) {
        if (acquire(p, "c4", "t4", "r" + ms + p.hashCode(), 1000, 5) == Verdict.GRANTED) {
          granted++;
          if (ms < 200) {
            grantedInFirst200ms++;
          }
        }
      }
      clock.advance(Duration.ofMillis(10));
    }
    assertThat(grantedInFirst200ms).isEqualTo(5);
    assertThat(granted).isEqualTo(9);
  }

  @Test
  void aBurstOfSlotsComesWithStartTimesOneIntervalApart() {
    MutableClock clock = new MutableClock();
    Instant now = Instant.parse("2026-12-01T11:00:00.000Z");
    clock.set(now);
    RedisDialPacer a = new RedisDialPacer(template, Duration.ofMinutes(15), clock);
    RedisDialPacer b = new RedisDialPacer(template, Duration.ofMinutes(15), clock);
    List<Instant> starts = new ArrayList<>();
    // Two instances take the whole burst of a 5-per-second campaign at the same instant.
    for (int i = 0; i < 5; i++) {
      RedisDialPacer.Slot slot = (i % 2 == 0 ? a : b).acquire("c6", "t6", "s" + i, 100, 5, 100, 50);
      assertThat(slot.verdict()).isEqualTo(Verdict.GRANTED);
      starts.add(slot.startAt());
    }
    assertThat(a.acquire("c6", "t6", "s5", 100, 5, 100, 50).verdict())
        .isEqualTo(Verdict.CAMPAIGN_RATE);

    // Started at their times, the five calls are 200 ms apart: 5 in a second, never 5 at once.
    assertThat(starts)
        .containsExactly(
            now,
            now.plusMillis(200),
            now.plusMillis(400),
            now.plusMillis(600),
            now.plusMillis(800));
  }

  @Test
  void withoutRedisNothingIsDialed() {
    JedisConnectionFactory nowhere =
        new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
    nowhere.afterPropertiesSet();
    nowhere.start();
    try {
      RedisDialPacer pacer =
          new RedisDialPacer(
              new StringRedisTemplate(nowhere), Duration.ofMinutes(1), Clock.systemUTC());
      assertThat(acquire(pacer, "c5", "t5", "x", 10, 10)).isEqualTo(Verdict.REDIS_UNAVAILABLE);
      assertThat(pacer.inFlight("c5")).isEqualTo(-1);
    } finally {
      nowhere.destroy();
    }
  }

  private static Verdict acquire(
      RedisDialPacer pacer,
      String campaign,
      String trunk,
      String attempt,
      int maxInFlight,
      double perSecond) {
    return pacer.acquire(campaign, trunk, attempt, maxInFlight, perSecond, 1000, 1000).verdict();
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    void set(Instant instant) {
      now = instant;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

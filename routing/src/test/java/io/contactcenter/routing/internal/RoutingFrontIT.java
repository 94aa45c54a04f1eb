package io.contactcenter.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.testinfra.TestInfrastructure;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Calls forwarded to the routing instance across a failover (ADR 0030, ADR 0053 addendum), on the
 * real test PostgreSQL (the leader's lock and row) and Redis (the call lists). An instance learns
 * of a new leader only at its next look, so a call can be pushed onto the list of a leader that has
 * just died: it must reach the new leader (or run here, if this instance took the lead), not time
 * out; and a call the old leader took must never run twice.
 */
class RoutingFrontIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  // Instances of the test look at the lead only when the test says (check()), so it knows what
  // each believes.
  private static final Duration NO_LOOKS = Duration.ofHours(1);

  static HikariDataSource db;
  static final List<JedisConnectionFactory> factories = new ArrayList<>();

  private final List<RoutingLeadership> started = new ArrayList<>();
  private final List<String> answered = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void database() {
    db = TestInfrastructure.moduleDatabase(8);
  }

  @AfterAll
  static void close() {
    factories.forEach(JedisConnectionFactory::destroy);
    db.close();
  }

  @AfterEach
  void stopInstances() {
    started.forEach(RoutingLeadership::stop);
  }

  @Test
  void aCallSentToALeaderThatDiedIsAnsweredByTheInstanceThatTookTheLead() throws Exception {
    Instance a = instance("a");
    Instance b = instance("b");
    assertThat(a.leadership.leading()).isTrue();
    assertThat(b.leadership.leader()).contains(a.leadership.instanceId());

    a.leadership.stop(); // a dies; b still believes a routes
    CompletableFuture<AgentStatus> call = CompletableFuture.supplyAsync(() -> b.api.status("7"));
    awaitQueued(a);
    b.leadership.check(); // b's next look: it takes the lead

    AgentStatus status = call.get(3 * TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(status.reason()).isEqualTo("b");
    assertThat(answered).containsExactly("b:status:7");
  }

  @Test
  void aCallSentToALeaderThatDiedIsSentOnToTheNextLeader() throws Exception {
    Instance a = instance("a");
    Instance b = instance("b");
    Instance c = instance("c");
    assertThat(b.leadership.leader()).contains(a.leadership.instanceId());

    a.leadership.stop();
    CompletableFuture<AgentStatus> call = CompletableFuture.supplyAsync(() -> b.api.status("8"));
    awaitQueued(a);
    c.leadership.check(); // c takes the lead
    b.leadership.check(); // b learns it

    AgentStatus status = call.get(3 * TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(status.reason()).isEqualTo("c");
    assertThat(answered).containsExactly("c:status:8");
  }

  @Test
  void aCallTheOldLeaderTookIsNotRunAgainWhenTheLeadMoves() throws Exception {
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Instance a = instance("a", taken, release);
    Instance b = instance("b");
    Instance c = instance("c");

    CompletableFuture<AgentStatus> call = CompletableFuture.supplyAsync(() -> b.api.status("9"));
    assertThat(taken.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue(); // a is running it
    a.leadership.stop();
    c.leadership.check();
    b.leadership.check();
    // b looks at the lead while a still runs the call: it is not in a's list, so b waits.
    Thread.sleep(1_500);
    release.countDown();

    AgentStatus status = call.get(3 * TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(status.reason()).isEqualTo("a");
    assertThat(answered).containsExactly("a:status:9");
  }

  /** Waits until the call is in the dead leader's list, where nobody takes it. */
  private void awaitQueued(Instance dead) {
    String key = RoutingFront.CALLS + dead.leadership.instanceId();
    await("the call reached " + key)
        .atMost(TIMEOUT)
        .until(() -> Optional.ofNullable(dead.redis.opsForList().size(key)).orElse(0L) > 0);
  }

  private Instance instance(String name) {
    return instance(name, null, null);
  }

  /**
   * One application instance's routing front and leadership, with an engine that answers {@code
   * status} with its own name; it takes the lead if nobody has it. With latches, the engine signals
   * {@code taken} and holds the call until {@code release}.
   */
  private Instance instance(String name, CountDownLatch taken, CountDownLatch release) {
    StringRedisTemplate redis = new StringRedisTemplate(redis());
    RoutingLeadership leadership = new RoutingLeadership(db, true, NO_LOOKS);
    RoutingFront.Engine engine =
        (RoutingFront.Engine)
            Proxy.newProxyInstance(
                RoutingFront.Engine.class.getClassLoader(),
                new Class<?>[] {RoutingFront.Engine.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "lead", "follow" -> null;
                      case "status" -> {
                        if (taken != null) {
                          taken.countDown();
                          release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                        }
                        answered.add(name + ":status:" + args[0]);
                        yield new AgentStatus(
                            (String) args[0], AgentState.READY, name, null, List.of(), List.of());
                      }
                      case "toString" -> "engine " + name;
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    RoutingFront front =
        new RoutingFront(
            engine,
            leadership,
            new RoutingCalls(
                JsonMapper.builder()
                    .findAndAddModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .build()),
            redis,
            TIMEOUT,
            new LeftoverRoutingEvents(Optional.empty(), java.time.Clock.systemUTC()));
    leadership.onTerms(front);
    leadership.start();
    started.add(leadership);
    return new Instance(leadership, front.api(), redis);
  }

  private static JedisConnectionFactory redis() {
    TestInfrastructure.Services services = TestInfrastructure.services();
    JedisConnectionFactory factory =
        new JedisConnectionFactory(
            new RedisStandaloneConfiguration(services.redisHost(), services.redisPort()));
    factory.afterPropertiesSet();
    factory.start();
    factories.add(factory);
    return factory;
  }

  private record Instance(
      RoutingLeadership leadership, RoutingFront.Api api, StringRedisTemplate redis) {}
}

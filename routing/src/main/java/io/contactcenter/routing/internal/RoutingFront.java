package io.contactcenter.routing.internal;

import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.ContactRouting;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The routing API every module uses, on every instance (ADR 0030). On the instance that routes (see
 * {@link RoutingLeadership}) a call goes straight to its {@link RoutingEngine}, as with one
 * instance. On the others it is forwarded over Redis: the request is pushed onto the leader's list
 * {@code cc:routing:calls:<leader id>}, the leader runs it on its engine and pushes the reply (the
 * result, or the routing exception) onto the caller's own list, which the caller waits on for up to
 * {@code cc.routing.forward-timeout}. Only {@code isOpen} is answered locally: every instance has
 * the queues' hours.
 *
 * <p>A request can reach the list of a leader that has just died: the sender learns of a new leader
 * only at its next look. While it waits, the sender looks each second whether the lead has moved;
 * if it has and its request is still in the old leader's list (nobody took it), it takes it back
 * and sends it to the new leader, or runs it here if this instance leads now. A request the old
 * leader took is never sent twice: its caller waits for that answer, and fails at the timeout.
 */
final class RoutingFront implements InvocationHandler, RoutingLeadership.Term {

  /** The routing API as one type: the bean other modules get as ContactRouting or AgentDesk. */
  interface Api extends ContactRouting, AgentDesk {}

  /** What runs the calls on the instance that routes: the {@link RoutingEngine}. */
  interface Engine extends Api {
    /** This instance now routes: load the stored order (a leadership term starts). */
    void lead();

    /** This instance no longer routes. */
    void follow();
  }

  static final String CALLS = "cc:routing:calls:";
  static final String REPLIES = "cc:routing:reply:";

  private static final Logger log = LoggerFactory.getLogger(RoutingFront.class);
  // How long a request may wait for a leader that died with it in its list.
  private static final Duration CALLS_KEPT = Duration.ofSeconds(60);

  private final Engine engine;
  private final RoutingLeadership leadership;
  private final RoutingCalls calls;
  private final StringRedisTemplate redis;
  private final Duration timeout;
  private final LeftoverRoutingEvents leftovers;
  // Platform threads: the Redis client blocks in synchronized code, which would pin virtual ones.
  private final ExecutorService handlers =
      Executors.newCachedThreadPool(
          Thread.ofPlatform().name("routing-call-", 0).daemon().factory());
  private volatile Thread server;

  RoutingFront(
      Engine engine,
      RoutingLeadership leadership,
      RoutingCalls calls,
      StringRedisTemplate redis,
      Duration timeout,
      LeftoverRoutingEvents leftovers) {
    this.engine = engine;
    this.leftovers = leftovers;
    this.leadership = leadership;
    this.calls = calls;
    this.redis = redis;
    // Redis blocks for whole seconds at most; 0 would wait for ever.
    this.timeout = timeout.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : timeout;
  }

  /** The routing API backed by this front. */
  Api api() {
    return (Api)
        Proxy.newProxyInstance(Api.class.getClassLoader(), new Class<?>[] {Api.class}, this);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "routing front of " + engine;
      };
    }
    if (leadership.leading() || method.getName().equals("isOpen")) {
      return local(method, args);
    }
    Optional<String> leader = leadership.leader();
    // While the lead changes hands (a leader stopped, the others look every leader-check), wait
    // for the next one rather than fail the caller at once.
    long deadline = System.nanoTime() + timeout.toNanos();
    while (leader.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      if (leadership.leading()) {
        return local(method, args);
      }
      leader = leadership.leader();
    }
    return forward(
        leader.orElseThrow(
            () ->
                new IllegalStateException(
                    "no instance routes contacts at the moment; try again shortly")),
        method,
        args);
  }

  private Object local(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(engine, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private Object forward(String leader, Method method, Object[] args) throws Throwable {
    String replyTo = REPLIES + UUID.randomUUID();
    String request = calls.request(method, args, replyTo);
    String sentTo = leader;
    send(sentTo, request);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      // Redis blocks for whole seconds: look at the lead between them.
      String reply = redis.opsForList().rightPop(replyTo, Duration.ofSeconds(1));
      if (reply != null) {
        return calls.reply(method, reply);
      }
      Optional<String> now = leadership.leader();
      if (now.isEmpty() || now.get().equals(sentTo)) {
        continue;
      }
      Long taken = redis.opsForList().remove(CALLS + sentTo, 1, request);
      if (taken == null || taken == 0) {
        continue; // the old leader took it: only its answer may come
      }
      log.info(
          "a forwarded {} waited for instance {}, which no longer routes; sent to {}",
          method.getName(),
          sentTo,
          now.get());
      if (leadership.leading()) {
        return local(method, args);
      }
      sentTo = now.get();
      send(sentTo, request);
      deadline = System.nanoTime() + timeout.toNanos();
    }
    throw new IllegalStateException(
        "the routing instance did not answer " + method.getName() + " within " + timeout);
  }

  private void send(String leader, String request) {
    String key = CALLS + leader;
    redis.opsForList().leftPush(key, request);
    redis.expire(key, CALLS_KEPT);
  }

  // ---- the leader's side ----

  @Override
  public void lead() {
    Instant termStart = leftovers.now();
    engine.lead();
    String me = leadership.instanceId();
    Thread t = Thread.ofPlatform().name("routing-calls").daemon().unstarted(() -> serve(me));
    server = t;
    t.start();
    // What a dead leader stored and never delivered (ADR 0053): off the leadership's thread.
    Thread.ofPlatform()
        .name("routing-leftover-events")
        .daemon()
        .start(() -> leftovers.resubmit(termStart));
  }

  @Override
  public void follow() {
    Thread t = server;
    server = null;
    if (t != null) {
      t.interrupt();
    }
    engine.follow();
  }

  /** Takes forwarded calls off this leader's list while it leads; each runs on a pool thread. */
  private void serve(String me) {
    String key = CALLS + me;
    while (server == Thread.currentThread()) {
      try {
        String request = redis.opsForList().rightPop(key, Duration.ofSeconds(1));
        if (request != null && server != Thread.currentThread()) {
          // Taken as the lead was lost: back where it was, for its sender to send to the next
          // leader.
          redis.opsForList().rightPush(key, request);
        } else if (request != null) {
          handlers.execute(() -> handle(request));
        }
      } catch (DataAccessException e) {
        log.warn("cannot take forwarded routing calls from Redis: {}", e.getMessage());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void handle(String text) {
    RoutingCalls.Request request;
    try {
      request = calls.request(text);
    } catch (IllegalArgumentException e) {
      log.warn("dropped a forwarded routing call: {}", e.getMessage());
      return;
    }
    String reply;
    try {
      if (server != null) {
        reply = calls.result(request.method().invoke(engine, request.arguments()));
      } else {
        // Taken off the list just as the lead was lost: the caller fails, and the new leader
        // holds the contacts.
        reply = calls.failure(new IllegalStateException("this instance no longer routes contacts"));
      }
    } catch (InvocationTargetException e) {
      reply = calls.failure(e.getCause());
    } catch (IllegalAccessException | RuntimeException e) {
      reply = calls.failure(e);
    }
    try {
      redis.opsForList().leftPush(request.replyTo(), reply);
      redis.expire(request.replyTo(), CALLS_KEPT);
    } catch (DataAccessException e) {
      log.warn("could not reply to a forwarded {}: {}", request.method().getName(), e.getMessage());
    }
  }
}

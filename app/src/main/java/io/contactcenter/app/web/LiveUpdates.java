package io.contactcenter.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.app.security.AccountWatch;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server push for the pages people watch (campaign progress, a robot call, the wallboard): one
 * thread looks at every watched thing once a {@link #PERIOD} and sends a server-sent event only
 * when it changed, so an idle page costs no traffic and a moving one sees each change within a
 * second. A stream may belong to a topic: whoever changes the topic's thing {@link #nudge nudges}
 * it, and its pages are looked at {@link #NUDGE_DELAY} later instead of at the next tick. When the
 * thing is over (a finished call, a campaign with nothing left in flight) the last state is sent,
 * then an {@code end} event, and the stream closes; the browser's EventSource reconnects on its own
 * after a network failure.
 *
 * <p>Each look runs on a virtual thread of its own, at most one at a time per page: a page whose
 * read is slow (a query waiting on a lock) or whose socket stopped draining holds back only itself,
 * never the other pages' pushes. A look asked for while the page's previous one runs is done once
 * right after it, so a change in the middle of a slow read is not left for the next tick.
 *
 * <p>A stream is one request that lasts minutes, so the account that opened it is checked again
 * every {@link #ACCESS_CHECK} ({@link AccountWatch}): when it was disabled, its password reset or
 * its roles changed, the stream gets an {@code account-changed} event and closes, and the page's
 * reconnect is a new request held to the account as it is now.
 */
@Component
class LiveUpdates implements DisposableBean {

  static final Duration PERIOD = Duration.ofSeconds(1);

  /**
   * A nudged topic is looked at this long after the first nudge: a burst of changes (an agent
   * accepting a call moves a queue and an agent at once) costs one look, not one per change.
   */
  static final Duration NUDGE_DELAY = Duration.ofMillis(50);

  /** An idle stream gets a comment this often. */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  /** How often a stream's account is checked again. */
  static final Duration ACCESS_CHECK = Duration.ofSeconds(5);

  /** A stream closes after this long; the page's EventSource then opens a fresh one. */
  private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

  private final ObjectMapper json;
  private final Supplier<BooleanSupplier> access;
  private final Set<Watch<?>> watches = ConcurrentHashMap.newKeySet();
  private final Set<String> nudged = ConcurrentHashMap.newKeySet();
  private final ExecutorService lookers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "live-updates");
            thread.setDaemon(true);
            return thread;
          });

  @Autowired
  LiveUpdates(ObjectMapper json, AccountWatch accounts) {
    this(json, PERIOD, accounts::capture);
  }

  /** Streams nobody's account is checked for (tests). */
  LiveUpdates(ObjectMapper json) {
    this(json, PERIOD);
  }

  /** With another period between ticks (tests). */
  LiveUpdates(ObjectMapper json, Duration period) {
    this(json, period, () -> () -> true);
  }

  /**
   * @param access called on the request's thread when a stream opens; the check it returns is asked
   *     every {@link #ACCESS_CHECK} while the stream is open
   */
  LiveUpdates(ObjectMapper json, Duration period, Supplier<BooleanSupplier> access) {
    this.json = json;
    this.access = access;
    ticker.scheduleWithFixedDelay(
        this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * A stream of {@code state}'s value, sent now and at every change until {@code over} holds.
   *
   * @param state read on the ticker thread; must be cheap (one or two queries)
   */
  <T> SseEmitter stream(Supplier<T> state, Predicate<T> over) {
    return stream(state, over, null);
  }

  /**
   * As {@link #stream(Supplier, Predicate)}, also looked at when {@code topic} is {@link #nudge
   * nudged}.
   */
  <T> SseEmitter stream(Supplier<T> state, Predicate<T> over, String topic) {
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
    Watch<T> watch = new Watch<>(emitter, state, over, topic, access.get());
    emitter.onCompletion(() -> watches.remove(watch));
    emitter.onTimeout(() -> watches.remove(watch));
    emitter.onError(e -> watches.remove(watch));
    watches.add(watch);
    // The first value goes out at once, not a period later.
    look(watch);
    return emitter;
  }

  /**
   * {@code topic}'s thing changed (after the change committed): its pages are looked at soon rather
   * than at the next tick. Cheap; call it from the thread that made the change.
   */
  void nudge(String topic) {
    if (!nudged.add(topic)) {
      return; // a look at the topic is already due, and it will see this change too
    }
    try {
      ticker.schedule(() -> lookAt(topic), NUDGE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      nudged.remove(topic); // shutting down
    }
  }

  private void lookAt(String topic) {
    // Before looking: a change made while the pages are read nudges again.
    nudged.remove(topic);
    for (Watch<?> watch : watches) {
      if (topic.equals(watch.topic)) {
        look(watch);
      }
    }
  }

  private void tick() {
    for (Watch<?> watch : watches) {
      look(watch);
    }
  }

  /**
   * Pushes {@code watch}'s value on a thread of its own; when its previous look still runs, once
   * more right after that one.
   */
  private void look(Watch<?> watch) {
    // Asked first, then tried: either this call starts the look, or the running one sees the ask
    // when it finishes (it clears looking before it reads again).
    watch.again = true;
    if (!watch.looking.compareAndSet(false, true)) {
      return;
    }
    try {
      lookers.execute(
          () -> {
            do {
              try {
                watch.again = false;
                push(watch);
              } finally {
                watch.looking.set(false);
              }
            } while (watch.again && watch.looking.compareAndSet(false, true));
          });
    } catch (RejectedExecutionException e) {
      watch.looking.set(false); // shutting down
    }
  }

  private <T> void push(Watch<T> watch) {
    if (!watches.contains(watch)) {
      return;
    }
    try {
      long checked = System.nanoTime();
      if (checked - watch.accessCheckedAt > ACCESS_CHECK.toNanos()) {
        watch.accessCheckedAt = checked;
        if (!watch.access.getAsBoolean()) {
          watches.remove(watch);
          watch.emitter.send(SseEmitter.event().name("account-changed").data("account-changed"));
          watch.emitter.complete();
          return;
        }
      }
      T value = watch.state.get();
      String data = json.writeValueAsString(value);
      long now = System.nanoTime();
      if (!Objects.equals(data, watch.lastSent)) {
        watch.lastSent = data;
        watch.lastSentAt = now;
        watch.emitter.send(SseEmitter.event().data(data));
      } else if (now - watch.lastSentAt > HEARTBEAT.toNanos()) {
        // A comment the page ignores: a page that went away fails the write and is dropped now
        // rather than when its stream times out, and proxies keep the idle stream open.
        watch.lastSentAt = now;
        watch.emitter.send(SseEmitter.event().comment("keep-alive"));
      }
      if (watch.over.test(value)) {
        watches.remove(watch);
        watch.emitter.send(SseEmitter.event().name("end").data("end"));
        watch.emitter.complete();
      }
    } catch (IOException | IllegalStateException e) {
      // The page went away (or its request ended): stop watching for it.
      watches.remove(watch);
      watch.emitter.completeWithError(e);
    } catch (RuntimeException e) {
      // A failed read (the database restarting) is tried again on the next tick.
      log.warn("Live update failed, retrying: {}", e.toString());
    }
  }

  int watching() {
    return watches.size();
  }

  @Override
  public void destroy() {
    ticker.shutdownNow();
    lookers.shutdownNow();
    for (Watch<?> watch : watches) {
      watch.emitter.complete();
    }
    watches.clear();
  }

  private static final class Watch<T> {
    final SseEmitter emitter;
    final Supplier<T> state;
    final Predicate<T> over;
    final String topic;
    volatile String lastSent;
    volatile long lastSentAt;
    final AtomicBoolean looking = new AtomicBoolean();

    /** Whether the account that opened the stream still stands as it did. */
    final BooleanSupplier access;

    volatile long accessCheckedAt = System.nanoTime();

    /** A look was asked for since the running one started. */
    volatile boolean again;

    Watch(
        SseEmitter emitter,
        Supplier<T> state,
        Predicate<T> over,
        String topic,
        BooleanSupplier access) {
      this.emitter = emitter;
      this.state = state;
      this.over = over;
      this.topic = topic;
      this.access = access;
    }
  }
}

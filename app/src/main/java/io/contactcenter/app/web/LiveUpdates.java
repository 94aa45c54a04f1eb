package io.contactcenter.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server push for the pages people watch (campaign progress, a robot call): one thread looks at
 * every watched thing once a {@link #PERIOD} and sends a server-sent event only when it changed, so
 * an idle page costs no traffic and a moving one sees each change within a second. When the thing
 * is over (a finished call, a campaign with nothing left in flight) the last state is sent, then an
 * {@code end} event, and the stream closes; the browser's EventSource reconnects on its own after a
 * network failure.
 *
 * <p>Each look runs on a virtual thread of its own, at most one at a time per page: a page whose
 * read is slow (a query waiting on a lock) or whose socket stopped draining holds back only itself,
 * never the other pages' pushes.
 */
@Component
class LiveUpdates implements DisposableBean {

  static final Duration PERIOD = Duration.ofSeconds(1);

  /** An idle stream gets a comment this often. */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  /** A stream closes after this long; the page's EventSource then opens a fresh one. */
  private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

  private final ObjectMapper json;
  private final Set<Watch<?>> watches = ConcurrentHashMap.newKeySet();
  private final ExecutorService lookers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "live-updates");
            thread.setDaemon(true);
            return thread;
          });

  LiveUpdates(ObjectMapper json) {
    this.json = json;
    ticker.scheduleWithFixedDelay(
        this::tick, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * A stream of {@code state}'s value, sent now and at every change until {@code over} holds.
   *
   * @param state read on the ticker thread; must be cheap (one or two queries)
   */
  <T> SseEmitter stream(Supplier<T> state, Predicate<T> over) {
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
    Watch<T> watch = new Watch<>(emitter, state, over);
    emitter.onCompletion(() -> watches.remove(watch));
    emitter.onTimeout(() -> watches.remove(watch));
    emitter.onError(e -> watches.remove(watch));
    watches.add(watch);
    // The first value goes out at once, not a period later.
    look(watch);
    return emitter;
  }

  private void tick() {
    for (Watch<?> watch : watches) {
      look(watch);
    }
  }

  /** Pushes {@code watch}'s value on a thread of its own unless its previous look still runs. */
  private void look(Watch<?> watch) {
    if (!watch.looking.compareAndSet(false, true)) {
      return;
    }
    try {
      lookers.execute(
          () -> {
            try {
              push(watch);
            } finally {
              watch.looking.set(false);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      watch.looking.set(false); // shutting down
    }
  }

  private <T> void push(Watch<T> watch) {
    if (!watches.contains(watch)) {
      return;
    }
    try {
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
    volatile String lastSent;
    volatile long lastSentAt;
    final java.util.concurrent.atomic.AtomicBoolean looking =
        new java.util.concurrent.atomic.AtomicBoolean();

    Watch(SseEmitter emitter, Supplier<T> state, Predicate<T> over) {
      this.emitter = emitter;
      this.state = state;
      this.over = over;
    }
  }
}

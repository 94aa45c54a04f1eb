package io.contactcenter.routing.internal;

import io.contactcenter.routing.QueueAdmin;
import io.contactcenter.routing.QueueProblem;
import io.contactcenter.routing.QueueRejectedException;
import io.contactcenter.routing.QueueSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues as admins edit them: checked as a whole, stored, handed to the routing engine of this
 * instance, and announced on the Redis channel {@value #CHANNEL} so every other instance reads the
 * queue from PostgreSQL (the one source) and hands it to its own engine at once. Only the queue's
 * id travels; an announcement lost while Redis is away is made up by a comparison with the stored
 * queues every {@code cc.routing.queue-refresh}.
 */
final class RoutingQueues implements QueueAdmin, MessageListener, SmartLifecycle {

  static final String CHANNEL = "cc:routing:queues";
  private static final Logger log = LoggerFactory.getLogger(RoutingQueues.class);

  private final JdbcQueues store;
  private final RoutingEngine engine;
  private final TransactionTemplate tx;
  private final StringRedisTemplate redis;
  private final Duration refreshEvery;
  // What this instance's engine was last given, per queue: only a change is defined again (a new
  // definition restarts the queue's service-level counts).
  private final Map<String, QueueSettings> applied = new ConcurrentHashMap<>();
  private ScheduledExecutorService refreshes;

  RoutingQueues(
      JdbcQueues store,
      RoutingEngine engine,
      TransactionTemplate tx,
      StringRedisTemplate redis,
      Duration refreshEvery) {
    this.store = store;
    this.engine = engine;
    this.tx = tx;
    this.redis = redis;
    this.refreshEvery = refreshEvery;
    // The engine was built from the same rows.
    store.all().forEach(q -> applied.put(q.id(), q));
  }

  @Override
  public List<QueueSettings> queues() {
    return store.all();
  }

  @Override
  public synchronized QueueSettings save(QueueSettings settings) {
    Set<String> others = new HashSet<>(engine.queueIds());
    others.remove(settings.id());
    List<QueueProblem> problems = QueueSettingsCheck.problems(settings, others);
    if (!problems.isEmpty()) {
      throw new QueueRejectedException(problems);
    }
    tx.executeWithoutResult(status -> store.save(settings));
    apply(settings);
    try {
      redis.convertAndSend(CHANNEL, settings.id());
    } catch (DataAccessException e) {
      log.warn(
          "queue {} saved, but other instances learn of it only at their next refresh (in {}):"
              + " Redis: {}",
          settings.id(),
          refreshEvery,
          e.getMessage());
    }
    return settings;
  }

  /** Another instance (or this one) saved a queue: read what is stored and use it here. */
  @Override
  public void onMessage(Message message, byte[] pattern) {
    String id = new String(message.getBody(), StandardCharsets.UTF_8);
    log.debug("queue {} changed on some instance", id);
    refresh();
  }

  /** Hands every stored queue that differs from what this engine has to the engine. */
  synchronized void refresh() {
    for (QueueSettings stored : store.all()) {
      if (!Objects.equals(applied.get(stored.id()), stored)) {
        apply(stored);
        log.info("queue {} reloaded: it was changed on another instance", stored.id());
      }
    }
  }

  private void apply(QueueSettings settings) {
    engine.define(QueueSettingsCheck.definition(settings), QueueSettingsCheck.hours(settings));
    applied.put(settings.id(), settings);
  }

  private void guardedRefresh() {
    try {
      refresh();
    } catch (DataAccessException e) {
      // The next refresh tries again; a thrown exception would cancel the schedule for good.
      log.warn("could not compare queues with the stored ones: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void start() {
    refreshes =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "routing-queues");
              thread.setDaemon(true);
              return thread;
            });
    // At least a second: a zero or negative setting must not spin or fail the start.
    long every = Math.max(1000, refreshEvery.toMillis());
    refreshes.scheduleWithFixedDelay(this::guardedRefresh, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (refreshes != null) {
      refreshes.shutdownNow();
      refreshes = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return refreshes != null;
  }
}

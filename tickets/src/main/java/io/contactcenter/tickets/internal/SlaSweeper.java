package io.contactcenter.tickets.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the SLA sweep every {@code interval} on one thread of its own, from start until the context
 * closes. Not a Quartz job: the shared scheduler stands by while Asterisk is unreachable (campaign
 * maintenance), and ticket escalations must not wait for the phone system. Every instance sweeps;
 * row locks ({@code SKIP LOCKED}) and the alert table's key make each warning and escalation happen
 * once. Each pass also hands back to routing the tickets their agents have left untouched too long.
 */
class SlaSweeper implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SlaSweeper.class);

  private final SlaTracker sla;
  private final Runnable idleAssignments;
  private final Duration interval;
  private ScheduledExecutorService executor;

  SlaSweeper(SlaTracker sla, Runnable idleAssignments, Duration interval) {
    this.sla = sla;
    this.idleAssignments = idleAssignments;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ticket-sla-sweep").daemon().factory());
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::sweepOnce, millis, millis, TimeUnit.MILLISECONDS);
  }

  void sweepOnce() {
    try {
      sla.sweep();
      idleAssignments.run();
    } catch (RuntimeException e) {
      // An exception escaping a scheduled task cancels every later run; the database being away
      // for a moment must not end escalations for good. The next run retries the same tickets.
      log.warn("SLA sweep failed; retrying in {}: {}", interval, e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}

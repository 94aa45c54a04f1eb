package io.contactcenter.qa.internal;

import io.contactcenter.qa.QaRetention;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Applies the QA retention every {@code interval} on a thread of its own, from start until the
 * context closes. Every instance runs it; row locks share the work.
 */
final class RetentionJob implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final QaRetention retention;
  private final Duration interval;
  private ScheduledExecutorService executor;

  RetentionJob(QaRetention retention, Duration interval) {
    this.retention = retention;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("qa-retention").daemon().factory());
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
  }

  void runOnce() {
    try {
      retention.apply();
    } catch (RuntimeException e) {
      // An exception escaping a scheduled task cancels every later run; the next run retries.
      log.warn("QA retention failed; retrying in {}: {}", interval, e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (executor == null) {
      return;
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}

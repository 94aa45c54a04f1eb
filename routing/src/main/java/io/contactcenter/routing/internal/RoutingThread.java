package io.contactcenter.routing.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread routing runs on ({@code routing-pass}): routing passes (after each change and
 * every pass interval while this instance routes), call events and changes of term, one at a time.
 */
final class RoutingThread {

  private static final Logger log = LoggerFactory.getLogger(RoutingThread.class);

  private final Runnable pass;
  // The thread itself, so that work already on it runs in place instead of waiting for itself.
  private volatile Thread thread;
  private final ScheduledExecutorService passes =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "routing-pass");
            thread.setDaemon(true);
            this.thread = thread;
            return thread;
          });
  // Whether this instance routes now (it leads).
  private volatile boolean running;
  private ScheduledFuture<?> passSchedule;

  /** {@code pass}: one routing pass. */
  RoutingThread(Runnable pass) {
    this.pass = pass;
  }

  /** Whether this instance routes now (it leads). */
  boolean running() {
    return running;
  }

  /** Runs {@code work} on the routing thread (callers that must not wait, such as pbx events). */
  void submit(Runnable work) {
    if (!running) {
      return; // stopping: a call event then must not fail the publisher's transaction
    }
    try {
      passes.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              // One failed call event must not stop the routing thread.
              log.error("routing work failed", e);
            }
          });
    } catch (RejectedExecutionException stopped) {
      log.debug("routing stopped; work dropped");
    }
  }

  /** Runs a pass soon on the routing thread. */
  void kick() {
    if (running) {
      passes.execute(this::guardedPass);
    }
  }

  private void guardedPass() {
    try {
      pass.run();
    } catch (RuntimeException e) {
      // The next pass retries: the distributor's state is unchanged by a failed store, and a
      // thrown exception would cancel the scheduled passes for good.
      log.error("routing pass failed; retrying at the next one", e);
    }
  }

  /** Runs {@code work} on the routing thread and waits for it (a change of term). */
  void runAndWait(Runnable work) {
    if (Thread.currentThread() == thread) {
      // Asked from the routing thread (a listener of an event it published): waiting for a task
      // queued behind the running one would never end.
      work.run();
      return;
    }
    Future<?> done;
    try {
      done = passes.submit(work);
    } catch (RejectedExecutionException stopped) {
      work.run(); // stopping: nothing else runs on the routing thread any more
      return;
    }
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while changing the routing term", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("routing term change failed", e.getCause());
    }
  }

  /** This instance routes: passes run now and every {@code interval} (on the routing thread). */
  void startPasses(Duration interval) {
    running = true;
    passSchedule =
        passes.scheduleWithFixedDelay(
            this::guardedPass, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Another instance routes: no more passes (on the routing thread). */
  void stopPasses() {
    running = false;
    if (passSchedule != null) {
      passSchedule.cancel(false);
      passSchedule = null;
    }
  }

  /** The application stops: nothing runs on the routing thread any more. */
  void shutdown() {
    running = false;
    passes.shutdownNow();
  }
}

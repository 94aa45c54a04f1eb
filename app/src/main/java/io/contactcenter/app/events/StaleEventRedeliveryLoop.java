package io.contactcenter.app.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;

/**
 * Looks for unfinished event deliveries every {@code cc.events.check}, on one instance of the
 * cluster at a time ({@link OneInstanceAtATime}); the others skip that turn.
 *
 * <p>Not a Quartz job: the clustered Quartz scheduler stands by on an instance that cannot reach
 * Asterisk (campaign maintenance, {@code MaintenanceStandby}), and events must be delivered all the
 * same.
 */
public final class StaleEventRedeliveryLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StaleEventRedeliveryLoop.class);

  private final StaleEventRedelivery redelivery;
  private final OneInstanceAtATime cluster;
  private final Duration every;
  private volatile boolean running;
  private Thread looker;

  StaleEventRedeliveryLoop(
      StaleEventRedelivery redelivery, OneInstanceAtATime cluster, Duration every) {
    this.redelivery = redelivery;
    this.cluster = cluster;
    this.every = every;
  }

  /** One look, if no other instance looks now; returns whether this instance looked. */
  public boolean lookOnce() {
    try {
      return cluster.runIfFree(redelivery::redeliver);
    } catch (DataAccessException e) {
      log.warn("no look for unfinished event deliveries this time: {}", e.getMessage());
      return false;
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    looker =
        Thread.ofVirtual()
            .name("stale-event-redelivery")
            .start(
                () -> {
                  while (running) {
                    try {
                      Thread.sleep(every);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                    lookOnce();
                  }
                });
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (looker != null) {
      looker.interrupt();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }
}

package io.contactcenter.campaigns.internal;

import io.contactcenter.outboundrobot.RobotCalls;
import java.time.Duration;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps an instance that cannot reach Asterisk out of the clustered maintenance job: while its
 * manager connection is down its Quartz scheduler stands by, so the job (crash recovery asks
 * Asterisk which calls are up; a redelivered attempt is dialed) runs on an instance that can do it
 * instead of being taken, and wasted, here. It resumes once the connection is back. The dialer
 * likewise claims nothing while Asterisk is away ({@link Dialer}).
 *
 * <p>One virtual thread looks every {@code period}; only a standby it began is ended here, so a
 * scheduler Spring has not started yet is left alone.
 */
class MaintenanceStandby implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceStandby.class);

  private final RobotCalls robot;
  private final Scheduler scheduler;
  private final Duration period;
  private volatile boolean running;
  private boolean standingBy;
  private Thread watcher;

  MaintenanceStandby(RobotCalls robot, Scheduler scheduler, Duration period) {
    this.robot = robot;
    this.scheduler = scheduler;
    this.period = period;
  }

  /** One look: stand by when Asterisk is away and the scheduler runs, resume when it is back. */
  synchronized void check() {
    try {
      boolean available = robot.available();
      if (!available && !standingBy && scheduler.isStarted() && !scheduler.isInStandbyMode()) {
        scheduler.standby();
        standingBy = true;
        log.warn(
            "Asterisk is unreachable: this instance stands by from campaign maintenance until it"
                + " is back");
      } else if (available && standingBy) {
        scheduler.start();
        standingBy = false;
        log.info("Asterisk is reachable again: this instance takes campaign maintenance again");
      }
    } catch (SchedulerException e) {
      // The scheduler is shutting down (or failed to start): nothing to stand by from.
      log.debug("maintenance standby not changed: {}", e.getMessage());
    }
  }

  /** Whether this instance is standing by (for tests and logs). */
  synchronized boolean standingBy() {
    return standingBy;
  }

  @Override
  public void start() {
    running = true;
    watcher =
        Thread.ofVirtual()
            .name("campaign-maintenance-standby")
            .start(
                () -> {
                  while (running) {
                    check();
                    try {
                      Thread.sleep(period);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                  }
                });
  }

  @Override
  public void stop() {
    running = false;
    if (watcher != null) {
      watcher.interrupt();
      try {
        watcher.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // Stops before the Quartz scheduler (phase Integer.MAX_VALUE) so it never restarts one that is
    // shutting down; starts before it, and only acts once Spring has started it.
    return Integer.MAX_VALUE - 200;
  }
}

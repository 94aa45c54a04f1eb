package io.contactcenter.routing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Which instance routes (ADR 0030): the one that holds a PostgreSQL advisory lock on a session of
 * its own. PostgreSQL ends that session, and with it the lock, when the process dies or its
 * connection breaks, so another instance takes over at its next look (every {@code
 * cc.routing.leader-check}). The leader writes its id and a new epoch to {@code routing_leader};
 * the others read there whom to forward to. A leader that finds its session broken or another id in
 * that row stops routing at once; its reservations of contacts are fenced by the same row ({@link
 * JdbcContacts#markOffered}).
 */
final class RoutingLeadership implements SmartLifecycle {

  /** What becomes of this instance's routing when it gains or loses the lead. */
  interface Term {
    /** This instance routes from now on: rebuild the waiting order and the agents from storage. */
    void lead();

    /** Another instance routes (or none): forget what this one held. */
    void follow();
  }

  // "cc-route" in ASCII: the advisory lock of the routing leader in this database.
  static final long LOCK_KEY = 0x63632d726f757465L;

  private static final Logger log = LoggerFactory.getLogger(RoutingLeadership.class);

  private final DataSource dataSource;
  private final boolean eligible;
  private final Duration checkEvery;
  private final String instanceId = UUID.randomUUID().toString();
  private Term term;
  private Connection session; // the lock's session (leadership thread only, or under this lock)
  private volatile boolean leading;
  private volatile String leaderId;
  private ScheduledExecutorService checks;

  /**
   * @param eligible false for an instance that never routes (it forwards to whichever does)
   */
  RoutingLeadership(DataSource dataSource, boolean eligible, Duration checkEvery) {
    this.dataSource = dataSource;
    this.eligible = eligible;
    this.checkEvery = checkEvery;
  }

  /** Set once before start: the engine whose terms this leadership opens and closes. */
  void onTerms(Term term) {
    this.term = term;
  }

  /** This instance's id while it leads (as {@code routing_leader.leader_id} holds it). */
  String instanceId() {
    return instanceId;
  }

  boolean leading() {
    return leading;
  }

  /** The instance that routes as last read, if any; this one's id while it leads. */
  Optional<String> leader() {
    return leading ? Optional.of(instanceId) : Optional.ofNullable(leaderId);
  }

  /** One look: keep, take or give up the lead, and learn who has it. */
  synchronized void check() {
    if (term == null) {
      return; // not wired yet: nothing could route
    }
    if (leading) {
      if (!stillLeading()) {
        log.warn("routing lead lost (instance {}); another instance routes now", instanceId);
        leading = false;
        unlockAndClose(); // a session that still works goes back to the pool without the lock
        term.follow();
      }
    } else if (eligible && tryLead()) {
      log.info("this instance ({}) routes now", instanceId);
      // Marked leading only once the engine holds the stored order: requests then go to it.
      term.lead();
      leading = true;
      return;
    }
    if (!leading) {
      leaderId = readLeader();
    }
  }

  private boolean stillLeading() {
    try (PreparedStatement s =
        session.prepareStatement("SELECT leader_id FROM routing_leader WHERE id = 1")) {
      s.setQueryTimeout(Math.max(1, (int) checkEvery.toSeconds()));
      try (ResultSet r = s.executeQuery()) {
        return r.next() && instanceId.equals(r.getString(1));
      }
    } catch (SQLException e) {
      log.warn("routing lead's session failed: {}", e.getMessage());
      return false;
    }
  }

  private boolean tryLead() {
    try {
      if (session == null) {
        session = dataSource.getConnection();
        session.setAutoCommit(true);
      }
      try (PreparedStatement s = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        s.setLong(1, LOCK_KEY);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next() || !r.getBoolean(1)) {
            closeSession(); // not held: the pooled connection goes back clean
            return false;
          }
        }
      }
      try (PreparedStatement s =
          session.prepareStatement(
              "UPDATE routing_leader SET leader_id = ?, epoch = epoch + 1, since = now()"
                  + " WHERE id = 1")) {
        s.setString(1, instanceId);
        s.executeUpdate();
      }
      return true;
    } catch (SQLException e) {
      log.debug("could not try the routing lead: {}", e.getMessage());
      unlockAndClose();
      return false;
    }
  }

  private String readLeader() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT leader_id FROM routing_leader WHERE id = 1");
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getString(1) : null;
    } catch (SQLException e) {
      log.debug("could not read the routing leader: {}", e.getMessage());
      return leaderId;
    }
  }

  /** Gives the lead up on purpose: the lock and the row are released for the next instance. */
  private void unlockAndClose() {
    if (session == null) {
      return;
    }
    try (PreparedStatement s = session.prepareStatement("SELECT pg_advisory_unlock_all()")) {
      s.execute();
    } catch (SQLException e) {
      log.debug("routing lock not released (its session is gone with it): {}", e.getMessage());
    }
    closeSession();
  }

  private void closeSession() {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (SQLException e) {
      log.debug("routing lock session not closed: {}", e.getMessage());
    }
    session = null;
  }

  private void guardedCheck() {
    try {
      check();
    } catch (RuntimeException e) {
      // The next look tries again; a thrown exception would cancel the schedule for good.
      log.error("routing leadership check failed", e);
    }
  }

  @Override
  public synchronized void start() {
    // The first look runs now, so a single instance routes from its start as before.
    check();
    checks =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "routing-leadership");
              thread.setDaemon(true);
              return thread;
            });
    long every = Math.max(100, checkEvery.toMillis());
    checks.scheduleWithFixedDelay(this::guardedCheck, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = checks;
      checks = null;
    }
    if (running != null) {
      running.shutdownNow();
    }
    synchronized (this) {
      if (leading) {
        leading = false;
        term.follow();
        try (PreparedStatement s =
            session.prepareStatement(
                "UPDATE routing_leader SET leader_id = NULL WHERE id = 1 AND leader_id = ?")) {
          s.setString(1, instanceId);
          s.executeUpdate();
        } catch (SQLException e) {
          log.debug("routing leader row not cleared: {}", e.getMessage());
        }
        log.info("this instance ({}) stopped routing", instanceId);
      }
      unlockAndClose();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return checks != null;
  }
}

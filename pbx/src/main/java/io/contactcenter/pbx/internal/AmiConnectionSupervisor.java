package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.PbxUnavailableException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps one AMI connection logged in.
 *
 * <p>Asterisk-Java reconnects by itself after a connection that was up drops. This supervisor
 * covers what it does not: the first connect (Asterisk may be down when we start), and giving up
 * after an authentication failure, which we retry only after {@code authFailureRetry} so a wrong
 * secret is reported rather than retried in a storm.
 */
final class AmiConnectionSupervisor implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AmiConnectionSupervisor.class);

  private final PbxProperties.Ami config;
  private final ManagerConnection connection;
  private final Clock clock;
  private final AtomicReference<AmiStatus> status;
  private volatile Thread loop;
  private volatile boolean running;

  AmiConnectionSupervisor(PbxProperties.Ami config, ManagerEventListener listener, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.connection =
        new ManagerConnectionFactory(
                config.host(), config.port(), config.username(), config.password())
            .createManagerConnection();
    // Without this, Asterisk-Java retries a rejected login every 5 s forever.
    connection.setKeepAliveAfterAuthenticationFailure(false);
    connection.addEventListener(listener);
    this.status =
        new AtomicReference<>(
            new AmiStatus(
                config.enabled() ? AmiStatus.State.CONNECTING : AmiStatus.State.DISABLED,
                config.enabled() ? "not connected yet" : "cc.pbx.ami.enabled=false",
                clock.instant()));
  }

  AmiStatus status() {
    AmiStatus current = status.get();
    if (current.state() == AmiStatus.State.CONNECTED
        && connection.getState() == ManagerConnectionState.RECONNECTING) {
      return new AmiStatus(
          AmiStatus.State.RECONNECTING, "connection lost, reconnecting", clock.instant());
    }
    return current;
  }

  /** The connection, if logged in now. */
  ManagerConnection connected() {
    if (connection.getState() != ManagerConnectionState.CONNECTED) {
      throw new PbxUnavailableException(
          "Asterisk manager interface is not connected (" + status().detail() + ")");
    }
    return connection;
  }

  @Override
  public void start() {
    if (!config.enabled()) {
      return;
    }
    running = true;
    loop = Thread.ofVirtual().name("ami-supervisor").start(this::superviseLoop);
  }

  private void superviseLoop() {
    Duration backoff = config.initialBackoff();
    while (running) {
      ManagerConnectionState state = connection.getState();
      Duration wait;
      if (state == ManagerConnectionState.CONNECTED
          || state == ManagerConnectionState.RECONNECTING) {
        if (state == ManagerConnectionState.CONNECTED
            && status.get().state() != AmiStatus.State.CONNECTED) {
          set(AmiStatus.State.CONNECTED, "connected to " + config.host() + ":" + config.port());
        }
        backoff = config.initialBackoff();
        wait = Duration.ofSeconds(1);
      } else {
        wait = tryLogin(backoff);
        backoff = min(backoff.multipliedBy(2), config.maxBackoff());
        if (status.get().state() == AmiStatus.State.CONNECTED) {
          backoff = config.initialBackoff();
        }
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Duration tryLogin(Duration backoff) {
    try {
      connection.login();
      set(AmiStatus.State.CONNECTED, "connected to " + config.host() + ":" + config.port());
      log.info("AMI logged in to {}:{} as {}", config.host(), config.port(), config.username());
      return Duration.ofSeconds(1);
    } catch (AuthenticationFailedException e) {
      set(
          AmiStatus.State.AUTHENTICATION_FAILED,
          "Asterisk rejected user '"
              + config.username()
              + "': check cc.pbx.ami.username and cc.pbx.ami.password");
      log.error(
          "AMI login as {} rejected by {}:{}; next try in {}",
          config.username(),
          config.host(),
          config.port(),
          config.authFailureRetry());
      return config.authFailureRetry();
    } catch (IOException | TimeoutException | RuntimeException e) {
      // RuntimeException too: Asterisk-Java throws IllegalStateException while its own reconnect
      // thread holds the connection, and nothing may end this loop but stop().
      boolean firstFailure = status.get().state() != AmiStatus.State.DOWN;
      set(
          AmiStatus.State.DOWN,
          "cannot reach " + config.host() + ":" + config.port() + ": " + e.getMessage());
      if (firstFailure) {
        log.warn(
            "AMI unreachable at {}:{} ({}); retrying with backoff",
            config.host(),
            config.port(),
            e.getMessage());
      } else {
        log.debug("AMI still unreachable: {}", e.getMessage());
      }
      return backoff;
    }
  }

  private void set(AmiStatus.State state, String detail) {
    status.set(new AmiStatus(state, detail, clock.instant()));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public void stop() {
    running = false;
    Thread t = loop;
    if (t != null) {
      t.interrupt();
    }
    ManagerConnectionState state = connection.getState();
    if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
      try {
        connection.logoff();
      } catch (IllegalStateException e) {
        log.debug("AMI logoff during shutdown: {}", e.getMessage());
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // Start after the event dispatcher is ready, stop before it.
    return 100;
  }
}

package io.contactcenter.pbx.internal;

import gov.nist.javax.sip.SipStackImpl;
import io.contactcenter.pbx.ChannelFailedException;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robot's SIP media endpoint: a SIP user agent server (jain-sip-ri) that Asterisk dials like a
 * phone ({@code Dial(PJSIP/robot-media/sip:cc-media-<uuid>@host:port)}), answering with G.711 µ-law
 * RTP ({@link Sdp}) and handing the call's audio to an {@link RtpMediaSession}.
 *
 * <p>Pairing works as for AudioSocket: a session first {@linkplain #expect registers} a random
 * UUID, then has Asterisk dial a Request-URI whose user part carries it. An INVITE for a UUID
 * nobody registered (or one given up on) is refused with 404, so the unauthenticated port gives no
 * audio to strangers. Unparseable SIP is answered 400 by the stack itself; an INVITE whose SDP
 * cannot be answered gets 400 or 488 and a WARN log with the reason. Nothing a peer sends stops the
 * endpoint.
 *
 * <p>This class owns the SIP stack and the registrations; {@link SipMediaDialogs} handles the
 * requests. One dialog per session. A BYE from Asterisk (the caller hung up) ends the session's
 * stream; closing the session sends BYE. Re-INVITEs (a refresh, a hold) are answered with the same
 * SDP.
 */
final class SipMediaEndpoint {

  private static final Logger log = LoggerFactory.getLogger(SipMediaEndpoint.class);
  private static final AtomicInteger STACKS = new AtomicInteger();
  private static final int BIND_ATTEMPTS = 5;

  private final PbxProperties.SipMedia config;
  private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
  private volatile SipStackImpl stack;
  private volatile SipMediaDialogs dialogs;
  private volatile int port;

  /** A registered session waiting for its INVITE. */
  record Pending(String callId, Runnable awaitRelease, CompletableFuture<RtpMediaSession> future) {}

  SipMediaEndpoint(PbxProperties.SipMedia config) {
    this.config = config;
  }

  PbxProperties.SipMedia config() {
    return config;
  }

  public synchronized void start() {
    if (stack != null) {
      return;
    }
    Properties properties = new Properties();
    properties.setProperty("javax.sip.STACK_NAME", "cc-robot-media-" + STACKS.incrementAndGet());
    // Requests of different dialogs may be handled at once; each handler touches only its own.
    properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
    properties.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
    SipStackImpl created;
    try {
      created = new SipStackImpl(properties);
    } catch (javax.sip.PeerUnavailableException e) {
      throw new IllegalStateException("cannot create the SIP stack: " + e.getMessage(), e);
    }
    try {
      ListeningPoint listeningPoint = listen(created);
      SipProvider sipProvider = created.createSipProvider(listeningPoint);
      SipMediaDialogs handler =
          new SipMediaDialogs(config, sipProvider, listeningPoint.getPort(), pending::remove);
      try {
        sipProvider.addSipListener(handler);
      } catch (java.util.TooManyListenersException e) {
        throw new SipException("a listener is already registered", e);
      }
      created.start();
      port = listeningPoint.getPort();
      dialogs = handler;
      stack = created;
    } catch (SipException e) {
      created.stop();
      throw new IllegalStateException(
          "SIP media endpoint cannot listen on " + config.bindAddress() + ": " + e.getMessage(), e);
    }
    log.info("SIP media endpoint listening on udp {}:{}", config.bindAddress(), port);
  }

  /**
   * jain-sip keeps the configured port number even when it is 0 and the OS picked another, so an
   * ephemeral port is chosen here first; another process may take it in between, hence the retry.
   */
  private ListeningPoint listen(SipStackImpl created) throws SipException {
    SipException last = null;
    for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
      int candidate = config.port() != 0 ? config.port() : freeUdpPort();
      try {
        return created.createListeningPoint(config.bindAddress(), candidate, ListeningPoint.UDP);
      } catch (javax.sip.TransportNotSupportedException | javax.sip.InvalidArgumentException e) {
        last = new SipException(e.getMessage(), e);
      }
      if (config.port() != 0) {
        break;
      }
    }
    throw last;
  }

  private int freeUdpPort() {
    try (DatagramSocket probe =
        new DatagramSocket(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), 0))) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free UDP port on " + config.bindAddress(), e);
    }
  }

  public synchronized void stop() {
    SipStackImpl running = stack;
    SipMediaDialogs handler = dialogs;
    stack = null;
    dialogs = null;
    pending.values().forEach(p -> p.future().completeExceptionally(stopped()));
    if (handler != null) {
      handler.endAll();
    }
    if (running != null) {
      running.stop();
    }
  }

  public boolean isRunning() {
    return stack != null;
  }

  /** The UDP port SIP is received on. */
  int port() {
    if (stack == null) {
      throw new ChannelFailedException("the SIP media endpoint is not running");
    }
    return port;
  }

  /**
   * The PJSIP dial string that reaches the session registered as {@code id}: the {@code
   * robot-media} endpoint of pjsip.conf (codecs, DTMF mode) with this endpoint's address.
   */
  String dialString(UUID id) {
    return "PJSIP/robot-media/sip:"
        + SipMediaDialogs.USER_PREFIX
        + id
        + "@"
        + config.advertisedHost()
        + ":"
        + port();
  }

  /**
   * Registers a session waiting for the INVITE that carries {@code id}. Close the returned
   * registration when done, answered or not.
   *
   * @param awaitRelease run when the session closes, after its BYE: waits until Asterisk has left
   *     the {@code Dial()} that placed the call
   */
  Expected expect(UUID id, String callId, Runnable awaitRelease) {
    if (!isRunning()) {
      throw new ChannelFailedException("the SIP media endpoint is not running");
    }
    Pending registration = new Pending(callId, awaitRelease, new CompletableFuture<>());
    pending.put(id, registration);
    return new Expected(id, registration);
  }

  /** A registered UUID and the session its INVITE will open. */
  final class Expected implements AutoCloseable {
    private final UUID id;
    private final Pending registration;

    private Expected(UUID id, Pending registration) {
      this.id = id;
      this.registration = registration;
    }

    /**
     * Waits for Asterisk's INVITE to be answered.
     *
     * @throws ChannelFailedException if it does not come within {@code timeout} or the wait was
     *     {@linkplain #fail abandoned}
     */
    RtpMediaSession await(Duration timeout) {
      try {
        return registration.future().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new ChannelFailedException(
            "Asterisk did not call the media endpoint within " + timeout, e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof ChannelFailedException failed
            ? failed
            : new ChannelFailedException("SIP media setup failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChannelFailedException("interrupted while waiting for the SIP media call", e);
      }
    }

    /** Gives up waiting (e.g. the {@code Dial()} application already returned). */
    void fail(String reason) {
      registration.future().completeExceptionally(new ChannelFailedException(reason));
    }

    @Override
    public void close() {
      pending.remove(id, registration);
      // An INVITE answered after this finds the future cancelled and hangs its call up again.
      registration.future().cancel(false);
    }
  }

  private static ChannelFailedException stopped() {
    return new ChannelFailedException("the SIP media endpoint stopped");
  }
}

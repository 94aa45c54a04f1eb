package io.contactcenter.pbx.internal;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import io.contactcenter.pbx.ChannelFailedException;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
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
 * <p>One dialog per session. A BYE from Asterisk (the caller hung up) ends the session's stream;
 * closing the session sends BYE. Re-INVITEs (a refresh, a hold) are answered with the same SDP.
 */
final class SipMediaEndpoint {

  private static final Logger log = LoggerFactory.getLogger(SipMediaEndpoint.class);
  private static final String USER_PREFIX = "cc-media-";
  private static final Pattern MEDIA_USER =
      Pattern.compile(Pattern.quote(USER_PREFIX) + "([0-9a-f-]{36})");
  private static final AtomicInteger STACKS = new AtomicInteger();
  private static final int BIND_ATTEMPTS = 5;

  private final PbxProperties.SipMedia config;
  private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
  // By Call-ID, see callIdOf.
  private final Map<String, Answered> dialogs = new ConcurrentHashMap<>();
  private final HeaderFactory headers = new HeaderFactoryImpl();
  private final MessageFactory messages = new MessageFactoryImpl();
  private final AddressFactory addresses = new AddressFactoryImpl();
  private volatile SipStackImpl stack;
  private volatile SipProvider provider;
  private volatile int port;

  /** A registered session waiting for its INVITE. */
  private record Pending(
      String callId, Runnable awaitRelease, CompletableFuture<RtpMediaSession> future) {}

  /** An answered dialog: its session and the SDP it was answered with (for re-INVITEs). */
  private record Answered(RtpMediaSession session, String sdp) {}

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
      try {
        sipProvider.addSipListener(new Listener());
      } catch (java.util.TooManyListenersException e) {
        throw new SipException("a listener is already registered", e);
      }
      created.start();
      port = listeningPoint.getPort();
      provider = sipProvider;
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
    stack = null;
    provider = null;
    pending.values().forEach(p -> p.future().completeExceptionally(stopped()));
    dialogs.values().forEach(a -> a.session().remoteEnded());
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
        + USER_PREFIX
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

  private final class Listener implements SipListener {

    @Override
    public void processRequest(RequestEvent event) {
      Request request = event.getRequest();
      try {
        switch (request.getMethod()) {
          case Request.INVITE -> invite(event);
          case Request.ACK -> {
            // The dialog is confirmed; media already flows.
          }
          case Request.BYE -> bye(event);
          case Request.CANCEL, Request.OPTIONS -> respond(event, Response.OK, null);
          default -> respond(event, Response.METHOD_NOT_ALLOWED, null);
        }
      } catch (ParseException | SipException | RuntimeException e) {
        log.warn(
            "SIP media endpoint could not handle a {} from {}: {}",
            request.getMethod(),
            sourceOf(event),
            e.toString());
        if (!Request.ACK.equals(request.getMethod())) {
          respondQuietly(event, Response.SERVER_INTERNAL_ERROR);
        }
      }
    }

    private void respondQuietly(RequestEvent event, int status) {
      try {
        respond(event, status, null);
      } catch (ParseException | SipException | RuntimeException e) {
        // Answered already, or the transaction is gone: the peer's retransmission timer decides.
        log.debug("no {} sent: {}", status, e.toString());
      }
    }

    @Override
    public void processResponse(ResponseEvent event) {
      // Only our BYEs get responses; nothing depends on them.
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
      log.debug("SIP media endpoint: transaction timed out");
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
      log.warn("SIP media endpoint cannot reach {}:{}", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {}

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
      // A dialog that died without BYE (e.g. our 200 OK was never acknowledged) ends its stream.
      Answered answered = dialogs.remove(event.getDialog().getCallId().getCallId());
      if (answered != null) {
        answered.session().remoteEnded();
      }
    }
  }

  private void invite(RequestEvent event) throws ParseException, SipException {
    Request request = event.getRequest();
    ServerTransaction transaction = serverTransaction(event);
    if (dialogs.get(callIdOf(request)) instanceof Answered answered) {
      // Re-INVITE on an answered call: keep the media as it is.
      sendAnswer(transaction, request, answered.sdp());
      return;
    }
    UUID id = mediaId(request);
    Pending registration = id == null ? null : pending.remove(id);
    if (registration == null || registration.future().isDone()) {
      log.warn(
          "SIP media endpoint: INVITE from {} for unknown or abandoned media id {}; refusing it",
          sourceOf(event),
          userOf(request));
      send(transaction, response(Response.NOT_FOUND, request, "Unknown media id"));
      return;
    }
    String callId = registration.callId();
    byte[] body = request.getRawContent();
    String offer = body == null ? null : new String(body, StandardCharsets.UTF_8);
    DatagramSocket rtp;
    try {
      rtp =
          new DatagramSocket(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), 0));
    } catch (IOException e) {
      send(transaction, response(Response.SERVER_INTERNAL_ERROR, request, "No RTP port"));
      registration
          .future()
          .completeExceptionally(new ChannelFailedException("no RTP port for call " + callId, e));
      return;
    }
    Sdp.Negotiation negotiation =
        Sdp.answer(
            offer,
            config.advertisedHost(),
            rtp.getLocalPort(),
            ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    switch (negotiation) {
      case Sdp.Rejected rejected -> {
        rtp.close();
        log.warn(
            "SIP media endpoint: refusing the media call of call {} with {}: {}",
            callId,
            rejected.status(),
            rejected.reason());
        send(transaction, response(rejected.status(), request, rejected.reason()));
        registration
            .future()
            .completeExceptionally(
                new ChannelFailedException(
                    "Asterisk's SDP offer for call "
                        + callId
                        + " was refused: "
                        + rejected.reason()));
      }
      case Sdp.Accepted accepted -> {
        Dialog dialog = transaction.getDialog();
        RtpMediaSession[] holder = new RtpMediaSession[1];
        RtpMediaSession session =
            new RtpMediaSession(
                callId,
                rtp,
                new InetSocketAddress(accepted.remoteHost(), accepted.remotePort()),
                accepted.telephoneEvent(),
                InboundMedia.framesFor(config.inboundBuffer()),
                MediaClock.SYSTEM,
                () -> hangUp(dialog, holder[0], registration.awaitRelease()));
        holder[0] = session;
        try {
          sendAnswer(transaction, request, accepted.answer());
        } catch (SipException | ParseException | RuntimeException e) {
          // Nothing was answered: there is no call to hang up, only our socket to release.
          session.remoteEnded();
          registration
              .future()
              .completeExceptionally(
                  new ChannelFailedException("cannot answer the media call of call " + callId, e));
          rtp.close();
          throw e;
        }
        dialogs.put(callIdOf(request), new Answered(session, accepted.answer()));
        if (!registration.future().complete(session)) {
          // openMedia() gave up meanwhile: hang the fresh call up again.
          session.close();
        }
      }
    }
  }

  private void sendAnswer(ServerTransaction transaction, Request request, String sdp)
      throws ParseException, SipException {
    Response ok = response(Response.OK, request, null);
    ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
    if (to.getTag() == null) {
      to.setTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }
    SipURI contact = addresses.createSipURI("robot-media", config.advertisedHost());
    contact.setPort(port);
    ContactHeader contactHeader = headers.createContactHeader(addresses.createAddress(contact));
    ok.addHeader(contactHeader);
    ok.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
    send(transaction, ok);
  }

  private void bye(RequestEvent event) throws ParseException, SipException {
    ServerTransaction transaction = serverTransaction(event);
    Answered answered = dialogs.remove(callIdOf(event.getRequest()));
    send(
        transaction,
        response(
            answered == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK,
            event.getRequest(),
            null));
    if (answered != null) {
      log.debug("Asterisk ended the media call of call {}", answered.session().callId());
      answered.session().remoteEnded();
    }
  }

  /** The session's close(): BYE unless Asterisk already hung up, then wait for Dial() to end. */
  private void hangUp(Dialog dialog, RtpMediaSession session, Runnable awaitRelease) {
    try {
      boolean ours = dialogs.remove(dialog.getCallId().getCallId()) != null;
      SipProvider sipProvider = provider;
      if (ours && sipProvider != null && dialog.getState() == DialogState.CONFIRMED) {
        Request bye = dialog.createRequest(Request.BYE);
        ClientTransaction transaction = sipProvider.getNewClientTransaction(bye);
        dialog.sendRequest(transaction);
      }
    } catch (SipException e) {
      log.warn(
          "cannot send BYE for the media call of call {}: {}", session.callId(), e.getMessage());
    } finally {
      awaitRelease.run();
    }
  }

  private ServerTransaction serverTransaction(RequestEvent event) throws SipException {
    ServerTransaction transaction = event.getServerTransaction();
    if (transaction != null) {
      return transaction;
    }
    try {
      return provider.getNewServerTransaction(event.getRequest());
    } catch (javax.sip.TransactionAlreadyExistsException e) {
      throw new SipException("retransmission of a request being handled", e);
    }
  }

  private static void send(ServerTransaction transaction, Response response) throws SipException {
    try {
      transaction.sendResponse(response);
    } catch (javax.sip.InvalidArgumentException e) {
      throw new SipException(e.getMessage(), e);
    }
  }

  private void respond(RequestEvent event, int status, String reason)
      throws ParseException, SipException {
    send(serverTransaction(event), response(status, event.getRequest(), reason));
  }

  private Response response(int status, Request request, String reason) throws ParseException {
    Response response = messages.createResponse(status, request);
    if (reason != null) {
      // A reason phrase is one line of text (RFC 3261 25.1).
      response.setReasonPhrase(reason.replaceAll("[\\r\\n]", " "));
    }
    if (response.getHeader(ToHeader.NAME) instanceof ToHeader to
        && to.getTag() == null
        && status >= 200) {
      to.setTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }
    return response;
  }

  /**
   * Dialogs are keyed by Call-ID: this endpoint only answers, and Asterisk places each media call
   * with a Call-ID of its own, so one Call-ID is one dialog (no forking towards a UAS).
   */
  private static String callIdOf(Request request) {
    return ((javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME))
        .getCallId();
  }

  private static UUID mediaId(Request request) {
    Matcher m = MEDIA_USER.matcher(userOf(request));
    if (!m.matches()) {
      return null;
    }
    try {
      return UUID.fromString(m.group(1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String userOf(Request request) {
    if (request.getRequestURI() instanceof SipURI uri && uri.getUser() != null) {
      String user = uri.getUser();
      return user.length() <= 60 ? user : user.substring(0, 60) + "...";
    }
    return "";
  }

  private static String sourceOf(RequestEvent event) {
    return event.getRequest() instanceof gov.nist.javax.sip.message.SIPRequest sip
        ? sip.getPeerPacketSourceAddress() + ":" + sip.getPeerPacketSourcePort()
        : "?";
  }

  private static ChannelFailedException stopped() {
    return new ChannelFailedException("the SIP media endpoint stopped");
  }
}

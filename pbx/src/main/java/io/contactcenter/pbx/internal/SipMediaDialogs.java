package io.contactcenter.pbx.internal;

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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
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
 * The SIP requests of the {@link SipMediaEndpoint}'s running stack: an INVITE for a registered
 * media id is answered ({@link Sdp}) and opens an {@link RtpMediaSession}; a BYE ends its stream; a
 * session's close sends BYE. Everything else a peer sends gets a response and stops nothing.
 *
 * <p>Dialogs are keyed by Call-ID: the endpoint only answers, and Asterisk places each media call
 * with a Call-ID of its own, so one Call-ID is one dialog (no forking towards a UAS).
 *
 * <p>Requests of different dialogs may be handled at once (a reentrant listener); each handler
 * touches only its own dialog's entry.
 */
final class SipMediaDialogs implements SipListener {

  private static final Logger log = LoggerFactory.getLogger(SipMediaDialogs.class);
  static final String USER_PREFIX = "cc-media-";
  private static final Pattern MEDIA_USER =
      Pattern.compile(Pattern.quote(USER_PREFIX) + "([0-9a-f-]{36})");

  private final PbxProperties.SipMedia config;
  private final SipProvider provider;
  private final int port;
  private final Function<UUID, SipMediaEndpoint.Pending> claim;
  private final Map<String, Answered> dialogs = new ConcurrentHashMap<>();
  private final HeaderFactory headers = new HeaderFactoryImpl();
  private final MessageFactory messages = new MessageFactoryImpl();
  private final AddressFactory addresses = new AddressFactoryImpl();
  private volatile boolean stopped;

  /** An answered dialog: its session and the SDP it was answered with (for re-INVITEs). */
  private record Answered(RtpMediaSession session, String sdp) {}

  /**
   * @param port the UDP port SIP is received on (for the Contact header)
   * @param claim takes the registration waiting for a media id, if any, so no other INVITE gets it
   */
  SipMediaDialogs(
      PbxProperties.SipMedia config,
      SipProvider provider,
      int port,
      Function<UUID, SipMediaEndpoint.Pending> claim) {
    this.config = config;
    this.provider = provider;
    this.port = port;
    this.claim = claim;
  }

  /** The stack stops: every answered call's stream ends. */
  void endAll() {
    stopped = true;
    dialogs.values().forEach(a -> a.session().remoteEnded());
  }

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

  private void invite(RequestEvent event) throws ParseException, SipException {
    Request request = event.getRequest();
    ServerTransaction transaction = serverTransaction(event);
    if (dialogs.get(callIdOf(request)) instanceof Answered answered) {
      // Re-INVITE on an answered call: keep the media as it is.
      sendAnswer(transaction, request, answered.sdp());
      return;
    }
    UUID id = mediaId(request);
    SipMediaEndpoint.Pending registration = id == null ? null : claim.apply(id);
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
      if (ours && !stopped && dialog.getState() == DialogState.CONFIRMED) {
        Request bye = dialog.createRequest(Request.BYE);
        ClientTransaction transaction = provider.getNewClientTransaction(bye);
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
}

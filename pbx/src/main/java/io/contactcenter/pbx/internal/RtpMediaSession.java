package io.contactcenter.pbx.internal;

import io.contactcenter.common.G711;
import io.contactcenter.pbx.MediaSession;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@link MediaSession} over RTP with G.711 µ-law, set up by the {@link SipMediaEndpoint}: the
 * caller's audio and RFC 4733 key presses arrive on a UDP socket of the session's own, speech
 * leaves it paced at one 160-byte packet per 20 ms.
 *
 * <p>Playback is the same {@link OutboundPlayout} as over AudioSocket. Nothing is sent while the
 * session is silent; the next talkspurt carries the marker bit and a timestamp moved on by the
 * pause.
 */
final class RtpMediaSession extends PacedMediaSession {

  private static final Logger log = LoggerFactory.getLogger(RtpMediaSession.class);

  // RTP needs no keep-alive; the interval only bounds how long the idle sender sleeps at a time.
  private static final Duration IDLE = Duration.ofMillis(500);
  // Enough for any RTP packet on a LAN path (and for a jumbo one, which is then ignored).
  private static final int MAX_DATAGRAM = 2048;

  private final DatagramSocket socket;
  private final InetSocketAddress remote;
  private final OptionalInt telephoneEvent;
  private final MediaClock clock;
  private final Runnable hangup;
  private final AtomicLong malformed = new AtomicLong();
  private final Thread receiver;

  /**
   * @param socket the session's own bound RTP socket; the session closes it
   * @param remote where the answer said to send RTP (the offer's address)
   * @param telephoneEvent the negotiated telephone-event payload type, if any
   * @param hangup called once on close: ends the SIP dialog (BYE) unless the far end already did,
   *     and waits until Asterisk has released the channel
   */
  RtpMediaSession(
      String callId,
      DatagramSocket socket,
      InetSocketAddress remote,
      OptionalInt telephoneEvent,
      int maxInboundFrames,
      MediaClock clock,
      Runnable hangup) {
    super(callId, maxInboundFrames);
    this.socket = socket;
    this.remote = remote;
    this.telephoneEvent = telephoneEvent;
    this.clock = clock;
    this.hangup = hangup;
    // A platform thread for the reason OutboundPlayout gives for its sender.
    this.receiver =
        Thread.ofPlatform()
            .name("rtp-read-" + callId)
            .daemon()
            .priority(Thread.MAX_PRIORITY)
            .start(this::receiveLoop);
    startPlayout("rtp-play-" + callId, clock, new Sink(), IDLE);
  }

  /** The far end ended the call (BYE): the stream is over, queued events are still delivered. */
  void remoteEnded() {
    inbound.end();
  }

  @Override
  public void close() {
    if (!beginClose()) {
      return;
    }
    try {
      hangup.run();
    } finally {
      socket.close();
      finishClose(receiver);
      if (malformed.get() > 0) {
        log.warn("call {}: {} malformed RTP packets ignored", callId, malformed.get());
      }
    }
  }

  private void receiveLoop() {
    MDC.put("callId", callId);
    TelephoneEvents keys = new TelephoneEvents();
    byte[] buffer = new byte[MAX_DATAGRAM];
    DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
    try {
      while (!socket.isClosed()) {
        datagram.setLength(buffer.length);
        socket.receive(datagram);
        if (!datagram.getAddress().equals(remote.getAddress())) {
          // Only the peer the SDP named may speak into the call.
          continue;
        }
        RtpPacket packet;
        try {
          packet = RtpPacket.parse(buffer, datagram.getLength());
        } catch (RtpPacket.MalformedPacketException e) {
          if (malformed.getAndIncrement() == 0) {
            log.warn("call {}: ignoring malformed RTP ({})", callId, e.getMessage());
          }
          continue;
        }
        if (packet.payloadType() == Sdp.PCMU) {
          byte[] payload = packet.payload();
          inbound.audio(G711.ulawToPcm16le(payload, 0, payload.length), clock.nanoTime());
        } else if (telephoneEvent.isPresent()
            && packet.payloadType() == telephoneEvent.getAsInt()) {
          keys.accept(packet).ifPresent(inbound::dtmf);
        }
        // Comfort noise and anything else not negotiated is ignored.
      }
    } catch (IOException e) {
      if (!closed.get()) {
        log.debug("RTP socket of call {} failed: {}", callId, e.toString());
      }
    } finally {
      MDC.remove("callId");
    }
  }

  /** Speech as PCMU packets, one per frame. */
  private final class Sink implements OutboundPlayout.FrameSink {
    // Random SSRC, sequence and timestamp starts (RFC 3550 5.1).
    private final RtpPacketizer packetizer =
        new RtpPacketizer(
            Sdp.PCMU,
            ThreadLocalRandom.current().nextLong(),
            ThreadLocalRandom.current().nextInt(),
            ThreadLocalRandom.current().nextLong());

    @Override
    public void send(byte[] pcm, boolean talkspurt) throws IOException {
      byte[] packet =
          packetizer.next(G711.pcm16leToUlaw(pcm), clock.nanoTime(), talkspurt).encode();
      socket.send(new DatagramPacket(packet, packet.length, remote));
    }
  }
}

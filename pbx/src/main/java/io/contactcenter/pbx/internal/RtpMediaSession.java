package io.contactcenter.pbx.internal;

import io.contactcenter.common.G711;
import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
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
final class RtpMediaSession implements ChannelMediaSession {

  private static final Logger log = LoggerFactory.getLogger(RtpMediaSession.class);

  private static final Duration THREAD_EXIT = Duration.ofSeconds(2);
  // RTP needs no keep-alive; the interval only bounds how long the idle sender sleeps at a time.
  private static final Duration IDLE = Duration.ofMillis(500);
  // Enough for any RTP packet on a LAN path (and for a jumbo one, which is then ignored).
  private static final int MAX_DATAGRAM = 2048;

  private final String callId;
  private final DatagramSocket socket;
  private final InetSocketAddress remote;
  private final OptionalInt telephoneEvent;
  private final InboundMedia inbound;
  private final MediaClock clock;
  private final Runnable hangup;
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread receiver;
  private final OutboundPlayout outbound;

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
    this.callId = callId;
    this.socket = socket;
    this.remote = remote;
    this.telephoneEvent = telephoneEvent;
    this.inbound = new InboundMedia(callId, maxInboundFrames);
    this.clock = clock;
    this.hangup = hangup;
    // A platform thread for the reason OutboundPlayout gives for its sender.
    this.receiver =
        Thread.ofPlatform()
            .name("rtp-read-" + callId)
            .daemon()
            .priority(Thread.MAX_PRIORITY)
            .start(this::receiveLoop);
    this.outbound = new OutboundPlayout(callId, "rtp-play-" + callId, clock, new Sink(), IDLE);
  }

  @Override
  public String callId() {
    return callId;
  }

  @Override
  public Optional<MediaEvent> next(Duration timeout) {
    if (closed.get()) {
      throw new IllegalStateException("media session of call " + callId + " is closed");
    }
    return inbound.next(timeout);
  }

  @Override
  public void play(byte[] pcm16le8k) {
    if (closed.get()) {
      throw new IllegalStateException("media session of call " + callId + " is closed");
    }
    outbound.play(pcm16le8k);
  }

  @Override
  public void stopPlayback() {
    outbound.stop();
  }

  @Override
  public boolean isPlaying() {
    return outbound.isPlaying();
  }

  @Override
  public Duration played() {
    return outbound.played();
  }

  @Override
  public boolean isClosed() {
    return closed.get();
  }

  /** The far end ended the call (BYE): the stream is over, queued events are still delivered. */
  void remoteEnded() {
    inbound.end();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    outbound.close();
    try {
      hangup.run();
    } finally {
      socket.close();
      join(receiver);
      inbound.end();
      long dropped = inbound.dropped();
      if (dropped > 0) {
        log.warn(
            "media consumer of call {} fell behind: {} inbound frames dropped", callId, dropped);
      }
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

  private void join(Thread thread) {
    try {
      if (!thread.join(THREAD_EXIT)) {
        log.warn("{} did not stop within {}", thread.getName(), THREAD_EXIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

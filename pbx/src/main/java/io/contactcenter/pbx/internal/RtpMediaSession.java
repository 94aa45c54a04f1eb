package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@link MediaSession} over RTP with G.711 µ-law, set up by the {@link SipMediaEndpoint}: the
 * caller's audio and RFC 4733 key presses arrive on a UDP socket of the session's own, speech
 * leaves it paced at one 160-byte packet per 20 ms.
 *
 * <p>Playback behaves exactly as over AudioSocket ({@link AudioSocketMediaSession}): a queue of 20
 * ms frames with a generation number that {@link #stopPlayback()} advances, so a frame already
 * waiting for its slot is dropped too. Nothing is sent while the session is silent; the next
 * talkspurt carries the marker bit and a timestamp moved on by the pause.
 */
final class RtpMediaSession implements ChannelMediaSession {

  private static final Logger log = LoggerFactory.getLogger(RtpMediaSession.class);

  private static final int FRAME_BYTES = AudioSocketMediaSession.FRAME_BYTES;
  private static final long MAX_LATE_NANOS = 3 * FramePacer.FRAME_NANOS;
  private static final Duration THREAD_EXIT = Duration.ofSeconds(2);
  // Enough for any RTP packet on a LAN path (and for a jumbo one, which is then ignored).
  private static final int MAX_DATAGRAM = 2048;

  private final String callId;
  private final DatagramSocket socket;
  private final InetSocketAddress remote;
  private final OptionalInt telephoneEvent;
  private final InboundMedia inbound;
  private final MediaClock clock;
  private final Runnable hangup;
  private final Object playLock = new Object();
  private final LinkedBlockingQueue<Frame> outbound = new LinkedBlockingQueue<>();
  private final AtomicInteger queuedFrames = new AtomicInteger();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong playedFrames = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Frame inFlight;
  private final Thread receiver;
  private final Thread sender;

  private record Frame(long generation, byte[] pcm) {}

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
    // Platform threads, for the reason given in AudioSocketMediaSession: Vosk's native decoding
    // pins virtual-thread carriers, and a media thread queued behind it misses its 20 ms slots.
    this.receiver =
        Thread.ofPlatform()
            .name("rtp-read-" + callId)
            .daemon()
            .priority(Thread.MAX_PRIORITY)
            .start(this::receiveLoop);
    this.sender =
        Thread.ofPlatform()
            .name("rtp-play-" + callId)
            .daemon()
            .priority(Thread.MAX_PRIORITY)
            .start(this::sendLoop);
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
    if (pcm16le8k.length % 2 != 0) {
      throw new IllegalArgumentException(
          "PCM16 audio needs an even number of bytes, got " + pcm16le8k.length);
    }
    if (closed.get()) {
      throw new IllegalStateException("media session of call " + callId + " is closed");
    }
    synchronized (playLock) {
      if (!isPlaying()) {
        playedFrames.set(0);
      }
      long gen = generation.get();
      for (int offset = 0; offset < pcm16le8k.length; offset += FRAME_BYTES) {
        byte[] frame = Arrays.copyOfRange(pcm16le8k, offset, offset + FRAME_BYTES);
        queuedFrames.incrementAndGet();
        outbound.add(new Frame(gen, frame));
      }
    }
  }

  @Override
  public void stopPlayback() {
    synchronized (playLock) {
      generation.incrementAndGet();
      List<Frame> dropped = new ArrayList<>();
      outbound.drainTo(dropped);
      queuedFrames.addAndGet(-dropped.size());
    }
  }

  @Override
  public boolean isPlaying() {
    Frame current = inFlight;
    return queuedFrames.get() > 0 || (current != null && current.generation() == generation.get());
  }

  @Override
  public Duration played() {
    return Duration.ofNanos(playedFrames.get() * FramePacer.FRAME_NANOS);
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
    stopPlayback();
    sender.interrupt();
    join(sender);
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
          inbound.audio(G711Ulaw.decode(payload, 0, payload.length), clock.nanoTime());
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

  private void sendLoop() {
    MDC.put("callId", callId);
    FramePacer pacer = new FramePacer(MAX_LATE_NANOS);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // Random SSRC, sequence and timestamp starts (RFC 3550 5.1).
    RtpPacketizer packetizer =
        new RtpPacketizer(Sdp.PCMU, random.nextLong(), random.nextInt(), random.nextLong());
    boolean broken = false;
    try {
      while (!closed.get()) {
        Frame frame = outbound.take();
        inFlight = frame;
        queuedFrames.decrementAndGet();
        try {
          if (broken || frame.generation() != generation.get()) {
            continue;
          }
          long delay = pacer.delayBeforeNext(clock.nanoTime());
          boolean talkspurt = pacer.restarted();
          if (delay > 0) {
            clock.sleepNanos(delay);
          }
          if (frame.generation() == generation.get()) {
            byte[] packet =
                packetizer.next(G711Ulaw.encode(frame.pcm()), clock.nanoTime(), talkspurt).encode();
            socket.send(new DatagramPacket(packet, packet.length, remote));
            pacer.frameSent();
            playedFrames.incrementAndGet();
          }
        } catch (IOException e) {
          log.debug("cannot send RTP on call {}: {}", callId, e.toString());
          broken = true;
        } finally {
          inFlight = null;
        }
      }
    } catch (InterruptedException e) {
      // close(): nothing more to send.
    } finally {
      MDC.remove("callId");
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

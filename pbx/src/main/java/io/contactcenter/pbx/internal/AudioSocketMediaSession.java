package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@link MediaSession} over one AudioSocket connection from Asterisk's {@code AudioSocket()}
 * application.
 *
 * <p>Two platform threads per session: a reader that turns messages into {@link MediaEvent}s (it
 * never waits for the consumer, see {@link InboundMedia}) and the {@link OutboundPlayout} sender
 * that writes queued speech one frame per 20 ms. Socket writes are serialized by a lock because
 * {@link #close()} writes the hangup message from the caller's thread.
 */
final class AudioSocketMediaSession implements ChannelMediaSession {

  private static final Logger log = LoggerFactory.getLogger(AudioSocketMediaSession.class);

  /** How long the line may carry nothing from us before a frame of silence goes out. */
  private static final Duration KEEPALIVE = Duration.ofMillis(500);

  /** 20 ms of signed-linear silence at 8 kHz. */
  private static final byte[] KEEPALIVE_SILENCE = new byte[OutboundPlayout.FRAME_BYTES];

  private static final Duration THREAD_EXIT = Duration.ofSeconds(2);
  private static final String DTMF_DIGITS = "0123456789*#ABCD";

  private final String callId;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final InboundMedia inbound;
  private final MediaClock clock;
  private final Runnable awaitRelease;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread reader;
  private final OutboundPlayout outbound;

  /**
   * @param in the connection's input, positioned after the UUID message
   * @param awaitRelease called on close after the hangup message was sent: waits until Asterisk has
   *     left the {@code AudioSocket()} application
   */
  AudioSocketMediaSession(
      String callId,
      Socket socket,
      InputStream in,
      int maxInboundFrames,
      MediaClock clock,
      Runnable awaitRelease)
      throws IOException {
    this.callId = callId;
    this.socket = socket;
    this.in = in;
    this.out = socket.getOutputStream();
    this.inbound = new InboundMedia(callId, maxInboundFrames);
    this.clock = clock;
    this.awaitRelease = awaitRelease;
    // A platform thread for the reason OutboundPlayout gives for its sender.
    this.reader =
        Thread.ofPlatform()
            .name("audiosocket-read-" + callId)
            .daemon()
            .priority(Thread.MAX_PRIORITY)
            .start(this::readLoop);
    this.outbound =
        new OutboundPlayout(callId, "audiosocket-play-" + callId, clock, new Sink(), KEEPALIVE);
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

  /** Inbound audio frames dropped because the consumer fell behind. */
  long droppedFrames() {
    return inbound.dropped();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    outbound.close();
    try {
      // The hangup message makes AudioSocket() return 0 and the dialplan (our AGI) continue.
      send(AudioSocketCodec.Kind.HANGUP, new byte[0]);
      socket.shutdownOutput();
    } catch (IOException e) {
      log.debug("AudioSocket of call {} already closed: {}", callId, e.toString());
    }
    try {
      awaitRelease.run();
    } finally {
      closeSocket();
      join(reader);
      inbound.end();
      long dropped = inbound.dropped();
      if (dropped > 0) {
        log.warn(
            "media consumer of call {} fell behind: {} inbound frames dropped", callId, dropped);
      }
    }
  }

  private void readLoop() {
    MDC.put("callId", callId);
    try {
      AudioSocketCodec.Message message;
      while ((message = AudioSocketCodec.read(in)) != null) {
        if (!deliver(message)) {
          break;
        }
      }
    } catch (AudioSocketCodec.MalformedMessageException e) {
      log.error(
          "AudioSocket stream of call {} is garbled ({}); closing it", callId, e.getMessage());
    } catch (IOException e) {
      if (!closed.get()) {
        log.debug("AudioSocket of call {} ended: {}", callId, e.toString());
      }
    } finally {
      inbound.end();
      if (!closed.get()) {
        // Asterisk ended the stream (caller hung up) or it broke: let AudioSocket() return too.
        closeSocket();
      }
      MDC.remove("callId");
    }
  }

  /** Hands one message on; false when the stream is over. */
  private boolean deliver(AudioSocketCodec.Message message)
      throws AudioSocketCodec.MalformedMessageException {
    switch (message.kind()) {
      case AUDIO -> inbound.audio(message.payload(), clock.nanoTime());
      case DTMF -> {
        char digit = message.digit();
        if (DTMF_DIGITS.indexOf(digit) >= 0) {
          inbound.dtmf(digit);
        } else {
          log.warn("ignoring an invalid DTMF digit (code {}) on call {}", (int) digit, callId);
        }
      }
      case HANGUP -> {
        return false;
      }
      case ERROR -> {
        log.warn(
            "Asterisk reported AudioSocket error [{}] on call {}",
            HexFormat.of().formatHex(message.payload()),
            callId);
        return false;
      }
      case UUID ->
          throw new AudioSocketCodec.MalformedMessageException("a second UUID message arrived");
    }
    return true;
  }

  /** Speech and keep-alives from the playout, as AudioSocket audio messages. */
  private final class Sink implements OutboundPlayout.FrameSink {

    @Override
    public void send(byte[] pcm, boolean talkspurt) throws IOException {
      AudioSocketMediaSession.this.send(AudioSocketCodec.Kind.AUDIO, pcm);
    }

    /**
     * Asterisk's AudioSocket() hangs up after 2 s in which neither the caller nor we sent anything;
     * a phone that streams nothing while the robot thinks (SIPp after its file, a handset with
     * silence suppression) would end the call. A frame of silence now and then keeps it up and is
     * inaudible.
     */
    @Override
    public void idle() throws IOException {
      AudioSocketMediaSession.this.send(AudioSocketCodec.Kind.AUDIO, KEEPALIVE_SILENCE);
    }
  }

  private void send(AudioSocketCodec.Kind kind, byte[] payload) throws IOException {
    byte[] message = AudioSocketCodec.encode(kind, payload);
    writeLock.lock();
    try {
      out.write(message);
      out.flush();
    } finally {
      writeLock.unlock();
    }
  }

  private void closeSocket() {
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("closing AudioSocket of call {}: {}", callId, e.toString());
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

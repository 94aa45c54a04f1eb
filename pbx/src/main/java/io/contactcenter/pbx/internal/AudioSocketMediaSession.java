package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
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
final class AudioSocketMediaSession extends PacedMediaSession {

  private static final Logger log = LoggerFactory.getLogger(AudioSocketMediaSession.class);

  /** How long the line may carry nothing from us before a frame of silence goes out. */
  private static final Duration KEEPALIVE = Duration.ofMillis(500);

  /** 20 ms of signed-linear silence at 8 kHz. */
  private static final byte[] KEEPALIVE_SILENCE = new byte[OutboundPlayout.FRAME_BYTES];

  private static final String DTMF_DIGITS = "0123456789*#ABCD";

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final MediaClock clock;
  private final Runnable awaitRelease;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Thread reader;

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
    super(callId, maxInboundFrames);
    this.socket = socket;
    this.in = in;
    this.out = socket.getOutputStream();
    this.clock = clock;
    this.awaitRelease = awaitRelease;
    // A platform thread for the reason OutboundPlayout gives for its sender.
    this.reader =
        Thread.ofPlatform()
            .name("audiosocket-read-" + callId)
            .daemon()
            .priority(Thread.MAX_PRIORITY)
            .start(this::readLoop);
    startPlayout("audiosocket-play-" + callId, clock, new Sink(), KEEPALIVE);
  }

  /** Inbound audio frames dropped because the consumer fell behind. */
  long droppedFrames() {
    return inbound.dropped();
  }

  @Override
  public void close() {
    if (!beginClose()) {
      return;
    }
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
      finishClose(reader);
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
}

package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@link MediaSession} over one AudioSocket connection from Asterisk's {@code AudioSocket()}
 * application.
 *
 * <p>Two virtual threads per session: a reader that turns messages into {@link MediaEvent}s (it
 * never waits for the consumer, see {@link InboundMedia}) and a sender that writes queued speech
 * one frame per 20 ms ({@link FramePacer}). Socket writes are serialized by a lock because {@link
 * #close()} writes the hangup message from the caller's thread.
 */
final class AudioSocketMediaSession implements ChannelMediaSession {

  private static final Logger log = LoggerFactory.getLogger(AudioSocketMediaSession.class);

  /** 20 ms of 8 kHz 16-bit mono. */
  static final int FRAME_BYTES = 320;

  // A stalled sender may fall this far behind and still catch up; beyond it the schedule restarts.
  private static final long MAX_LATE_NANOS = 3 * FramePacer.FRAME_NANOS;
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
  private final Object playLock = new Object();
  private final LinkedBlockingQueue<Frame> outbound = new LinkedBlockingQueue<>();
  private final AtomicInteger queuedFrames = new AtomicInteger();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong playedFrames = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  // The frame the sender holds while it waits for the frame's slot; stale once stopped.
  private volatile Frame inFlight;
  private final Thread reader;
  private final Thread sender;

  private record Frame(long generation, byte[] pcm) {}

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
    // Platform threads, not virtual ones: speech recognition runs native code (Vosk through JNA)
    // that pins the virtual threads' few carrier threads for whole decoding passes, and a media
    // thread queued behind them misses its 20 ms frames; Asterisk's AudioSocket() hangs up after
    // 2 s without a frame. These two threads only copy frames, so they cost little CPU.
    this.reader =
        Thread.ofPlatform()
            .name("audiosocket-read-" + callId)
            .daemon()
            .priority(Thread.MAX_PRIORITY)
            .start(this::readLoop);
    this.sender =
        Thread.ofPlatform()
            .name("audiosocket-play-" + callId)
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
        // copyOfRange pads a short last frame with zeros, which is silence in signed PCM.
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

  /** Inbound audio frames dropped because the consumer fell behind. */
  long droppedFrames() {
    return inbound.dropped();
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

  /** How long the line may carry nothing from us before a frame of silence goes out. */
  private static final long KEEPALIVE_MILLIS = 500;

  /** 20 ms of signed-linear silence at 8 kHz. */
  private static final byte[] KEEPALIVE_SILENCE = new byte[FRAME_BYTES];

  private void sendLoop() {
    MDC.put("callId", callId);
    FramePacer pacer = new FramePacer(MAX_LATE_NANOS);
    boolean broken = false;
    try {
      while (!closed.get()) {
        Frame frame = outbound.poll(KEEPALIVE_MILLIS, TimeUnit.MILLISECONDS);
        if (frame == null) {
          // Asterisk's AudioSocket() hangs up after 2 s in which neither the caller nor we sent
          // anything; a phone that streams nothing while the robot thinks (SIPp after its file,
          // a handset with silence suppression) would end the call. A frame of silence now and
          // then keeps it up and is inaudible.
          if (!broken) {
            try {
              send(AudioSocketCodec.Kind.AUDIO, KEEPALIVE_SILENCE);
            } catch (IOException e) {
              log.debug("cannot send keep-alive on call {}: {}", callId, e.toString());
              broken = true;
            }
          }
          continue;
        }
        inFlight = frame;
        queuedFrames.decrementAndGet();
        try {
          if (broken || frame.generation() != generation.get()) {
            continue;
          }
          long delay = pacer.delayBeforeNext(clock.nanoTime());
          if (delay > 0) {
            clock.sleepNanos(delay);
          }
          // stopPlayback() may have come while we waited for the frame's slot.
          if (frame.generation() == generation.get()) {
            send(AudioSocketCodec.Kind.AUDIO, frame.pcm());
            pacer.frameSent();
            playedFrames.incrementAndGet();
          }
        } catch (IOException e) {
          // The stream is gone; the reader reports the end. Keep draining so isPlaying() is false.
          log.debug("cannot send audio on call {}: {}", callId, e.toString());
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

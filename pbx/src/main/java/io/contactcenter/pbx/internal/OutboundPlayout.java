package io.contactcenter.pbx.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The outbound half of a media session, whatever the transport: a queue of 20 ms frames and the
 * thread that sends them at real-time pace ({@link FramePacer}) to a {@link FrameSink}. The inbound
 * half is {@link InboundMedia}.
 *
 * <p>Each frame carries the generation it was queued in; {@link #stop()} advances the generation,
 * so a frame the sender already holds while it waits for its slot is dropped too and the caller
 * hears at most one more frame. After the sink fails once (the stream is gone) nothing more is
 * sent, but queued frames are still drained so {@link #isPlaying()} turns false.
 *
 * <p>{@link #play}, {@link #stop}, {@link #isPlaying} and {@link #played} are thread-safe and never
 * block on the network.
 */
final class OutboundPlayout {

  /** 20 ms of 8 kHz 16-bit mono. */
  static final int FRAME_BYTES = 320;

  private static final Logger log = LoggerFactory.getLogger(OutboundPlayout.class);
  // A stalled sender may fall this far behind and still catch up; beyond it the schedule restarts.
  private static final long MAX_LATE_NANOS = 3 * FramePacer.FRAME_NANOS;
  private static final Duration THREAD_EXIT = Duration.ofSeconds(2);

  /** Where paced frames go: the transport's socket. Called on the sender thread only. */
  interface FrameSink {

    /**
     * Sends one frame of signed 16-bit little-endian PCM.
     *
     * @param talkspurt the first frame after a pause (RTP marks it and moves its timestamp on)
     */
    void send(byte[] pcm, boolean talkspurt) throws IOException;

    /** Nothing was queued for the idle interval; a transport may send a keep-alive. */
    default void idle() throws IOException {}
  }

  private record Frame(long generation, byte[] pcm) {}

  private final String callId;
  private final MediaClock clock;
  private final FrameSink sink;
  private final long idleMillis;
  private final Object playLock = new Object();
  private final LinkedBlockingQueue<Frame> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger queuedFrames = new AtomicInteger();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong playedFrames = new AtomicLong();
  // The frame the sender holds while it waits for the frame's slot; stale once stopped.
  private volatile Frame inFlight;
  private volatile boolean closed;
  private final Thread sender;

  /**
   * Starts the sender thread.
   *
   * @param threadName the sender thread's name
   * @param idleInterval how long the queue may stay empty before {@link FrameSink#idle()} runs
   */
  OutboundPlayout(
      String callId, String threadName, MediaClock clock, FrameSink sink, Duration idleInterval) {
    this.callId = callId;
    this.clock = clock;
    this.sink = sink;
    this.idleMillis = idleInterval.toMillis();
    // Platform threads, not virtual ones: speech recognition runs native code (Vosk through JNA)
    // that pins the virtual threads' few carrier threads for whole decoding passes, and a media
    // thread queued behind them misses its 20 ms frames; Asterisk's AudioSocket() hangs up after
    // 2 s without a frame. The thread only copies frames, so it costs little CPU.
    this.sender =
        Thread.ofPlatform()
            .name(threadName)
            .daemon()
            .priority(Thread.MAX_PRIORITY)
            .start(this::sendLoop);
  }

  /**
   * Queues audio after whatever is queued; a partial last frame is padded with silence.
   *
   * @throws IllegalArgumentException if the length is odd
   */
  void play(byte[] pcm16le8k) {
    if (pcm16le8k.length % 2 != 0) {
      throw new IllegalArgumentException(
          "PCM16 audio needs an even number of bytes, got " + pcm16le8k.length);
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
        queue.add(new Frame(gen, frame));
      }
    }
  }

  /** Drops everything queued, and the frame waiting for its slot. */
  void stop() {
    synchronized (playLock) {
      generation.incrementAndGet();
      List<Frame> dropped = new ArrayList<>();
      queue.drainTo(dropped);
      queuedFrames.addAndGet(-dropped.size());
    }
  }

  boolean isPlaying() {
    Frame current = inFlight;
    return queuedFrames.get() > 0 || (current != null && current.generation() == generation.get());
  }

  /** Audio sent since {@link #play} was called while nothing was playing. */
  Duration played() {
    return Duration.ofNanos(playedFrames.get() * FramePacer.FRAME_NANOS);
  }

  /** Stops playback and the sender thread; waits for it (briefly). Idempotent. */
  void close() {
    closed = true;
    stop();
    sender.interrupt();
    try {
      if (!sender.join(THREAD_EXIT)) {
        log.warn("{} did not stop within {}", sender.getName(), THREAD_EXIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Counts a sent frame unless a stop (and perhaps a new prompt, which restarts the count) came
   * while it was being written: under the lock that play and stop take, so the count of a new
   * prompt never includes a frame of the one it replaced.
   */
  private void countPlayed(Frame frame) {
    synchronized (playLock) {
      if (frame.generation() == generation.get()) {
        playedFrames.incrementAndGet();
      }
    }
  }

  private void sendLoop() {
    MDC.put("callId", callId);
    FramePacer pacer = new FramePacer(MAX_LATE_NANOS);
    boolean broken = false;
    try {
      while (!closed) {
        Frame frame = queue.poll(idleMillis, TimeUnit.MILLISECONDS);
        if (frame == null) {
          if (!broken) {
            try {
              sink.idle();
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
          boolean talkspurt = pacer.restarted();
          if (delay > 0) {
            clock.sleepNanos(delay);
          }
          // stop() may have come while we waited for the frame's slot.
          if (frame.generation() == generation.get()) {
            sink.send(frame.pcm(), talkspurt);
            pacer.frameSent();
            countPlayed(frame);
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
}

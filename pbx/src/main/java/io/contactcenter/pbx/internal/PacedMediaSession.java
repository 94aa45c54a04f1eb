package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.MediaEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the two media transports share: the caller's events queued by {@link InboundMedia}, speech
 * paced out by {@link OutboundPlayout}, and the closed flag. A subclass reads its socket into
 * {@link #inbound}, gives the playout a sink ({@link #startPlayout}, once, in its constructor) and
 * closes its connection in {@link #close()}.
 */
abstract sealed class PacedMediaSession implements ChannelMediaSession
    permits AudioSocketMediaSession, RtpMediaSession {

  private static final Logger log = LoggerFactory.getLogger(PacedMediaSession.class);

  private static final Duration THREAD_EXIT = Duration.ofSeconds(2);

  final String callId;
  final InboundMedia inbound;
  final AtomicBoolean closed = new AtomicBoolean();
  private volatile OutboundPlayout outbound;

  PacedMediaSession(String callId, int maxInboundFrames) {
    this.callId = callId;
    this.inbound = new InboundMedia(callId, maxInboundFrames);
  }

  /**
   * Starts the sender thread.
   *
   * @param idle how long the line may carry nothing before the sink is called with silence
   */
  final void startPlayout(
      String threadName, MediaClock clock, OutboundPlayout.FrameSink sink, Duration idle) {
    outbound = new OutboundPlayout(callId, threadName, clock, sink, idle);
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

  /** Marks the session closed and stops the playout; false when it was closed already. */
  final boolean beginClose() {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    outbound.close();
    return true;
  }

  /** Waits for the reader thread, ends the inbound stream and says what the consumer missed. */
  final void finishClose(Thread reader) {
    join(reader);
    inbound.end();
    long dropped = inbound.dropped();
    if (dropped > 0) {
      log.warn("media consumer of call {} fell behind: {} inbound frames dropped", callId, dropped);
    }
  }

  private static void join(Thread thread) {
    try {
      if (!thread.join(THREAD_EXIT)) {
        log.warn("{} did not stop within {}", thread.getName(), THREAD_EXIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

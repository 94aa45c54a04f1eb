package io.contactcenter.pbx.internal;

/**
 * When to send the next outbound frame. Asterisk writes each AudioSocket frame to the caller the
 * moment it arrives, without a jitter buffer, so frames must leave at the rate they are played: one
 * per 20 ms against a fixed schedule (a sleep per frame would drift by the time each send takes).
 *
 * <p>After a pause longer than {@code maxLateNanos} (an idle session, a stalled thread) the
 * schedule restarts from now instead of catching up, which would burst the missed frames.
 *
 * <p>Not thread-safe: used by the one sending thread. Times are {@link System#nanoTime()} values.
 */
final class FramePacer {

  static final long FRAME_NANOS = 20_000_000L;

  private final long maxLateNanos;
  private long nextDue;
  private boolean started;
  private boolean restarted;

  FramePacer(long maxLateNanos) {
    this.maxLateNanos = maxLateNanos;
  }

  /** How long to wait at {@code now} before sending the next frame; 0 to send at once. */
  long delayBeforeNext(long now) {
    restarted = !started || now - nextDue > maxLateNanos;
    if (restarted) {
      nextDue = now;
      started = true;
    }
    return Math.max(0, nextDue - now);
  }

  /**
   * Whether the last {@link #delayBeforeNext} started a new schedule: the frame it timed is the
   * first after a pause (RTP marks such a frame and moves its timestamp on by the pause).
   */
  boolean restarted() {
    return restarted;
  }

  /** A frame left; the next one is due one frame period after it was scheduled. */
  void frameSent() {
    nextDue += FRAME_NANOS;
  }
}

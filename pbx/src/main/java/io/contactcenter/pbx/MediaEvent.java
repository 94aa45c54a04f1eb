package io.contactcenter.pbx;

/**
 * Something that arrived on a call's live media stream ({@link MediaSession#next}).
 *
 * <p>{@link Audio} carries one frame of the caller's voice, {@link Dtmf} a key the caller pressed,
 * {@link Hangup} that the stream ended (the caller hung up, Asterisk closed the stream, or the
 * stream was unreadable); nothing follows a {@code Hangup}.
 */
public sealed interface MediaEvent {

  /**
   * One inbound frame: signed 16-bit little-endian PCM, 8 kHz, mono; normally 20 ms (320 bytes).
   *
   * @param receivedNanos when the frame arrived from Asterisk, as {@link System#nanoTime()}: a
   *     consumer that fell behind sees how long the frame waited (turn latency is measured from it)
   */
  record Audio(byte[] pcm, long receivedNanos) implements MediaEvent {

    /** A frame received now. */
    public Audio(byte[] pcm) {
      this(pcm, System.nanoTime());
    }

    /** The frame's length in samples (two bytes each). */
    public int samples() {
      return pcm.length / 2;
    }
  }

  /** A key the caller pressed: 0-9, *, # or A-D. */
  record Dtmf(char digit) implements MediaEvent {}

  /** The media stream ended; the session is over. */
  record Hangup() implements MediaEvent {}
}

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
   */
  record Audio(byte[] pcm) implements MediaEvent {

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

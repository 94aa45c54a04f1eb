package io.contactcenter.qa.internal;

/**
 * Finds where sound resumes in 16-bit PCM, so that the transcriber can step over a silent stretch
 * (a long pause, or on one leg of a two-leg recording the other party's turn) instead of feeding it
 * to a recognition. Deliberately cruder and more permissive than the speech engine's own detector:
 * a frame counts as sound when its RMS level (DC offset included) reaches {@value #THRESHOLD_DBFS}
 * dBFS, 5 dB under the lowest level the engine can take for speech, so nothing the engine could
 * hear is skipped; a line whose noise is above it is simply never skipped.
 */
final class SilenceGate {

  /** Frame the level is measured over, the telephony frame. */
  static final int FRAME_MS = 20;

  /** The engine's detector never takes a frame under -55 dBFS for speech. */
  static final int THRESHOLD_DBFS = -60;

  private static final double THRESHOLD_RMS = 32768 * Math.pow(10, THRESHOLD_DBFS / 20.0);

  private final int frameBytes;

  SilenceGate(int sampleRate) {
    this.frameBytes = sampleRate / 1000 * FRAME_MS * 2;
  }

  /** Bytes in one frame. */
  int frameBytes() {
    return frameBytes;
  }

  /**
   * The start of the first frame at or after {@code from} that holds sound; frames are counted from
   * {@code from}. {@code pcm16le.length} when the rest is silent.
   */
  int nextSound(byte[] pcm16le, int from) {
    for (int frame = from; frame < pcm16le.length; frame += frameBytes) {
      int end = Math.min(pcm16le.length, frame + frameBytes) & ~1;
      int samples = (end - frame) / 2;
      if (samples == 0) {
        break;
      }
      long sum = 0;
      for (int i = frame; i + 1 < end; i += 2) {
        int s = (short) ((pcm16le[i] & 0xFF) | (pcm16le[i + 1] << 8));
        sum += (long) s * s;
      }
      if (sum >= THRESHOLD_RMS * THRESHOLD_RMS * samples) {
        return frame;
      }
    }
    return pcm16le.length;
  }
}

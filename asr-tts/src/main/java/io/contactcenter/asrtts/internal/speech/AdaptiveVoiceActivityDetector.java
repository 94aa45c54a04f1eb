package io.contactcenter.asrtts.internal.speech;

/**
 * Tells speech from silence by frame energy against the line's own noise floor: a frame is speech
 * when its RMS level is more than a margin above the floor, and never below an absolute minimum. A
 * fixed threshold fails both ways on real lines: a quiet caller stays under it and is not heard,
 * and background noise above it holds the turn open until the longest utterance. Cheap enough to
 * run on every 20 ms frame of every call.
 *
 * <p>The floor is the quietest frame of the last {@value #WINDOW_FRAMES} (1.5 s, minimum
 * statistics): pauses between words pull it down to the line's noise, and noise that starts later
 * becomes the floor within 1.5 s (syllables and pauses keep speech well above its own quietest
 * frames). Until that much audio has been heard, the window also holds a prior of a quiet line
 * ({@code minimum - margin}), so speech that starts with the audio (a clip cut tight, barge-in) is
 * heard from its first frames; noise on a line from the first frame then counts as speech for at
 * most 1.5 s instead of holding the turn open to the longest utterance.
 *
 * <p>One per audio stream, fed every frame in order: not thread-safe.
 */
final class AdaptiveVoiceActivityDetector {

  /** Frames over which the floor is the minimum: 1.5 s of 20 ms frames. */
  static final int WINDOW_FRAMES = 75;

  private final double minimumDbfs;
  private final double marginDb;
  private final double[] levels = new double[WINDOW_FRAMES];
  private long seen;

  /**
   * @param minimumDbfs the level a frame must exceed whatever the floor, such as -55 (G.711 line
   *     silence sits near -70 dBFS, a quiet caller's speech around -45, a nominal one -26)
   * @param marginDb how far above the noise floor a frame must be to count as speech, such as 10
   */
  AdaptiveVoiceActivityDetector(double minimumDbfs, double marginDb) {
    if (minimumDbfs >= 0 || minimumDbfs < -96) {
      throw new IllegalArgumentException("VAD threshold must be between -96 and 0 dBFS");
    }
    if (marginDb <= 0 || marginDb > 40) {
      throw new IllegalArgumentException("VAD noise margin must be above 0 and at most 40 dB");
    }
    this.minimumDbfs = minimumDbfs;
    this.marginDb = marginDb;
  }

  /** Whether the next frame of the stream is speech; updates the noise floor. */
  boolean isSpeech(short[] samples, int offset, int length) {
    double level = levelDbfs(samples, offset, length);
    levels[(int) (seen % WINDOW_FRAMES)] = level;
    seen++;
    return level > thresholdDbfs();
  }

  /** The noise floor in dBFS as now estimated. */
  double noiseFloorDbfs() {
    double floor = Double.MAX_VALUE;
    for (int i = 0; i < Math.min(seen, WINDOW_FRAMES); i++) {
      floor = Math.min(floor, levels[i]);
    }
    if (seen < WINDOW_FRAMES) {
      floor = Math.min(floor, minimumDbfs - marginDb);
    }
    return floor;
  }

  /** The level a frame must now exceed to be speech. */
  double thresholdDbfs() {
    return Math.max(minimumDbfs, noiseFloorDbfs() + marginDb);
  }

  /** The RMS level in dB relative to full scale; -96 for digital silence. */
  static double levelDbfs(short[] samples, int offset, int length) {
    if (length == 0) {
      return -96;
    }
    double sum = 0;
    long mean = 0;
    for (int i = 0; i < length; i++) {
      mean += samples[offset + i];
    }
    // Remove a DC offset: some lines carry one and it is not speech.
    double dc = (double) mean / length;
    for (int i = 0; i < length; i++) {
      double s = samples[offset + i] - dc;
      sum += s * s;
    }
    double rms = Math.sqrt(sum / length);
    return rms < 1 ? -96 : 20 * Math.log10(rms / 32768.0);
  }
}

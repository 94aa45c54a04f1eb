package io.contactcenter.asrtts.internal.speech;

/**
 * Tells speech from silence by frame energy: a frame is loud when its RMS level exceeds a threshold
 * in dBFS. Cheap enough to run on every 20 ms frame of every call, so that the recognizer only
 * decodes frames around speech. Stateless and thread-safe.
 */
final class EnergyVoiceActivityDetector {

  private final double thresholdDbfs;

  /**
   * @param thresholdDbfs the level above which a frame counts as speech, such as -42 (telephone
   *     line noise sits around -60 dBFS, speech around -30 to -15)
   */
  EnergyVoiceActivityDetector(double thresholdDbfs) {
    if (thresholdDbfs >= 0 || thresholdDbfs < -96) {
      throw new IllegalArgumentException("VAD threshold must be between -96 and 0 dBFS");
    }
    this.thresholdDbfs = thresholdDbfs;
  }

  /** Whether the samples are loud enough to be speech. */
  boolean isSpeech(short[] samples, int offset, int length) {
    return levelDbfs(samples, offset, length) > thresholdDbfs;
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

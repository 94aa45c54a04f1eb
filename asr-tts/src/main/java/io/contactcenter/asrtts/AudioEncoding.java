package io.contactcenter.asrtts;

/** Raw audio as telephony delivers it: always mono. */
public enum AudioEncoding {
  /** Signed 16-bit little-endian PCM at 8 kHz (Asterisk slin). */
  PCM16_8K(8000, 2),
  /** Signed 16-bit little-endian PCM at 16 kHz (Asterisk slin16). */
  PCM16_16K(16000, 2),
  /** G.711 µ-law at 8 kHz, one byte per sample. */
  ULAW_8K(8000, 1),
  /** G.711 A-law at 8 kHz, one byte per sample. */
  ALAW_8K(8000, 1);

  private final int sampleRate;
  private final int bytesPerSample;

  AudioEncoding(int sampleRate, int bytesPerSample) {
    this.sampleRate = sampleRate;
    this.bytesPerSample = bytesPerSample;
  }

  /** Samples per second. */
  public int sampleRate() {
    return sampleRate;
  }

  /** Bytes per sample. */
  public int bytesPerSample() {
    return bytesPerSample;
  }
}

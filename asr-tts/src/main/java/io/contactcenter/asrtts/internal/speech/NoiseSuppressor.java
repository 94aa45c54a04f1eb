package io.contactcenter.asrtts.internal.speech;

import java.util.Arrays;

/**
 * A streaming noise suppressor for telephone speech (8 kHz; 16 kHz with the same window length): a
 * short-time Fourier transform (256 samples, half overlap, square-root Hann windows), a noise
 * spectrum that follows each bin's quietest smoothed power (it falls at once and rises slowly), and
 * a Wiener gain from a decision-directed a-priori SNR, never below a floor so that the recognizer
 * still hears the line. Output lags input by {@link #HOP} samples.
 */
final class NoiseSuppressor {

  /** The window at 8 kHz, 32 ms; at other rates the window keeps its length in time. */
  static final int SIZE_8K = 256;

  /** The samples output lags behind input at 8 kHz. */
  static final int HOP = SIZE_8K / 2;

  /**
   * How fast a bin's noise estimate may rise, per window step (16 ms): 1.5 %, about 4 dB a second,
   * so that a word held for a second does not become noise while noise that starts later is learnt
   * within seconds (it falls to a quieter level at once).
   */
  private static final double RISE = 1.015;

  /**
   * The decision-directed a-priori SNR's weight on the last window's cleaned power (Ephraim and
   * Malah); chosen on the tune part of the noisy-reply benchmark from 0.95 and 0.98 (ADR 0063).
   */
  private static final double ALPHA = 0.95;

  private final int size;
  private final int hop;
  private final int bins;

  private final double floor;
  private final double[] window;
  private final double[] input;
  private final double[] overlap;
  private final double[] smoothed;
  private final double[] noise;
  private final double[] lastClean;
  private final double[] re;
  private final double[] im;
  private int filled;
  private long frames;
  private long taken;
  private long given;

  /**
   * @param floorDb the least gain a bin gets, in dB (for example −12): deeper suppression leaves
   *     "musical" artefacts that recognizers hear as sounds
   */
  NoiseSuppressor(int sampleRate, double floorDb) {
    if (sampleRate != 8000 && sampleRate != 16000) {
      throw new IllegalArgumentException("noise suppression takes 8 or 16 kHz, not " + sampleRate);
    }
    this.floor = Math.pow(10, floorDb / 20);
    this.size = SIZE_8K * sampleRate / 8000;
    this.hop = size / 2;
    this.bins = size / 2 + 1;
    window = new double[size];
    input = new double[size];
    overlap = new double[hop];
    smoothed = new double[bins];
    noise = new double[bins];
    lastClean = new double[bins];
    re = new double[size];
    im = new double[size];
    for (int i = 0; i < size; i++) {
      window[i] = Math.sqrt(0.5 - 0.5 * Math.cos(2 * Math.PI * i / size));
    }
  }

  /** Suppresses a whole signal (the same as streaming it), output aligned with the input. */
  static short[] process(short[] signal, double floorDb) {
    NoiseSuppressor s = new NoiseSuppressor(8000, floorDb);
    short[] out = s.accept(signal);
    short[] rest = s.flush();
    short[] all = Arrays.copyOf(out, out.length + rest.length);
    System.arraycopy(rest, 0, all, out.length, rest.length);
    return all;
  }

  /** Takes samples and returns the suppressed samples ready so far (a multiple of {@link #HOP}). */
  short[] accept(short[] samples) {
    taken += samples.length;
    short[] out = new short[samples.length + hop];
    int written = 0;
    for (short sample : samples) {
      input[filled++] = sample;
      if (filled == size) {
        double[] frame = frame();
        for (int i = 0; i < hop; i++) {
          double v = frame[i] + overlap[i];
          out[written++] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
          overlap[i] = frame[i + hop];
        }
        System.arraycopy(input, hop, input, 0, hop);
        filled = hop;
      }
    }
    given += written;
    return Arrays.copyOf(out, written);
  }

  /**
   * The suppressed samples still held back, when the audio has ended: the output then holds as many
   * samples as were taken. The suppressor is not to be used after this.
   */
  short[] flush() {
    long owed = taken - given;
    if (owed <= 0) {
      return new short[0];
    }
    short[] out = accept(new short[size]);
    return Arrays.copyOf(out, (int) Math.min(owed, out.length));
  }

  private double[] frame() {
    for (int i = 0; i < size; i++) {
      re[i] = input[i] * window[i];
      im[i] = 0;
    }
    fft(re, im, false);
    for (int k = 0; k < bins; k++) {
      double power = re[k] * re[k] + im[k] * im[k];
      if (frames == 0) {
        smoothed[k] = power;
        noise[k] = Math.max(power, 1e-3);
      } else {
        smoothed[k] = 0.7 * smoothed[k] + 0.3 * power;
        noise[k] = Math.max(1e-3, Math.min(smoothed[k], noise[k] * RISE));
      }
      double posterior = power / noise[k];
      double prior =
          frames == 0
              ? Math.max(posterior - 1, 0)
              : ALPHA * lastClean[k] / noise[k] + (1 - ALPHA) * Math.max(posterior - 1, 0);
      double gain = Math.max(floor, prior / (1 + prior));
      lastClean[k] = gain * gain * power;
      re[k] *= gain;
      im[k] *= gain;
      if (k > 0 && k < size / 2) {
        re[size - k] = re[k];
        im[size - k] = -im[k];
      }
    }
    frames++;
    fft(re, im, true);
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = re[i] * window[i];
    }
    return out;
  }

  /** An in-place radix-2 FFT; the inverse divides by the size. */
  static void fft(double[] re, double[] im, boolean inverse) {
    int n = re.length;
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= n; len <<= 1) {
      double angle = 2 * Math.PI / len * (inverse ? 1 : -1);
      double wr = Math.cos(angle);
      double wi = Math.sin(angle);
      for (int i = 0; i < n; i += len) {
        double cr = 1;
        double ci = 0;
        for (int j = 0; j < len / 2; j++) {
          int a = i + j;
          int b = a + len / 2;
          double xr = re[b] * cr - im[b] * ci;
          double xi = re[b] * ci + im[b] * cr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
          double next = cr * wr - ci * wi;
          ci = cr * wi + ci * wr;
          cr = next;
        }
      }
    }
    if (inverse) {
      for (int i = 0; i < n; i++) {
        re[i] /= n;
        im[i] /= n;
      }
    }
  }
}

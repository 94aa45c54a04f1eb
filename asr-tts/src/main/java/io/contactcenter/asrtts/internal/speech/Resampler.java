package io.contactcenter.asrtts.internal.speech;

import java.util.Arrays;

/**
 * Streaming sample-rate converter for any rational ratio: a polyphase bank of Kaiser-windowed sinc
 * filters. The cut-off sits at 92% of the lower Nyquist frequency, so downsampling removes what
 * would alias (48 kHz TTS to 8 kHz telephony) and upsampling (8 kHz calls to a 16 kHz model) adds
 * no images.
 *
 * <p>Not thread-safe: one instance per stream. Feed {@link #process} with consecutive blocks and
 * call {@link #flush} once at the end for the last ~16 input samples held back as look-ahead.
 */
public final class Resampler {

  private static final double ROLL_OFF = 0.92;
  private static final int ZERO_CROSSINGS = 16;
  private static final double KAISER_BETA = 8.6;

  private final int up;
  private final int down;
  private final int halfTaps;
  private final float[][] phases;
  private float[] buffer;
  private int buffered;
  private long bufferStart;
  private long inputCount;
  private long outputCount;
  private boolean flushed;

  public Resampler(int inputRate, int outputRate) {
    if (inputRate <= 0 || outputRate <= 0) {
      throw new IllegalArgumentException("sample rates must be positive");
    }
    int gcd = gcd(inputRate, outputRate);
    this.up = outputRate / gcd;
    this.down = inputRate / gcd;
    // Cut-off in cycles per input sample, below the lower of the two Nyquist frequencies.
    double cutoff = 0.5 * Math.min(1.0, (double) up / down) * ROLL_OFF;
    double halfWidth = ZERO_CROSSINGS / (2 * cutoff);
    this.halfTaps = (int) Math.ceil(halfWidth);
    this.phases = new float[up][2 * halfTaps];
    for (int p = 0; p < up; p++) {
      double fraction = (double) p / up;
      double sum = 0;
      double[] taps = new double[2 * halfTaps];
      for (int j = 0; j < 2 * halfTaps; j++) {
        // Tap j weighs input sample (base - halfTaps + 1 + j); its distance from the output time:
        double distance = fraction - (j - halfTaps + 1);
        taps[j] = kernel(distance, cutoff, halfWidth);
        sum += taps[j];
      }
      for (int j = 0; j < taps.length; j++) {
        phases[p][j] = (float) (taps[j] / sum);
      }
    }
    this.buffer = new float[4096];
    // Samples before the stream are silence.
    this.buffered = halfTaps;
    this.bufferStart = -halfTaps;
  }

  /** Converts a whole signal at once. */
  public static short[] resample(short[] samples, int inputRate, int outputRate) {
    if (inputRate == outputRate) {
      return samples.clone();
    }
    Resampler resampler = new Resampler(inputRate, outputRate);
    short[] head = resampler.process(samples, 0, samples.length);
    short[] tail = resampler.flush();
    short[] out = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, out, head.length, tail.length);
    return out;
  }

  /** Feeds input samples; returns the output samples that are complete so far (maybe none). */
  public short[] process(short[] samples, int offset, int length) {
    if (flushed) {
      throw new IllegalStateException("resampler already flushed");
    }
    ensureCapacity(length);
    for (int i = 0; i < length; i++) {
      buffer[buffered + i] = samples[offset + i];
    }
    buffered += length;
    inputCount += length;
    return drain(inputCount);
  }

  /** Ends the stream: returns the remaining output, as if silence followed. */
  public short[] flush() {
    if (flushed) {
      return new short[0];
    }
    flushed = true;
    ensureCapacity(halfTaps + 1);
    Arrays.fill(buffer, buffered, buffered + halfTaps + 1, 0f);
    buffered += halfTaps + 1;
    long expected = (inputCount * up + down - 1) / down;
    short[] out = drain(inputCount + halfTaps + 1);
    int keep = (int) Math.max(0, Math.min(out.length, out.length - (outputCount - expected)));
    return keep == out.length ? out : Arrays.copyOf(out, keep);
  }

  private short[] drain(long available) {
    // Output n sits at input time n * down / up and needs inputs up to base + halfTaps.
    long count = 0;
    for (long n = outputCount; ; n++) {
      long base = Math.floorDiv(n * down, up);
      if (base + halfTaps >= available) {
        break;
      }
      count++;
    }
    short[] out = new short[(int) count];
    for (int i = 0; i < count; i++) {
      long position = outputCount * down;
      long base = Math.floorDiv(position, up);
      int phase = (int) (position - base * up);
      float[] taps = phases[phase];
      int start = (int) (base - halfTaps + 1 - bufferStart);
      double acc = 0;
      for (int j = 0; j < taps.length; j++) {
        acc += taps[j] * buffer[start + j];
      }
      long rounded = Math.round(acc);
      out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
      outputCount++;
    }
    discardConsumed();
    return out;
  }

  private void discardConsumed() {
    long nextBase = Math.floorDiv(outputCount * down, up);
    int drop = (int) Math.max(0, nextBase - halfTaps + 1 - bufferStart);
    drop = Math.min(drop, buffered);
    if (drop > 0) {
      System.arraycopy(buffer, drop, buffer, 0, buffered - drop);
      buffered -= drop;
      bufferStart += drop;
    }
  }

  private void ensureCapacity(int extra) {
    if (buffered + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + extra));
    }
  }

  private static double kernel(double t, double cutoff, double halfWidth) {
    if (Math.abs(t) >= halfWidth) {
      return 0;
    }
    double x = 2 * cutoff * t;
    double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    double ratio = t / halfWidth;
    double window = bessel0(KAISER_BETA * Math.sqrt(1 - ratio * ratio)) / bessel0(KAISER_BETA);
    return 2 * cutoff * sinc * window;
  }

  private static double bessel0(double x) {
    double sum = 1;
    double term = 1;
    for (int k = 1; k < 50; k++) {
      term *= (x / (2 * k)) * (x / (2 * k));
      sum += term;
      if (term < 1e-12 * sum) {
        break;
      }
    }
    return sum;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}

package io.contactcenter.asrtts.internal.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Test signals. */
final class Signals {

  private Signals() {}

  static short[] tone(double hz, int rate, double seconds, double amplitude) {
    short[] out = new short[(int) Math.round(rate * seconds)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return out;
  }

  /** White noise at an RMS level in dBFS, from a seeded generator. */
  static short[] noise(int rate, double seconds, double levelDbfs, long seed) {
    java.util.Random random = new java.util.Random(seed);
    double rms = 32768 * Math.pow(10, levelDbfs / 20);
    short[] out = new short[(int) Math.round(rate * seconds)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(rms * random.nextGaussian())));
    }
    return out;
  }

  /** A sine tone whose RMS level is the given dBFS. */
  static short[] toneAt(double hz, int rate, double seconds, double levelDbfs) {
    return tone(hz, rate, seconds, Math.sqrt(2) * 32768 * Math.pow(10, levelDbfs / 20));
  }

  /** Sample-wise sum, clipped; the result is as long as the longer input. */
  static short[] mix(short[] a, short[] b) {
    short[] out = new short[Math.max(a.length, b.length)];
    for (int i = 0; i < out.length; i++) {
      int s = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
      out[i] = (short) Math.max(-32768, Math.min(32767, s));
    }
    return out;
  }

  static short[] silence(int rate, double seconds) {
    return new short[(int) Math.round(rate * seconds)];
  }

  static short[] concat(short[]... parts) {
    int length = 0;
    for (short[] p : parts) {
      length += p.length;
    }
    short[] out = new short[length];
    int at = 0;
    for (short[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  static byte[] bytes(short[] samples) {
    ByteBuffer out = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    out.asShortBuffer().put(samples);
    return out.array();
  }

  static short[] shorts(byte[] pcm) {
    short[] out = new short[pcm.length / 2];
    ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
    return out;
  }

  /** RMS over the middle of a signal, away from filter edges. */
  static double rms(short[] samples) {
    int from = samples.length / 4;
    int to = samples.length * 3 / 4;
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) samples[i] * samples[i];
    }
    return Math.sqrt(sum / (to - from));
  }
}

package io.contactcenter.asrtts.internal.speech;

import java.util.Random;

/**
 * Background noise at a chosen signal-to-noise ratio: pink noise (Paul Kellet's three-pole filter
 * over white noise), whose falling spectrum is closer to a room, a street or a car than white
 * noise. The SNR is taken against the speech's active level (its 20 ms frames within 30 dB of the
 * loudest), so the pauses around the words do not count as quiet speech.
 */
final class LineNoise {

  private LineNoise() {}

  /** Pink noise of unit RMS. */
  static double[] pink(int length, Random random) {
    double[] out = new double[length];
    double b0 = 0;
    double b1 = 0;
    double b2 = 0;
    double sum = 0;
    for (int i = 0; i < length; i++) {
      double white = random.nextGaussian();
      b0 = 0.99765 * b0 + white * 0.0990;
      b1 = 0.96300 * b1 + white * 0.2965;
      b2 = 0.57000 * b2 + white * 1.0526;
      out[i] = b0 + b1 + b2 + white * 0.1848;
      sum += out[i] * out[i];
    }
    double rms = Math.sqrt(sum / Math.max(1, length));
    for (int i = 0; i < length; i++) {
      out[i] /= rms;
    }
    return out;
  }

  /** The speech's active level: RMS over the 20 ms frames within 30 dB of the loudest frame. */
  static double activeLevel(short[] speech, int rate) {
    int frame = rate / 50;
    int frames = speech.length / frame;
    double[] power = new double[frames];
    double loudest = 0;
    for (int f = 0; f < frames; f++) {
      double sum = 0;
      for (int i = f * frame; i < (f + 1) * frame; i++) {
        sum += (double) speech[i] * speech[i];
      }
      power[f] = sum / frame;
      loudest = Math.max(loudest, power[f]);
    }
    double sum = 0;
    int active = 0;
    for (double p : power) {
      if (p > 0 && p >= loudest / 1000) {
        sum += p;
        active++;
      }
    }
    return active == 0 ? 0 : Math.sqrt(sum / active);
  }

  /** {@code signal} with noise added at {@code snrDb} below the active level of {@code speech}. */
  static short[] add(short[] signal, double speechLevel, double snrDb, Random random) {
    double scale = speechLevel / Math.pow(10, snrDb / 20);
    double[] noise = pink(signal.length, random);
    double[] out = new double[signal.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = signal[i] + scale * noise[i];
    }
    return TelephoneChannel.clip(out);
  }
}

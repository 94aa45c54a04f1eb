package io.contactcenter.asrtts.internal.speech;

/**
 * The band a telephone line passes, 300–3400 Hz: a 4th-order Butterworth high-pass and a 4th-order
 * Butterworth low-pass, each two biquads (RBJ cookbook coefficients, the Q values of a 4th-order
 * Butterworth), run over 8 kHz audio.
 */
final class TelephoneBand {

  static final double LOW_HZ = 300;
  static final double HIGH_HZ = 3400;
  private static final double[] BUTTERWORTH_Q = {0.5412, 1.3066};

  private TelephoneBand() {}

  static short[] filter(short[] samples, int rate) {
    double[] x = new double[samples.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = samples[i];
    }
    for (double q : BUTTERWORTH_Q) {
      x = biquad(x, rate, LOW_HZ, q, true);
      x = biquad(x, rate, HIGH_HZ, q, false);
    }
    return TelephoneChannel.clip(x);
  }

  private static double[] biquad(double[] x, int rate, double hz, double q, boolean highPass) {
    double w = 2 * Math.PI * hz / rate;
    double alpha = Math.sin(w) / (2 * q);
    double cos = Math.cos(w);
    double b0 = highPass ? (1 + cos) / 2 : (1 - cos) / 2;
    double b1 = highPass ? -(1 + cos) : 1 - cos;
    double b2 = b0;
    double a0 = 1 + alpha;
    double a1 = -2 * cos;
    double a2 = 1 - alpha;
    double[] y = new double[x.length];
    double x1 = 0;
    double x2 = 0;
    double y1 = 0;
    double y2 = 0;
    for (int i = 0; i < x.length; i++) {
      double out = (b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2) / a0;
      x2 = x1;
      x1 = x[i];
      y2 = y1;
      y1 = out;
      y[i] = out;
    }
    return y;
  }
}

package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The noise suppressor that may sit in front of the recognizer on noisy lines. */
class NoiseSuppressorTest {

  private static final int RATE = 8000;

  @Test
  void theTransformGivesBackWhatItTook() {
    Random random = new Random(3);
    double[] re = new double[256];
    double[] im = new double[256];
    double[] original = new double[256];
    for (int i = 0; i < re.length; i++) {
      re[i] = original[i] = random.nextGaussian();
    }
    NoiseSuppressor.fft(re, im, false);
    NoiseSuppressor.fft(re, im, true);
    for (int i = 0; i < re.length; i++) {
      assertThat(re[i]).isCloseTo(original[i], within(1e-9));
      assertThat(im[i]).isCloseTo(0, within(1e-9));
    }
  }

  @Test
  void streamingInPiecesGivesTheSameAsTheWholeSignal() {
    short[] signal = noisyBursts(new Random(5));
    short[] whole = NoiseSuppressor.process(signal, -12);
    NoiseSuppressor streamed = new NoiseSuppressor(8000, -12);
    short[] out = new short[0];
    for (int at = 0; at < signal.length; at += 160) {
      short[] piece = streamed.accept(Arrays.copyOfRange(signal, at, at + 160));
      short[] joined = Arrays.copyOf(out, out.length + piece.length);
      System.arraycopy(piece, 0, joined, out.length, piece.length);
      out = joined;
    }
    short[] rest = streamed.flush();
    short[] all = Arrays.copyOf(out, out.length + rest.length);
    System.arraycopy(rest, 0, all, out.length, rest.length);
    assertThat(all).hasSameSizeAs(signal).isEqualTo(whole);
  }

  @Test
  void noiseBetweenWordsIsLoweredAndTheWordsKeepTheirLevel() {
    short[] signal = noisyBursts(new Random(7));
    short[] out = NoiseSuppressor.process(signal, -12);
    // Gaps: 1.0-1.5 s and 2.0-2.5 s; tones: 1.5-2.0 s and 2.5-3.0 s (after the noise is learnt).
    double gapBefore = rms(signal, 1.1, 1.4) + rms(signal, 2.1, 2.4);
    double gapAfter = rms(out, 1.1, 1.4) + rms(out, 2.1, 2.4);
    double toneBefore = rms(signal, 1.6, 1.9) + rms(signal, 2.6, 2.9);
    double toneAfter = rms(out, 1.6, 1.9) + rms(out, 2.6, 2.9);
    assertThat(20 * Math.log10(gapAfter / gapBefore)).isLessThan(-6);
    assertThat(20 * Math.log10(toneAfter / toneBefore)).isGreaterThan(-3);
  }

  /** White noise at −40 dBFS with 0.5 s tone bursts at −20 dBFS from 1.5 s on, every second. */
  private static short[] noisyBursts(Random random) {
    short[] s = new short[3 * RATE];
    for (int i = 0; i < s.length; i++) {
      double v = random.nextGaussian() * 32768 * Math.pow(10, -40 / 20.0);
      double t = i / (double) RATE;
      if (t >= 1.5 && (t % 1.0) >= 0.5) {
        v += Math.sin(2 * Math.PI * 440 * t) * 32768 * Math.pow(10, -20 / 20.0) * Math.sqrt(2);
      }
      s[i] = (short) v;
    }
    return s;
  }

  private static double rms(short[] s, double from, double to) {
    double sum = 0;
    int n = 0;
    for (int i = (int) (from * RATE); i < (int) (to * RATE); i++) {
      sum += (double) s[i] * s[i];
      n++;
    }
    return Math.sqrt(sum / n);
  }
}

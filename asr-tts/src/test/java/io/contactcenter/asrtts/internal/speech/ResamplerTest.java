package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

  private static final double AMPLITUDE = 10000;

  @ParameterizedTest(name = "{0} Hz -> {1} Hz")
  @CsvSource({"8000,16000", "16000,8000", "48000,8000", "44100,8000", "22050,8000", "8000,8000"})
  void keepsAOneKilohertzTone(int from, int to) {
    short[] in = Signals.tone(1000, from, 1.0, AMPLITUDE);

    short[] out = Resampler.resample(in, from, to);

    assertThat(out.length).isCloseTo(to, within(1));
    assertThat(Signals.rms(out)).isCloseTo(AMPLITUDE / Math.sqrt(2), within(AMPLITUDE * 0.01));
    assertThat(dominantFrequency(out, to)).isCloseTo(1000, within(20.0));
  }

  @ParameterizedTest(name = "{0} Hz tone at {1} Hz -> 8000 Hz")
  @CsvSource({"5000,16000", "6000,16000", "4500,16000", "12000,48000", "20000,48000", "7000,44100"})
  void removesWhatWouldAliasBelowTheNewNyquist(double hz, int from) {
    short[] in = Signals.tone(hz, from, 1.0, AMPLITUDE);

    short[] out = Resampler.resample(in, from, 8000);

    double attenuationDb = 20 * Math.log10(Signals.rms(out) / (AMPLITUDE / Math.sqrt(2)));
    assertThat(attenuationDb).isLessThan(-50);
  }

  @Test
  void upsamplingAddsNoImage() {
    short[] in = Signals.tone(1000, 8000, 1.0, AMPLITUDE);
    short[] out = Resampler.resample(in, 8000, 16000);
    // The image of 1 kHz at 8 kHz sampling sits at 7 kHz: nothing there after the filter.
    assertThat(power(out, 16000, 7000) / power(out, 16000, 1000)).isLessThan(1e-5);
  }

  @Test
  void streamingInOddBlocksEqualsOneShot() {
    short[] in = Signals.tone(440, 8000, 0.5, AMPLITUDE);
    short[] whole = Resampler.resample(in, 8000, 16000);

    Resampler resampler = new Resampler(8000, 16000);
    short[] streamed = new short[0];
    for (int at = 0; at < in.length; at += 37) {
      streamed = Signals.concat(streamed, resampler.process(in, at, Math.min(37, in.length - at)));
    }
    streamed = Signals.concat(streamed, resampler.flush());

    assertThat(streamed).containsExactly(whole);
    assertThat(streamed.length).isEqualTo(in.length * 2);
  }

  @Test
  void keepsTimeAlignment() {
    short[] in = new short[800];
    in[400] = 20000;
    short[] out = Resampler.resample(in, 8000, 16000);
    int peak = 0;
    for (int i = 1; i < out.length; i++) {
      if (Math.abs(out[i]) > Math.abs(out[peak])) {
        peak = i;
      }
    }
    assertThat(peak).isEqualTo(800);
  }

  /** Goertzel power at one frequency. */
  private static double power(short[] x, int rate, double hz) {
    double w = 2 * Math.PI * hz / rate;
    double coeff = 2 * Math.cos(w);
    double s1 = 0;
    double s2 = 0;
    for (int i = x.length / 4; i < x.length * 3 / 4; i++) {
      double s = x[i] + coeff * s1 - s2;
      s2 = s1;
      s1 = s;
    }
    return s1 * s1 + s2 * s2 - coeff * s1 * s2;
  }

  private static double dominantFrequency(short[] x, int rate) {
    double best = 0;
    double bestHz = 0;
    for (double hz = 100; hz < rate / 2.0; hz += 10) {
      double p = power(x, rate, hz);
      if (p > best) {
        best = p;
        bestHz = hz;
      }
    }
    return bestHz;
  }
}

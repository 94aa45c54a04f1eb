package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pieces of the simulated telephone line the noisy-reply benchmark sends speech through. */
class TelephoneChannelTest {

  private static final int RATE = 8000;

  @Test
  void muLawMatchesTheStandardCodesAndRoundTripsWithinItsQuantization() {
    assertThat(G711.ulawEncode((short) 0)).isEqualTo((byte) 0xFF);
    assertThat(G711.ulawDecode((byte) 0xFF)).isZero();
    assertThat(G711.ulawEncode((short) 32767)).isEqualTo((byte) 0x80);
    assertThat(G711.ulawEncode((short) -32768)).isEqualTo((byte) 0x00);
    assertThat(G711.ulawDecode((byte) 0x80)).isEqualTo((short) 32124);
    for (int s = -32768; s <= 32767; s += 7) {
      short back = G711.ulawDecode(G711.ulawEncode((short) s));
      // Each segment's step is 1/16 of its range: at most ~6 % error above the smallest segment.
      assertThat((double) Math.abs(back - s)).isLessThanOrEqualTo(Math.max(8, Math.abs(s) / 15.0));
    }
  }

  @Test
  void aLawMatchesTheStandardCodesAndRoundTripsWithinItsQuantization() {
    assertThat(G711.alawEncode((short) 0)).isEqualTo((byte) 0xD5);
    assertThat(G711.alawDecode((byte) 0xD5)).isEqualTo((short) 8);
    assertThat(G711.alawEncode((short) 32767)).isEqualTo((byte) 0xAA);
    assertThat(G711.alawDecode((byte) 0xAA)).isEqualTo((short) 32256);
    assertThat(G711.alawEncode((short) -32768)).isEqualTo((byte) 0x2A);
    for (int s = -32768; s <= 32767; s += 7) {
      short back = G711.alawDecode(G711.alawEncode((short) s));
      assertThat((double) Math.abs(back - s)).isLessThanOrEqualTo(Math.max(16, Math.abs(s) / 15.0));
    }
  }

  @Test
  void theLinePassesSpeechFrequenciesAndCutsBelow300AndAbove3400Hz() {
    double passed = gainAt(1000);
    assertThat(passed).isCloseTo(1.0, within(0.05));
    assertThat(gainAt(500)).isGreaterThan(0.9);
    assertThat(gainAt(3000)).isGreaterThan(0.8);
    assertThat(gainAt(100)).isLessThan(0.05);
    assertThat(gainAt(50)).isLessThan(0.01);
    assertThat(gainAt(3900)).isLessThan(0.2);
  }

  private static double gainAt(double hz) {
    short[] tone = Signals.tone(hz, RATE, 1.0, 8000);
    return Signals.rms(TelephoneBand.filter(tone, RATE)) / Signals.rms(tone);
  }

  @Test
  void noiseIsAddedAtTheAskedRatioBelowTheSpeechsActiveLevel() {
    // Speech-like: a tone for half the time, then a pause that must not lower the speech level.
    short[] speech = Signals.concat(Signals.tone(700, RATE, 1.0, 6000), Signals.silence(RATE, 1.0));
    double level = LineNoise.activeLevel(speech, RATE);
    assertThat(level).isCloseTo(6000 / Math.sqrt(2), within(50.0));

    short[] noisy = LineNoise.add(speech, level, 10, new Random(1));
    double[] noise = new double[speech.length];
    double sum = 0;
    for (int i = 0; i < speech.length; i++) {
      noise[i] = noisy[i] - speech[i];
      sum += noise[i] * noise[i];
    }
    double snr = 20 * Math.log10(level / Math.sqrt(sum / speech.length));
    assertThat(snr).isCloseTo(10.0, within(0.3));
  }

  @Test
  void packetsAreLostAtTheAskedRateInBursts() {
    boolean[] lost = PacketLoss.losses(200_000, 0.03, new Random(7));
    int count = 0;
    int bursts = 0;
    for (int f = 0; f < lost.length; f++) {
      if (lost[f]) {
        count++;
        if (f == 0 || !lost[f - 1]) {
          bursts++;
        }
      }
    }
    assertThat(count / (double) lost.length).isCloseTo(0.03, within(0.003));
    // Mean burst length 1 / (1 - STAY_LOST) ≈ 1.43 frames: losses cluster, as on a real network.
    assertThat(count / (double) bursts).isCloseTo(1 / (1 - PacketLoss.STAY_LOST), within(0.05));
    assertThat(PacketLoss.losses(1000, 0, new Random(7))).doesNotContain(true);
  }

  @Test
  void aLostFrameIsConcealedWithTheLastGoodOneFadingToSilence() {
    short[] speech = Signals.tone(450, RATE, 0.24, 8000); // 12 frames of 20 ms
    boolean[] lost = new boolean[12];
    lost[3] = true;
    for (int f = 5; f <= 10; f++) {
      lost[f] = true;
    }
    short[] out = PacketLoss.conceal(speech, lost);

    assertThat(slice(out, 0)).containsExactly(slice(speech, 0));
    assertThat(slice(out, 3)).containsExactly(slice(speech, 2));
    assertThat(Signals.rms(slice(out, 6)))
        .isCloseTo(Signals.rms(slice(speech, 4)) * 0.8, within(2.0));
    assertThat(slice(out, 10)).containsOnly((short) 0); // the sixth lost frame in a row is silent
    // The first good frame after a gap is faded in rather than starting with a click.
    int first = 11 * PacketLoss.FRAME_SAMPLES + 1;
    assertThat(Math.abs(out[first])).isLessThan(Math.abs(speech[first]) / 4);
    assertThat(out[first + 20]).isEqualTo(speech[first + 20]);
  }

  private static short[] slice(short[] samples, int frame) {
    short[] out = new short[PacketLoss.FRAME_SAMPLES];
    System.arraycopy(samples, frame * PacketLoss.FRAME_SAMPLES, out, 0, out.length);
    return out;
  }

  @Test
  void levelChangesScaleTheSignalAndClipAtFullScale() {
    short[] tone = Signals.tone(1000, RATE, 0.5, 10000);
    assertThat(Signals.rms(TelephoneChannel.gain(tone, -20)) / Signals.rms(tone))
        .isCloseTo(0.1, within(0.001));
    short[] hot = TelephoneChannel.gain(tone, 12);
    short max = 0;
    for (short s : hot) {
      max = (short) Math.max(max, s);
    }
    assertThat(max).isEqualTo(Short.MAX_VALUE);
  }

  @Test
  void theWholeLineKeepsTheLengthAndTheSpeechAndRejectsImpossibleLoss() {
    short[] speech =
        Signals.concat(Signals.silence(RATE, 0.5), Signals.tone(1000, RATE, 1.0, 8000));
    TelephoneChannel line = new TelephoneChannel(true, 20.0, 0.01, -6);
    short[] out = line.carry(speech, new Random(3));

    assertThat(out).hasSameSizeAs(speech);
    double expected = Signals.rms(speech) * 0.5; // -6 dB
    assertThat(Signals.rms(out)).isCloseTo(expected, within(expected * 0.15));
    assertThat(line.describe()).isEqualTo("alaw snr=20dB loss=1% gain=-6dB");
    assertThatThrownBy(() -> new TelephoneChannel(false, null, 0.6, 0))
        .hasMessageContaining("lossRate");
  }
}

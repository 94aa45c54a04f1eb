package io.contactcenter.qa.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Word times move onto the edges of their sound: tone bursts with known edges at 8 kHz, words timed
 * as a recognizer might time them (early, late, or inside the sound).
 */
class SpeechEdgesTest {

  private static final int RATE = 8000;

  @Test
  void anEarlyEndMovesToWhereTheSoundStops() {
    double[] x = new double[4 * RATE];
    tone(x, 1000, 1800, -26);

    List<TranscriptWord> refined = SpeechEdges.refine(List.of(word(980, 1560)), clip(x));

    assertThat(refined)
        .extracting(TranscriptWord::startMs, TranscriptWord::endMs)
        .containsExactly(tuple(1000L, 1800L));
  }

  @Test
  void aLateEndAndAnEarlyStartAreTrimmedToTheSound() {
    double[] x = new double[4 * RATE];
    tone(x, 1000, 1800, -26);

    List<TranscriptWord> refined = SpeechEdges.refine(List.of(word(900, 2000)), clip(x));

    assertThat(refined)
        .extracting(TranscriptWord::startMs, TranscriptWord::endMs)
        .containsExactly(tuple(1000L, 1800L));
  }

  @Test
  void aShortGapInsideSpeechIsBridgedAndALongOneIsNot() {
    double[] x = new double[5 * RATE];
    tone(x, 1000, 1500, -26);
    tone(x, 1580, 2000, -26); // an 80 ms closure: one run
    tone(x, 3000, 3400, -26); // after a pause of a second

    List<TranscriptWord> refined =
        SpeechEdges.refine(List.of(word(1000, 1450), word(2960, 3200)), clip(x));

    assertThat(refined)
        .extracting(TranscriptWord::startMs, TranscriptWord::endMs)
        .containsExactly(tuple(1000L, 2000L), tuple(3000L, 3400L));
  }

  @Test
  void noWordIsMovedOverItsNeighbourOrFartherThanTheLimit() {
    double[] x = new double[6 * RATE];
    tone(x, 200, 5500, -26); // one long run of sound
    assertThat(SpeechEdges.DEFAULTS.maxShiftMs()).isEqualTo(1500);

    List<TranscriptWord> refined =
        SpeechEdges.refine(List.of(word(2000, 2200), word(2400, 2700)), clip(x));

    assertThat(refined)
        .extracting(TranscriptWord::startMs, TranscriptWord::endMs)
        .as(
            "the first starts at most 1.5 s earlier, ends where the second starts; the second"
                + " ends at most 1.5 s later")
        .containsExactly(tuple(500L, 2400L), tuple(2400L, 4200L));
  }

  @Test
  void onANoisyLineTheEdgeIsFoundAboveTheNoise() {
    double[] x = new double[6 * RATE];
    noise(x, -50, new Random(7)); // a line 24 dB under the speech
    tone(x, 2000, 3000, -26);

    List<TranscriptWord> refined = SpeechEdges.refine(List.of(word(2010, 2700)), clip(x));

    assertThat(refined.getFirst().startMs()).isBetween(1990L, 2010L);
    assertThat(refined.getFirst().endMs()).isBetween(2990L, 3010L);
  }

  @Test
  void aWordWithNoSoundNearKeepsItsTimes() {
    double[] x = new double[4 * RATE];
    TranscriptWord w = word(1000, 1400);

    assertThat(SpeechEdges.refine(List.of(w), clip(x))).containsExactly(w);
  }

  @Test
  void theNoiseFloorIsTheTenthPercentileOfTheFrames() {
    double[] levels = new double[100];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = i < 20 ? -70 : -30;
    }
    assertThat(SpeechEdges.noiseFloor(levels)).isEqualTo(-70);
    assertThat(SpeechEdges.bridge(new boolean[] {true, false, false, true, false}, 2))
        .containsExactly(true, true, true, true, false);
    assertThat(SpeechEdges.bridge(new boolean[] {true, false, false, false, true}, 2))
        .containsExactly(true, false, false, false, true);
  }

  private static TranscriptWord word(long startMs, long endMs) {
    return new TranscriptWord("word", startMs, endMs, 1.0, Speaker.AGENT);
  }

  /** A 440 Hz tone at a level (the RMS in dBFS) from one ms to another. */
  private static void tone(double[] x, int fromMs, int toMs, double dbfs) {
    double amplitude = 32768 * Math.pow(10, dbfs / 20) * Math.sqrt(2);
    for (int i = fromMs * RATE / 1000; i < toMs * RATE / 1000; i++) {
      x[i] += amplitude * Math.sin(2 * Math.PI * 440 * i / RATE);
    }
  }

  private static void noise(double[] x, double dbfs, Random random) {
    double sigma = 32768 * Math.pow(10, dbfs / 20);
    for (int i = 0; i < x.length; i++) {
      x[i] += sigma * random.nextGaussian();
    }
  }

  private static AudioClip clip(double[] x) {
    byte[] pcm = new byte[x.length * 2];
    for (int i = 0; i < x.length; i++) {
      short s = (short) Math.max(-32768, Math.min(32767, Math.round(x[i])));
      pcm[2 * i] = (byte) s;
      pcm[2 * i + 1] = (byte) (s >> 8);
    }
    return new AudioClip(pcm, RATE);
  }
}

package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveVoiceActivityDetectorTest {

  private static final int RATE = 8000;
  private static final int FRAME = 160;

  private final AdaptiveVoiceActivityDetector vad = new AdaptiveVoiceActivityDetector(-55, 10);

  /** Which 20 ms frames of the audio the detector calls speech, in order. */
  private List<Boolean> frames(short[] audio) {
    List<Boolean> out = new ArrayList<>();
    for (int at = 0; at + FRAME <= audio.length; at += FRAME) {
      out.add(vad.isSpeech(audio, at, FRAME));
    }
    return out;
  }

  /** Syllables of a tone at a level with short pauses of the line between them, as speech has. */
  private static short[] syllables(int count, double levelDbfs, short[] line) {
    List<short[]> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      parts.add(Signals.mix(Signals.toneAt(300 + 40 * i, RATE, 0.2, levelDbfs), cut(line, 0.2)));
      parts.add(cut(line, 0.1));
    }
    return Signals.concat(parts.toArray(short[][]::new));
  }

  private static short[] cut(short[] line, double seconds) {
    return java.util.Arrays.copyOf(line, (int) (RATE * seconds));
  }

  @Test
  void aQuietCallerOnAQuietLineIsHeard() {
    // Line hiss near -75 dBFS, a caller 20 dB below a nominal -26: under the old fixed -42.
    short[] line = Signals.noise(RATE, 1, -75, 1);
    frames(line);
    List<Boolean> speech = frames(Signals.mix(Signals.toneAt(400, RATE, 0.2, -46), cut(line, 0.2)));

    assertThat(speech).containsOnly(true);
    assertThat(vad.thresholdDbfs()).isEqualTo(-55);
  }

  @Test
  void nothingBelowTheMinimumIsSpeechHoweverQuietTheLine() {
    frames(Signals.silence(RATE, 2));
    assertThat(vad.noiseFloorDbfs()).isEqualTo(-96);

    assertThat(frames(Signals.toneAt(400, RATE, 0.2, -60))).containsOnly(false);
  }

  @Test
  void steadyNoiseAboveTheMinimumBecomesTheFloorWithinTheWindowAndSpeechAboveItIsHeard() {
    short[] noise = Signals.noise(RATE, 3, -35, 2);
    List<Boolean> noiseFrames = frames(noise);

    // Until 1.5 s of line is heard the floor may be a quiet line's (speech from the first sample
    // is heard); after that the noise is below the threshold, frame after frame.
    assertThat(noiseFrames.subList(AdaptiveVoiceActivityDetector.WINDOW_FRAMES, 150))
        .containsOnly(false);
    assertThat(vad.noiseFloorDbfs()).isBetween(-40.0, -35.0);
    // A caller 12 dB above the noise, with pauses between syllables, is speech all through.
    short[] reply = syllables(10, -23, Signals.noise(RATE, 0.2, -35, 3));
    List<Boolean> replyFrames = frames(reply);
    for (int syllable = 0; syllable < 10; syllable++) {
      assertThat(replyFrames.subList(syllable * 15, syllable * 15 + 10))
          .as("syllable %d", syllable)
          .containsOnly(true);
      assertThat(replyFrames.subList(syllable * 15 + 10, syllable * 15 + 15))
          .as("pause after syllable %d", syllable)
          .containsOnly(false);
    }
  }

  @Test
  void speechWithPausesKeepsTheFloorDownOnAQuietLine() {
    short[] line = Signals.noise(RATE, 0.2, -70, 4);
    frames(Signals.noise(RATE, 1, -70, 5));

    List<Boolean> speech = frames(syllables(20, -26, line));

    // Six seconds of speech: the quietest frames in every window are the pauses, not the words.
    assertThat(vad.noiseFloorDbfs()).isLessThan(-65);
    assertThat(speech.stream().filter(b -> b).count()).isEqualTo(20 * 10);
  }

  @Test
  void speechFromTheFirstFrameIsHeard() {
    assertThat(frames(Signals.toneAt(400, RATE, 0.1, -30))).containsOnly(true);
  }

  @Test
  void refusesAbsurdSettings() {
    assertThatThrownBy(() -> new AdaptiveVoiceActivityDetector(3, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between -96 and 0 dBFS");
    assertThatThrownBy(() -> new AdaptiveVoiceActivityDetector(-55, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("margin");
  }
}

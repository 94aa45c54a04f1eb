package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class EspeakNgVoiceTest {

  /** A WAV as espeak-ng writes it to a pipe: the sizes it cannot seek back to fill in are huge. */
  private static byte[] pipedWav(int rate, short[] samples) {
    ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(0x7FFFFFFF).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    b.putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(0x7FFFFFFF);
    for (short s : samples) {
      b.putShort(s);
    }
    return b.array();
  }

  @Test
  void readsThePipedWavWhoseSizesArePlaceholdersAndResamplesItToTheTelephone() {
    short[] oneSecond = Signals.tone(440, 22050, 1, 8000);

    byte[] pcm = EspeakNgVoice.toTelephony(pipedWav(22050, oneSecond));

    // One second at 8 kHz, 16 bits: 16,000 bytes, give or take the resampler's edge.
    assertThat(pcm.length).isBetween(15_900, 16_100);
    assertThat(Signals.rms(Signals.shorts(pcm))).isGreaterThan(4000);
  }

  @Test
  void refusesWhatIsNotAWavAndVoiceNamesThatCouldBeOptions() {
    assertThatThrownBy(() -> EspeakNgVoice.toTelephony("not a wav at all, no".repeat(4).getBytes()))
        .hasMessageContaining("did not write a WAV");
    EspeakNgVoice voice = new EspeakNgVoice("espeak-ng");
    assertThatThrownBy(() -> voice.render("你好", "espeak-ng:--path=/etc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an espeak-ng voice name");
  }

  @Test
  void aMissingProgramIsNamedWithItsPackage() {
    EspeakNgVoice missing = new EspeakNgVoice("/nonexistent/espeak-ng");

    assertThat(missing.installed()).isFalse();
    assertThatThrownBy(() -> missing.render("你好", "espeak-ng:cmn"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apt-get install espeak-ng");
  }

  @Test
  void chineseCharactersNeedTheChineseVoice() {
    assertThat(EspeakNgVoice.hasHan("尾款 1299.50 元")).isTrue();
    assertThat(EspeakNgVoice.hasHan("Your balance is 1299.50 yuan")).isFalse();
  }
}

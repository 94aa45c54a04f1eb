package io.contactcenter.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/** The shared G.711 codec against the reference values and the JDK's decoder. */
class G711Test {

  @Test
  void ulawDecodesKnownValues() {
    // ITU-T G.711 / Sun reference g711.c values.
    assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
    assertThat(G711.ulawToLinear((byte) 0x7F)).isEqualTo((short) 0);
    assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
    assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
    assertThat(G711.ulawToLinear((byte) 0xFE)).isEqualTo((short) 8);
    assertThat(G711.ulawToLinear((byte) 0x7E)).isEqualTo((short) -8);
    assertThat(G711.ulawToLinear((byte) 0xEF)).isEqualTo((short) 132);
    assertThat(G711.ulawToLinear((byte) 0xDF)).isEqualTo((short) 396);
  }

  @Test
  void alawDecodesKnownValues() {
    assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
    assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
    assertThat(G711.alawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
    assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
    assertThat(G711.alawToLinear((byte) 0xD4)).isEqualTo((short) 24);
    assertThat(G711.alawToLinear((byte) 0xC5)).isEqualTo((short) 264);
  }

  @Test
  void encodersInvertTheDecodersForEveryCode() {
    for (int code = 0; code < 256; code++) {
      byte b = (byte) code;
      // µ-law has two zeros (0x7F and 0xFF); both decode to 0, which encodes to 0xFF.
      if (code != 0x7F) {
        assertThat(G711.linearToUlaw(G711.ulawToLinear(b))).as("µ-law %02x", code).isEqualTo(b);
      }
      assertThat(G711.linearToAlaw(G711.alawToLinear(b))).as("A-law %02x", code).isEqualTo(b);
    }
  }

  @Test
  void quantizationErrorStaysWithinTheSegmentStep() {
    for (int s = -32768; s <= 32767; s += 7) {
      short sample = (short) s;
      int ulawError = Math.abs(G711.ulawToLinear(G711.linearToUlaw(sample)) - s);
      int alawError = Math.abs(G711.alawToLinear(G711.linearToAlaw(sample)) - s);
      // The step doubles with each segment: the error stays below about 1/16 of the value.
      int bound = Math.max(16, Math.abs(s) / 16 + 16);
      assertThat(ulawError).as("µ-law %d", s).isLessThanOrEqualTo(bound);
      assertThat(alawError).as("A-law %d", s).isLessThanOrEqualTo(bound);
    }
  }

  @Test
  void decodesBlocksToLittleEndianPcm() {
    byte[] ulaw = {(byte) 0xFF, (byte) 0x80, 0x00};
    // 32124 = 0x7D7C, -32124 = 0x8284.
    assertThat(G711.ulawToPcm16le(ulaw, 1, 2))
        .containsExactly((byte) 0x7C, (byte) 0x7D, (byte) 0x84, (byte) 0x82);
  }

  @Test
  void ulawMatchesTheG711ReferenceValues() {
    // Silence is 0xFF, full scale 0x80/0x00; -1 encodes as 0x7F (negative zero segment).
    assertThat(G711.linearToUlaw((short) 0)).isEqualTo((byte) 0xFF);
    assertThat(G711.linearToUlaw((short) 32767)).isEqualTo((byte) 0x80);
    assertThat(G711.linearToUlaw((short) -32768)).isEqualTo((byte) 0x00);
    assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
    assertThat(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
    assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
  }

  @Test
  void everyUlawCodeSurvivesDecodeAndEncode() {
    for (int code = 0; code < 256; code++) {
      byte ulaw = (byte) code;
      short pcm = G711.ulawToLinear(ulaw);
      // 0x7F (negative zero) decodes to 0, which encodes as positive zero 0xFF.
      byte expected = code == 0x7F ? (byte) 0xFF : ulaw;
      assertThat(G711.linearToUlaw(pcm)).as("code %02x", code).isEqualTo(expected);
    }
  }

  @Test
  void ulawErrorStaysWithinItsSegmentStep() {
    for (int s = -32768; s <= 32767; s += 7) {
      short decoded = G711.ulawToLinear(G711.linearToUlaw((short) s));
      // The largest quantization step (top segment) is 1024; half of it is the worst error.
      assertThat(Math.abs(decoded - Math.max(-32124, Math.min(32124, s))))
          .as("sample %d", s)
          .isLessThanOrEqualTo(512);
    }
  }

  @Test
  void pcmFramesConvertByteForSample() {
    byte[] pcm = new byte[320];
    for (int i = 0; i < 160; i++) {
      short s = (short) (i * 100 - 8000);
      pcm[2 * i] = (byte) s;
      pcm[2 * i + 1] = (byte) (s >> 8);
    }
    byte[] ulaw = G711.pcm16leToUlaw(pcm);
    assertThat(ulaw).hasSize(160);
    assertThat(G711.ulawToPcm16le(ulaw, 0, ulaw.length)).hasSize(320);
  }

  @Test
  void decodesEveryCodeAsJavaSoundDoes() throws Exception {
    byte[] codes = new byte[256];
    for (int i = 0; i < 256; i++) {
      codes[i] = (byte) i;
    }
    for (AudioFormat.Encoding encoding :
        new AudioFormat.Encoding[] {AudioFormat.Encoding.ULAW, AudioFormat.Encoding.ALAW}) {
      AudioFormat g711 = new AudioFormat(encoding, 8000, 8, 1, 1, 8000, false);
      AudioFormat pcm = new AudioFormat(8000, 16, 1, true, false);
      byte[] decoded;
      try (AudioInputStream in =
              new AudioInputStream(new ByteArrayInputStream(codes), g711, codes.length);
          AudioInputStream out = AudioSystem.getAudioInputStream(pcm, in)) {
        decoded = out.readAllBytes();
      }
      for (int i = 0; i < 256; i++) {
        short jdk = (short) ((decoded[2 * i] & 0xFF) | (decoded[2 * i + 1] << 8));
        short ours =
            encoding == AudioFormat.Encoding.ULAW
                ? G711.ulawToLinear(codes[i])
                : G711.alawToLinear(codes[i]);
        assertThat(ours).as("%s %02x", encoding, i).isEqualTo(jdk);
      }
    }
  }
}

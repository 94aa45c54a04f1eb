package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
  void decodesBlocks() {
    byte[] ulaw = {(byte) 0xFF, (byte) 0x80, 0x00};
    assertThat(G711.decodeUlaw(ulaw, 1, 2)).containsExactly((short) 32124, (short) -32124);
    byte[] alaw = {(byte) 0xD5, 0x55};
    assertThat(G711.decodeAlaw(alaw, 0, 2)).containsExactly((short) 8, (short) -8);
  }
}

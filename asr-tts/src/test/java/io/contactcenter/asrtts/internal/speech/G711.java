package io.contactcenter.asrtts.internal.speech;

/**
 * G.711 µ-law and A-law, sample by sample (ITU-T G.711 segment tables), for the simulated telephone
 * channel: a caller's voice crosses a trunk in one of them, and the quantization noise is part of
 * what the recognizer hears.
 */
final class G711 {

  private static final int MU_BIAS = 0x84;
  private static final int MU_CLIP = 32635;

  private G711() {}

  static byte ulawEncode(short sample) {
    int s = sample;
    int sign = s < 0 ? 0x80 : 0;
    int magnitude = Math.min(Math.abs(s), MU_CLIP) + MU_BIAS;
    int exponent = 7;
    for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  static short ulawDecode(byte code) {
    int u = ~code & 0xFF;
    int exponent = (u >> 4) & 0x07;
    int mantissa = u & 0x0F;
    int magnitude = ((mantissa << 3) + MU_BIAS) << exponent;
    magnitude -= MU_BIAS;
    return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
  }

  static byte alawEncode(short sample) {
    int s = sample;
    int sign = s >= 0 ? 0x80 : 0;
    // A-law quantizes 13-bit magnitudes; -32768 has no positive twin, so clamp first.
    int magnitude = Math.min(Math.abs(s), 32767) >> 3;
    int code;
    if (magnitude < 32) {
      code = magnitude >> 1;
    } else {
      int exponent = 1;
      for (int m = magnitude >> 5; m > 1; m >>= 1) {
        exponent++;
      }
      int mantissa = (magnitude >> exponent) & 0x0F;
      code = (exponent << 4) | mantissa;
    }
    return (byte) ((sign | code) ^ 0x55);
  }

  static short alawDecode(byte code) {
    int a = (code ^ 0x55) & 0xFF;
    int exponent = (a >> 4) & 0x07;
    int mantissa = a & 0x0F;
    int magnitude =
        exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
    return (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
  }

  /** The samples after one trip through the codec (encode, then decode). */
  static short[] roundTrip(short[] samples, boolean alaw) {
    short[] out = new short[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = alaw ? alawDecode(alawEncode(samples[i])) : ulawDecode(ulawEncode(samples[i]));
    }
    return out;
  }
}

package io.contactcenter.pbx.internal;

/**
 * G.711 µ-law (PCMU) to and from signed 16-bit little-endian PCM, as ITU-T G.711 and RFC 3551
 * define it: one byte per 8 kHz sample, so a 20 ms RTP frame is 160 bytes.
 */
final class G711Ulaw {

  private static final int BIAS = 0x84;
  private static final int CLIP = 32635;
  private static final short[] DECODE = new short[256];

  static {
    for (int i = 0; i < 256; i++) {
      int u = ~i & 0xFF;
      int t = ((u & 0x0F) << 3) + BIAS;
      t <<= (u & 0x70) >> 4;
      DECODE[i] = (short) ((u & 0x80) != 0 ? BIAS - t : t - BIAS);
    }
  }

  private G711Ulaw() {}

  static short decode(byte ulaw) {
    return DECODE[ulaw & 0xFF];
  }

  static byte encode(short sample) {
    int pcm = sample;
    int sign = (pcm >> 8) & 0x80;
    if (sign != 0) {
      pcm = -pcm;
    }
    pcm = Math.min(pcm, CLIP) + BIAS;
    int exponent = 7;
    for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (pcm >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  /** µ-law bytes to PCM16LE (twice as many bytes). */
  static byte[] decode(byte[] ulaw, int offset, int length) {
    byte[] pcm = new byte[length * 2];
    for (int i = 0; i < length; i++) {
      short s = decode(ulaw[offset + i]);
      pcm[2 * i] = (byte) s;
      pcm[2 * i + 1] = (byte) (s >> 8);
    }
    return pcm;
  }

  /** PCM16LE (an even number of bytes) to µ-law (half as many bytes). */
  static byte[] encode(byte[] pcm16le) {
    byte[] ulaw = new byte[pcm16le.length / 2];
    for (int i = 0; i < ulaw.length; i++) {
      short s = (short) ((pcm16le[2 * i] & 0xFF) | (pcm16le[2 * i + 1] << 8));
      ulaw[i] = encode(s);
    }
    return ulaw;
  }
}

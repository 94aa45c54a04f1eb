package io.contactcenter.common;

/**
 * The one G.711 codec (ITU-T G.711, the Sun reference g711.c): µ-law (PCMU) and A-law (PCMA) to and
 * from signed 16-bit samples, one byte per 8 kHz sample. The media edge (RTP) and the speech
 * engines (WAV files, recognition streams) both use it; Asterisk's ulaw and alaw formats carry
 * these bytes unchanged.
 *
 * <p>Decoding agrees with {@code javax.sound.sampled} for every code. Encoding is not delegated to
 * it: the JDK's µ-law encoder turns the loudest negative samples (below about -32500) into
 * near-silence, a click in speech that touches full scale, and its A-law encoder rounds the top
 * segment differently from the reference.
 *
 * <p>Stateless and thread-safe; decoding is a table lookup.
 */
public final class G711 {

  private static final short[] ULAW_TO_LINEAR = new short[256];
  private static final short[] ALAW_TO_LINEAR = new short[256];
  private static final int ULAW_BIAS = 0x84;
  private static final int ULAW_CLIP = 32635;
  private static final int[] ALAW_SEGMENT_ENDS = {
    0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF
  };

  static {
    for (int i = 0; i < 256; i++) {
      ULAW_TO_LINEAR[i] = ulawDecode(i);
      ALAW_TO_LINEAR[i] = alawDecode(i);
    }
  }

  private G711() {}

  /** Decodes one µ-law byte to a 16-bit sample. */
  public static short ulawToLinear(byte ulaw) {
    return ULAW_TO_LINEAR[ulaw & 0xFF];
  }

  /** Decodes one A-law byte to a 16-bit sample. */
  public static short alawToLinear(byte alaw) {
    return ALAW_TO_LINEAR[alaw & 0xFF];
  }

  /** Encodes one 16-bit sample as µ-law (the reference algorithm, with its 0x84 bias). */
  public static byte linearToUlaw(short sample) {
    int pcm = sample;
    int sign = (pcm >> 8) & 0x80;
    if (sign != 0) {
      pcm = -pcm;
    }
    if (pcm > ULAW_CLIP) {
      pcm = ULAW_CLIP;
    }
    pcm += ULAW_BIAS;
    int exponent = 7;
    for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (pcm >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  /** Encodes one 16-bit sample as A-law (the reference algorithm on the top 13 bits). */
  public static byte linearToAlaw(short sample) {
    int pcm = sample >> 3;
    int mask;
    if (pcm >= 0) {
      mask = 0xD5;
    } else {
      mask = 0x55;
      pcm = -pcm - 1;
    }
    int segment = 0;
    while (segment < 8 && pcm > ALAW_SEGMENT_ENDS[segment]) {
      segment++;
    }
    if (segment >= 8) {
      return (byte) (0x7F ^ mask);
    }
    int aval = segment << 4;
    aval |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
    return (byte) (aval ^ mask);
  }

  /** µ-law bytes to signed 16-bit little-endian PCM (twice as many bytes). */
  public static byte[] ulawToPcm16le(byte[] ulaw, int offset, int length) {
    byte[] pcm = new byte[length * 2];
    for (int i = 0; i < length; i++) {
      short s = ULAW_TO_LINEAR[ulaw[offset + i] & 0xFF];
      pcm[2 * i] = (byte) s;
      pcm[2 * i + 1] = (byte) (s >> 8);
    }
    return pcm;
  }

  /** Signed 16-bit little-endian PCM to µ-law (half as many bytes; an odd last byte is ignored). */
  public static byte[] pcm16leToUlaw(byte[] pcm16le) {
    byte[] ulaw = new byte[pcm16le.length / 2];
    for (int i = 0; i < ulaw.length; i++) {
      ulaw[i] = linearToUlaw((short) ((pcm16le[2 * i] & 0xFF) | (pcm16le[2 * i + 1] << 8)));
    }
    return ulaw;
  }

  private static short ulawDecode(int ulaw) {
    int u = ~ulaw & 0xFF;
    int t = ((u & 0x0F) << 3) + ULAW_BIAS;
    t <<= (u & 0x70) >> 4;
    return (short) ((u & 0x80) != 0 ? ULAW_BIAS - t : t - ULAW_BIAS);
  }

  private static short alawDecode(int alaw) {
    int a = (alaw ^ 0x55) & 0xFF;
    int t = (a & 0x0F) << 4;
    int segment = (a & 0x70) >> 4;
    switch (segment) {
      case 0 -> t += 8;
      case 1 -> t += 0x108;
      default -> {
        t += 0x108;
        t <<= segment - 1;
      }
    }
    return (short) ((a & 0x80) != 0 ? t : -t);
  }
}

package io.contactcenter.pbx.internal;

import java.util.Arrays;

/**
 * One RTP packet (RFC 3550): the fixed header fields this endpoint uses and the payload. Padding,
 * CSRCs and a header extension are understood when reading and never written.
 *
 * @param sequence 16 bits, unsigned
 * @param timestamp 32 bits, unsigned, in 8 kHz samples here
 * @param ssrc 32 bits, unsigned
 */
record RtpPacket(
    int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload) {

  static final int HEADER_BYTES = 12;

  /** A datagram that is not RTP version 2 or is cut short. */
  static final class MalformedPacketException extends Exception {
    MalformedPacketException(String message) {
      super(message);
    }
  }

  static RtpPacket parse(byte[] data, int length) throws MalformedPacketException {
    if (length < HEADER_BYTES) {
      throw new MalformedPacketException("shorter than an RTP header: " + length + " bytes");
    }
    int b0 = data[0] & 0xFF;
    if (b0 >> 6 != 2) {
      throw new MalformedPacketException("not RTP version 2: " + (b0 >> 6));
    }
    int offset = HEADER_BYTES + 4 * (b0 & 0x0F);
    if ((b0 & 0x10) != 0) {
      if (length < offset + 4) {
        throw new MalformedPacketException("header extension cut short");
      }
      int words = ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
      offset += 4 + 4 * words;
    }
    int end = length;
    if ((b0 & 0x20) != 0 && length > 0) {
      end -= data[length - 1] & 0xFF;
    }
    if (offset > end) {
      throw new MalformedPacketException("header longer than the packet");
    }
    int b1 = data[1] & 0xFF;
    return new RtpPacket(
        b1 & 0x7F,
        (b1 & 0x80) != 0,
        ((data[2] & 0xFF) << 8) | (data[3] & 0xFF),
        readInt(data, 4),
        readInt(data, 8),
        Arrays.copyOfRange(data, offset, end));
  }

  byte[] encode() {
    byte[] out = new byte[HEADER_BYTES + payload.length];
    out[0] = (byte) 0x80;
    out[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
    out[2] = (byte) (sequence >> 8);
    out[3] = (byte) sequence;
    writeInt(out, 4, timestamp);
    writeInt(out, 8, ssrc);
    System.arraycopy(payload, 0, out, HEADER_BYTES, payload.length);
    return out;
  }

  private static long readInt(byte[] data, int at) {
    return ((long) (data[at] & 0xFF) << 24)
        | ((data[at + 1] & 0xFF) << 16)
        | ((data[at + 2] & 0xFF) << 8)
        | (data[at + 3] & 0xFF);
  }

  private static void writeInt(byte[] out, int at, long value) {
    out[at] = (byte) (value >> 24);
    out[at + 1] = (byte) (value >> 16);
    out[at + 2] = (byte) (value >> 8);
    out[at + 3] = (byte) value;
  }
}

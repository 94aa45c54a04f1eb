package io.contactcenter.pbx.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Framing of Asterisk's AudioSocket protocol: each message is one byte kind, a two-byte big-endian
 * payload length, then the payload.
 *
 * <p>Only the kinds {@code AudioSocket()} (app_audiosocket) uses are accepted. Asterisk 22 also
 * knows kinds 0x11-0x18 (higher sample rates) but the dialplan application always converts to 8
 * kHz, so any other kind means the stream is out of step and cannot be trusted any more.
 */
final class AudioSocketCodec {

  /** Longest payload we accept; Asterisk sends 320-byte frames, the length field allows 65535. */
  static final int MAX_PAYLOAD = 8192;

  private AudioSocketCodec() {}

  enum Kind {
    HANGUP(0x00),
    UUID(0x01),
    DTMF(0x03),
    AUDIO(0x10),
    ERROR(0xff);

    final int code;

    Kind(int code) {
      this.code = code;
    }

    static Kind of(int code) throws MalformedMessageException {
      for (Kind kind : values()) {
        if (kind.code == code) {
          return kind;
        }
      }
      throw new MalformedMessageException(String.format("unknown message kind 0x%02x", code));
    }
  }

  /** One decoded message. */
  record Message(Kind kind, byte[] payload) {

    UUID uuid() {
      ByteBuffer b = ByteBuffer.wrap(payload);
      return new UUID(b.getLong(), b.getLong());
    }

    char digit() {
      return (char) (payload[0] & 0xff);
    }
  }

  /** The stream broke the protocol; nothing after it can be framed reliably. */
  static final class MalformedMessageException extends IOException {
    MalformedMessageException(String message) {
      super(message);
    }
  }

  /**
   * Reads one message.
   *
   * @return the message, or {@code null} if the stream ended cleanly before a new message
   * @throws EOFException if the stream ended inside a message
   * @throws MalformedMessageException for an unknown kind or a length that kind cannot have
   */
  static Message read(InputStream in) throws IOException {
    int kindCode = in.read();
    if (kindCode < 0) {
      return null;
    }
    Kind kind = Kind.of(kindCode);
    int length = (readByte(in) << 8) | readByte(in);
    if (length > MAX_PAYLOAD) {
      throw new MalformedMessageException(
          "payload of " + length + " bytes exceeds " + MAX_PAYLOAD + " (kind " + kind + ")");
    }
    check(kind, length);
    byte[] payload = in.readNBytes(length);
    if (payload.length < length) {
      throw new EOFException("stream ended inside a " + kind + " message");
    }
    return new Message(kind, payload);
  }

  private static void check(Kind kind, int length) throws MalformedMessageException {
    boolean valid =
        switch (kind) {
          case UUID -> length == 16;
          case DTMF -> length == 1;
          case AUDIO -> length > 0 && length % 2 == 0;
          case HANGUP, ERROR -> true;
        };
    if (!valid) {
      throw new MalformedMessageException(
          "a " + kind + " message cannot have " + length + " payload bytes");
    }
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("stream ended inside a message header");
    }
    return b;
  }

  static byte[] encode(Kind kind, byte[] payload) {
    if (payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("payload too long: " + payload.length);
    }
    byte[] message = new byte[3 + payload.length];
    message[0] = (byte) kind.code;
    message[1] = (byte) (payload.length >>> 8);
    message[2] = (byte) payload.length;
    System.arraycopy(payload, 0, message, 3, payload.length);
    return message;
  }

  static byte[] encodeUuid(UUID id) {
    return encode(
        Kind.UUID,
        ByteBuffer.allocate(16)
            .putLong(id.getMostSignificantBits())
            .putLong(id.getLeastSignificantBits())
            .array());
  }
}

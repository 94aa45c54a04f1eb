package io.contactcenter.pbx.internal;

import java.util.Optional;

/**
 * Turns RFC 4733 telephone-event packets into key presses, once per key.
 *
 * <p>A sender repeats the packets of one event every few tens of milliseconds while the key is held
 * and sends its end packet three times; all of them carry the event's start timestamp. A key is
 * reported with the first packet of a new timestamp, so neither repeats nor a lost end packet
 * double it, and a key pressed twice (two timestamps) is reported twice.
 *
 * <p>Not thread-safe: used by the one receiving thread.
 */
final class TelephoneEvents {

  private static final String DIGITS = "0123456789*#ABCD";

  private long lastTimestamp = -1;

  /** The key this packet starts, if it starts one. */
  Optional<Character> accept(RtpPacket packet) {
    byte[] payload = packet.payload();
    if (payload.length < 4) {
      return Optional.empty();
    }
    int event = payload[0] & 0xFF;
    if (event >= DIGITS.length() || packet.timestamp() == lastTimestamp) {
      // Events 16 and up are tones (RFC 4734), not keys.
      return Optional.empty();
    }
    lastTimestamp = packet.timestamp();
    return Optional.of(DIGITS.charAt(event));
  }
}

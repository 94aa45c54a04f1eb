package io.contactcenter.pbx.internal;

/**
 * Numbers the outbound RTP stream of one session: consecutive sequence numbers, a timestamp that
 * advances with real time (8 kHz), and the marker bit on the first packet of each talkspurt.
 *
 * <p>The session only sends while it speaks. After a pause the timestamp jumps by the pause's
 * length (so the receiver's jitter buffer places the new talkspurt correctly) and the marker bit
 * tells it to resynchronize (RFC 3551 section 4.1).
 *
 * <p>Not thread-safe: used by the one sending thread. Times are {@link System#nanoTime()} values.
 */
final class RtpPacketizer {

  static final int SAMPLES_PER_FRAME = 160;
  private static final long NANOS_PER_SAMPLE = 125_000L;

  private final int payloadType;
  private final long ssrc;
  private int sequence;
  private long timestamp;
  private long lastSentNanos;
  private boolean sentAny;

  RtpPacketizer(int payloadType, long ssrc, int initialSequence, long initialTimestamp) {
    this.payloadType = payloadType;
    this.ssrc = ssrc & 0xFFFFFFFFL;
    this.sequence = initialSequence & 0xFFFF;
    this.timestamp = initialTimestamp & 0xFFFFFFFFL;
  }

  /**
   * The packet carrying one 20 ms frame sent at {@code nowNanos}.
   *
   * @param talkspurtStart the frame follows a pause (the pacer restarted its schedule)
   */
  RtpPacket next(byte[] payload, long nowNanos, boolean talkspurtStart) {
    boolean marker = !sentAny || talkspurtStart;
    if (sentAny) {
      long advance = SAMPLES_PER_FRAME;
      if (talkspurtStart) {
        long elapsed = (nowNanos - lastSentNanos) / NANOS_PER_SAMPLE;
        // Whole frames, at least one, so the timestamps stay on the 160-sample grid.
        advance = Math.max(1, Math.round(elapsed / (double) SAMPLES_PER_FRAME)) * SAMPLES_PER_FRAME;
      }
      timestamp = (timestamp + advance) & 0xFFFFFFFFL;
      sequence = (sequence + 1) & 0xFFFF;
    }
    sentAny = true;
    lastSentNanos = nowNanos;
    return new RtpPacket(payloadType, marker, sequence, timestamp, ssrc, payload);
  }
}

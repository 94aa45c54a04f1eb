package io.contactcenter.qa;

/** How a conversation was held. */
public enum Channel {
  /** A telephone call: a recording transcribed with word timings. */
  CALL,
  /**
   * A web chat: its messages are the transcript (each message one entry, at the time it was sent),
   * silence rules measure the response time, and voice-only rules (talk-over, speaking rate) do not
   * apply.
   */
  CHAT
}

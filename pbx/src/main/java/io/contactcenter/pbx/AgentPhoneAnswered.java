package io.contactcenter.pbx;

import java.time.Instant;

/** The agent answered the ring {@code ringId}; Asterisk is bridging the phone with the caller. */
public record AgentPhoneAnswered(String ringId, Instant at) {}

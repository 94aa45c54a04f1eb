package io.contactcenter.pbx;

import java.time.Instant;

/**
 * The ring {@code ringId} ended unanswered: no answer in time, busy, or the phone is not registered
 * or reachable.
 *
 * @param reason Asterisk's originate reason code (0 failed/unreachable, 1 no answer, 3 ringing when
 *     it timed out, 5 busy, 8 congestion)
 */
public record AgentPhoneFailed(String ringId, int reason, Instant at) {}

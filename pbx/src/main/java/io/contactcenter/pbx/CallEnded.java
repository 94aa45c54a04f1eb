package io.contactcenter.pbx;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * A call leg hung up. Carries everything a call detail record needs.
 *
 * @param cause the Q.850 hangup cause code (16 = normal clearing, 17 = busy, 19 = no answer)
 * @param causeText Asterisk's text for the cause
 * @param answeredAt when the leg was answered, {@code null} if it never was
 * @param durationSeconds from start to end
 * @param billableSeconds from answer to end, 0 if never answered
 */
@Externalized("cc.calls.ended.v1::#{callId()}")
public record CallEnded(
    String callId,
    String linkedId,
    String channel,
    String caller,
    String callee,
    String attemptId,
    int cause,
    String causeText,
    Instant startedAt,
    Instant answeredAt,
    Instant endedAt,
    long durationSeconds,
    long billableSeconds) {}

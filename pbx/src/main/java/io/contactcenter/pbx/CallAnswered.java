package io.contactcenter.pbx;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/** A call leg was answered (its channel went Up). */
@Externalized("cc.calls.answered.v1::#{callId()}")
public record CallAnswered(
    String callId, String linkedId, String channel, String attemptId, Instant at) {}

package io.contactcenter.pbx;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * Asterisk created a channel: a call leg began ringing in or out.
 *
 * @param callId Asterisk's unique id of the channel
 * @param linkedId the id shared by all legs of one call
 * @param attemptId our attempt id when the call was originated by us, else {@code null}
 */
@Externalized("cc.calls.started.v1::#{callId()}")
public record CallStarted(
    String callId,
    String linkedId,
    String channel,
    String caller,
    String callee,
    String attemptId,
    Instant at) {}

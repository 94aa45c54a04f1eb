package io.contactcenter.pbx;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * A caller entered a queue for a human: Asterisk put the channel on the queue's waiting list (AMI
 * {@code QueueCallerJoin}). Whether an agent then takes the call is a later fact.
 *
 * @param callId Asterisk's unique id of the queued channel
 * @param linkedId the id shared by all legs of one call
 * @param attemptId our attempt id when the call was originated by us, else {@code null}
 * @param queue the queue's name in {@code queues.conf}
 * @param position the caller's place in line on joining, 1 for the first
 */
@Externalized("cc.calls.queued.v1::#{callId()}")
public record CallQueued(
    String callId, String linkedId, String attemptId, String queue, int position, Instant at) {}

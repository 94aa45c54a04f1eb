package io.contactcenter.routing;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * An agent took the contact; it counts as answered in its queue.
 *
 * @param waitedMillis from the original enqueue time to the answer
 */
@Externalized("cc.contacts.accepted.v1::#{id()}")
public record ContactAccepted(
    ContactId id,
    ContactChannel channel,
    String queue,
    String agentId,
    long waitedMillis,
    Instant at) {}

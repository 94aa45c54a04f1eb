package io.contactcenter.routing;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * An agent sent their live contact back into the ACD for another queue (ADR 0041). The agent's part
 * ended with {@link ContactCompleted}; the contact waits again as {@link ContactQueued} in {@code
 * toQueue}, with the same id and customer.
 *
 * @param handledMillis from the agent's answer to the transfer
 */
@Externalized("cc.contacts.transferred.v1::#{id()}")
public record ContactTransferred(
    ContactId id,
    ContactChannel channel,
    String fromQueue,
    String toQueue,
    String agentId,
    long handledMillis,
    Instant at) {}

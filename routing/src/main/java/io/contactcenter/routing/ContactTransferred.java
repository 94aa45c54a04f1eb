package io.contactcenter.routing;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * An agent sent their live contact back into the ACD for another queue (ADR 0041), or handed it to
 * an agent they consulted (attended transfer, ADR 0044). The agent's part ended with {@link
 * ContactCompleted}; the contact waits again as {@link ContactQueued} in {@code toQueue}, with the
 * same id and customer, or, when {@code toAgent} is set, that agent holds it from now (in {@code
 * toQueue}: the consulted queue, or the call's own when an agent was consulted).
 *
 * @param handledMillis from the agent's answer to the transfer
 * @param toAgent the consulted agent who took the call; {@code null} for a transfer to a queue
 */
@Externalized("cc.contacts.transferred.v1::#{id()}")
public record ContactTransferred(
    ContactId id,
    ContactChannel channel,
    String fromQueue,
    String toQueue,
    String agentId,
    long handledMillis,
    Instant at,
    String toAgent) {}

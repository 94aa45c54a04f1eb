package io.contactcenter.routing;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * The agent's contact ended (hang-up, chat closed, ticket answered); the disposition comes later
 * with the wrap-up and is stored with the contact.
 *
 * @param handledMillis from the answer to the end
 */
@Externalized("cc.contacts.completed.v1::#{id()}")
public record ContactCompleted(
    ContactId id,
    ContactChannel channel,
    String queue,
    String agentId,
    long handledMillis,
    Instant at) {}

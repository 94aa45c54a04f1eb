package io.contactcenter.routing;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/** A contact was reserved for one agent until {@code expiresAt} (the ring timeout). */
@Externalized("cc.contacts.offered.v1::#{id()}")
public record ContactOffered(
    ContactId id,
    ContactChannel channel,
    String queue,
    String agentId,
    Instant at,
    Instant expiresAt) {}

package io.contactcenter.routing;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/** A contact started waiting for an agent; {@code priority} and {@code at} fix its place. */
@Externalized("cc.contacts.queued.v1::#{id()}")
public record ContactQueued(
    ContactId id, ContactChannel channel, String queue, boolean vip, int priority, Instant at) {}

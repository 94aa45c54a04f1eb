package io.contactcenter.routing;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/** The customer answered a callback: it is done ({@code attempts} calls it took). */
@Externalized("cc.callbacks.completed.v1::#{id()}")
public record CallbackCompleted(
    ContactId id, String queue, int attempts, String agentId, Instant at) {}

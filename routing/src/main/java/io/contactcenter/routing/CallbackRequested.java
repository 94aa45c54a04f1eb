package io.contactcenter.routing;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * A waiting caller asked to be called back instead of holding on; the contact keeps its place. The
 * number is not in the event (it stays with the contact in routing).
 */
@Externalized("cc.callbacks.requested.v1::#{id()}")
public record CallbackRequested(ContactId id, String queue, Instant at) {}

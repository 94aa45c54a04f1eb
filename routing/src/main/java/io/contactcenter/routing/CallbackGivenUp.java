package io.contactcenter.routing;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * A callback will not be tried again; the customer was called {@code attempts} times.
 *
 * @param reason a stable code: {@code attempts-exhausted} (every attempt went unanswered) or {@code
 *     queue-closed} (the queue does not open again within two weeks)
 */
@Externalized("cc.callbacks.given-up.v1::#{id()}")
public record CallbackGivenUp(
    ContactId id, String queue, int attempts, String reason, Instant at) {}

package io.contactcenter.routing;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * One attempt to call a customer back ended.
 *
 * @param attempt 1 for the first call of the customer
 * @param agentId the agent whose phone dialed the customer
 * @param nextAttemptAt when the customer is called again; {@code null} when the callback is done
 *     ({@link CallbackCompleted}) or given up ({@link CallbackGivenUp})
 */
@Externalized("cc.callbacks.attempted.v1::#{id()}")
public record CallbackAttempted(
    ContactId id,
    String queue,
    int attempt,
    String agentId,
    CallbackOutcome outcome,
    Instant nextAttemptAt,
    Instant at) {}

package io.contactcenter.routing;

import java.time.Instant;

/**
 * The agent's side of an answered call was lost without the agent hanging up (their page closed and
 * its media stopped, ADR 0052): the contact waits again at its original place in {@code queue} and
 * the agent is not ready. The agent's part is not completed: no {@link ContactCompleted} for it.
 *
 * @param handledMillis from the agent's answer to the loss
 */
public record ContactHandedBack(
    ContactId id,
    ContactChannel channel,
    String queue,
    String agentId,
    long handledMillis,
    Instant at) {}

package io.contactcenter.routing;

import java.time.Instant;
import java.util.List;

/**
 * An agent's state as their client shows it.
 *
 * @param reason why not ready ({@code ring timeout}, {@code rejected an offer}, the agent's own
 *     reason), else {@code ""}
 * @param until when wrap-up ends, else {@code null}
 * @param offers contacts ringing this agent now
 * @param open contacts the agent has accepted and not yet completed
 */
public record AgentStatus(
    String agentId,
    AgentState state,
    String reason,
    Instant until,
    List<OfferedContact> offers,
    List<OfferedContact> open) {

  public AgentStatus {
    offers = List.copyOf(offers);
    open = List.copyOf(open);
  }

  /**
   * A contact offered to or held by the agent.
   *
   * @param expiresAt the end of the ring timeout (for an open contact, when its offer would have)
   */
  public record OfferedContact(
      ContactId id,
      ContactChannel channel,
      String queue,
      String customer,
      Instant enqueuedAt,
      Instant expiresAt) {}
}

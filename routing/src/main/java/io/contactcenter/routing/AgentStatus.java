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
 * @param notice what happened to a consult while the agent's page could not see it (ADR 0054):
 *     {@link #CONSULT_ENDED_AGENT_LOST}, {@link #CONSULT_TRANSFERRED_AGENT_LOST}, {@link
 *     #TRANSFERRED_WHEN_LOST}, else {@code ""}; it stays until the agent accepts their next
 *     contact, changes their state or logs out
 */
public record AgentStatus(
    String agentId,
    AgentState state,
    String reason,
    Instant until,
    List<OfferedContact> offers,
    List<OfferedContact> open,
    String notice) {

  /**
   * The agent who consulted this agent lost their connection (their page closed) while this agent's
   * phone rang: the consult ended and the caller went back to the queue at their place.
   */
  public static final String CONSULT_ENDED_AGENT_LOST = "consult-ended-agent-lost";

  /**
   * The agent who consulted this agent lost their connection while the two talked: the transfer
   * completed, the caller is this agent's call now.
   */
  public static final String CONSULT_TRANSFERRED_AGENT_LOST = "consult-transferred-agent-lost";

  /**
   * This agent's page was lost while they talked with the agent they consulted: the transfer
   * completed, the caller is with that agent (not back in the queue).
   */
  public static final String TRANSFERRED_WHEN_LOST = "transferred-when-lost";

  public AgentStatus {
    offers = List.copyOf(offers);
    open = List.copyOf(open);
    notice = notice == null ? "" : notice;
  }

  /** A status without a notice. */
  public AgentStatus(
      String agentId,
      AgentState state,
      String reason,
      Instant until,
      List<OfferedContact> offers,
      List<OfferedContact> open) {
    this(agentId, state, reason, until, offers, open, "");
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

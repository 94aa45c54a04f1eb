package io.contactcenter.tickets.internal.domain;

import java.util.Objects;

/**
 * Where a ticket should be in the ACD, from the ticket itself and where routing has it: an active
 * ticket of a routed group without an assignee waits in routing; a ticket an agent holds through
 * routing stays theirs while it is active and assigned to them; anything else leaves routing. Each
 * call gives one step; the caller applies it and asks again until {@link Keep}.
 */
public final class RoutingReconciliation {

  private RoutingReconciliation() {}

  /** Where routing has the ticket. */
  public enum Place {
    /** Not in routing. */
    NONE,
    /** Waiting for an agent, or being offered to one. */
    QUEUED,
    /** An agent holds it as an open contact (it counts against their ticket capacity). */
    ASSIGNED
  }

  /** One step towards where the ticket should be. */
  public sealed interface Step permits Keep, Enqueue, Withdraw, Release {}

  /** It is where it should be. */
  public record Keep() implements Step {}

  /** Put it in the group's queue. */
  public record Enqueue() implements Step {}

  /** Take it out of its queue (solved, or assigned by hand while it waited). */
  public record Withdraw() implements Step {}

  /**
   * End the agent's open contact (frees their capacity); {@code requeue} when the ticket must then
   * wait for another agent.
   */
  public record Release(String agent, boolean requeue) implements Step {}

  /**
   * @param active whether the ticket is still worked (not solved or closed)
   * @param assignee who it is assigned to, or null
   * @param routedGroup whether its group is assigned by routing (not by a round robin)
   * @param place where routing has it
   * @param routedAgent the agent routing gave it to, for {@link Place#ASSIGNED}
   */
  public static Step next(
      boolean active, String assignee, boolean routedGroup, Place place, String routedAgent) {
    boolean shouldWait = active && assignee == null && routedGroup;
    return switch (place) {
      case NONE -> shouldWait ? new Enqueue() : new Keep();
      case QUEUED -> active && assignee == null ? new Keep() : new Withdraw();
      case ASSIGNED ->
          active && Objects.equals(assignee, routedAgent)
              ? new Keep()
              : new Release(routedAgent, shouldWait);
    };
  }
}

package io.contactcenter.routing.internal.domain;

/**
 * An attended transfer in progress (ADR 0044): the agent of {@code call} talks to {@code to}, who
 * is reserved for it (a place of their voice capacity, so they are offered nothing else) until it
 * completes or ends. The call goes on in {@code toQueue}: the target queue of a consult of a queue,
 * the call's own queue for a consult of an agent.
 */
public record Consult(Offer call, AgentId to, QueueId toQueue) {

  public AgentId from() {
    return call.agent();
  }
}

package io.contactcenter.routing.internal.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agents who logged in since a {@link ContactDistributor} started (some now maybe logged out),
 * in the order they first logged in.
 *
 * <p>Not thread-safe: only the distributor uses it, under its own lock.
 */
final class AgentRoster {

  private final Map<AgentId, Agent> agents = new LinkedHashMap<>();

  /**
   * The agent logs in, not ready ("logged in"); logging in again while logged in changes nothing.
   */
  void logIn(AgentProfile profile, Instant now) {
    Agent agent = agents.computeIfAbsent(profile.id(), id -> new Agent(profile, now));
    if (agent.isOffline()) {
      agent.notReady("logged in", now);
    }
  }

  /** Whether the agent has logged in since the distributor started (now maybe logged out). */
  boolean knows(AgentId id) {
    return agents.containsKey(id);
  }

  /** The agent holding an offer or a contact (one who has logged in). */
  Agent holder(AgentId id) {
    return agents.get(id);
  }

  /**
   * The agent, logged in now or before.
   *
   * @throws IllegalArgumentException when the agent has never logged in
   */
  Agent agent(AgentId id) {
    Agent agent = agents.get(id);
    if (agent == null) {
      throw new IllegalArgumentException("agent " + id + " is not logged in");
    }
    return agent;
  }

  /**
   * The agent, logged in now.
   *
   * @throws IllegalArgumentException when the agent has never logged in
   * @throws IllegalStateException when the agent is logged out
   */
  Agent loggedIn(AgentId id) {
    Agent agent = agent(id);
    if (agent.isOffline()) {
      throw new IllegalStateException("agent " + id + " is logged out; log in first");
    }
    return agent;
  }

  /** Logged-in agents (ready or not) with the queue's skill at any level. */
  int serving(QueueDefinition queue) {
    int count = 0;
    for (Agent agent : agents.values()) {
      if (!agent.isOffline() && agent.profile.skills().level(queue.skill()).isPresent()) {
        count++;
      }
    }
    return count;
  }

  /** Every agent, in the order they first logged in. */
  Collection<Agent> all() {
    return agents.values();
  }
}

package io.contactcenter.routing;

import java.util.List;
import java.util.Optional;

/**
 * Agents' routing profiles (skills, capacity, wrap-up, phone), stored in PostgreSQL. A change takes
 * effect at the agent's next log-in.
 */
public interface AgentDirectory {

  /** Creates or replaces the agent's profile. */
  AgentSettings save(AgentSettings settings);

  Optional<AgentSettings> find(String agentId);

  List<AgentSettings> all();
}

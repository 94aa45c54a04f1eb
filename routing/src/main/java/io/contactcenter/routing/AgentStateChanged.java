package io.contactcenter.routing;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * An agent's presence changed (log in/out, ready, not ready with its reason, a ring timeout).
 *
 * @param reason the not-ready reason, else {@code ""}
 */
@Externalized("cc.agents.state-changed.v1::#{agentId()}")
public record AgentStateChanged(String agentId, AgentState state, String reason, Instant at) {}

package io.contactcenter.routing;

import java.time.Instant;
import java.util.List;

/**
 * Historical time agents spent in each presence state, from every {@link AgentStateChanged} routing
 * stored (table {@code routing_agent_state_log}), for supervisors' reports (ADR 0029). A state
 * lasts from its change until the agent's next change; the last one lasts until now.
 *
 * <p>Thread-safe; each call is one read of the database.
 */
public interface PresenceReports {

  /**
   * Per agent, state and not-ready reason, the time spent in {@code [from, to)} (clipped to the
   * interval and to now), ordered by agent, state and reason. {@link AgentState#OFFLINE} is left
   * out, and so are pairs with no time in the interval.
   */
  List<StateTime> stateTimes(Instant from, Instant to);

  /**
   * Time one agent spent in one state.
   *
   * @param reason the not-ready reason as the agent gave it; {@code ""} for other states
   * @param millis milliseconds in the state within the interval
   */
  record StateTime(String agentId, AgentState state, String reason, long millis) {}
}

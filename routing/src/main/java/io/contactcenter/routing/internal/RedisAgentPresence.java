package io.contactcenter.routing.internal;

import io.contactcenter.routing.AgentState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Agents' presence in one Redis hash ({@code cc:routing:presence}, field = agent id, value = {@code
 * STATE|reason}), shared by every instance: the wallboard reads it, and an instance that restarts
 * logs its agents back in from it.
 */
final class RedisAgentPresence {

  static final String KEY = "cc:routing:presence";

  /** A stored presence. */
  record Stored(AgentState state, String reason) {}

  private final StringRedisTemplate redis;

  RedisAgentPresence(StringRedisTemplate redis) {
    this.redis = redis;
  }

  void save(String agentId, AgentState state, String reason) {
    if (state == AgentState.OFFLINE) {
      redis.opsForHash().delete(KEY, agentId);
    } else {
      redis.opsForHash().put(KEY, agentId, state.name() + "|" + reason);
    }
  }

  /** Every agent not offline, as last saved. */
  Map<String, Stored> all() {
    Map<String, Stored> all = new LinkedHashMap<>();
    redis
        .<String, String>opsForHash()
        .entries(KEY)
        .forEach(
            (agent, value) -> {
              int bar = value.indexOf('|');
              String state = bar < 0 ? value : value.substring(0, bar);
              String reason = bar < 0 ? "" : value.substring(bar + 1);
              try {
                all.put(agent, new Stored(AgentState.valueOf(state), reason));
              } catch (IllegalArgumentException unknownState) {
                // Written by a newer version: the agent logs in again by hand.
              }
            });
    return all;
  }
}

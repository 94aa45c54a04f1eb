package io.contactcenter.routing.internal;

import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.internal.domain.SavedPresence;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Agents' presence in one Redis hash ({@code cc:routing:presence}, field = agent id, value = {@code
 * STATE|reason}), shared by every instance: the wallboard reads it, and an instance that restarts
 * logs its agents back in from it.
 *
 * <p>A second hash ({@code cc:routing:presence:saved}, value {@code R|since|idleSince|wrapUpUntil|
 * reason} with ISO-8601 instants, {@code R} being {@code READY} or {@code NOT_READY}) holds what a
 * new routing leader needs to resume each agent as the dead one left them: a wrap-up still running,
 * the idle time the longest-idle strategy orders by, and a not-ready chosen during a call (ADR 0053
 * addendum). An entry missing there (written by an older version) resumes the agent from the state
 * alone, as before.
 */
final class RedisAgentPresence {

  static final String KEY = "cc:routing:presence";
  static final String SAVED_KEY = "cc:routing:presence:saved";

  /** A stored presence; {@code saved} is {@code null} when only the state was stored. */
  record Stored(AgentState state, String reason, SavedPresence saved) {}

  private final StringRedisTemplate redis;

  RedisAgentPresence(StringRedisTemplate redis) {
    this.redis = redis;
  }

  void save(String agentId, AgentState state, String reason) {
    if (state == AgentState.OFFLINE) {
      redis.opsForHash().delete(KEY, agentId);
      redis.opsForHash().delete(SAVED_KEY, agentId);
    } else {
      redis.opsForHash().put(KEY, agentId, state.name() + "|" + reason);
    }
  }

  /** Stores what a new leader needs to resume the agent ({@link #encode}). */
  void save(String agentId, String encodedSaved) {
    redis.opsForHash().put(SAVED_KEY, agentId, encodedSaved);
  }

  static String encode(SavedPresence saved) {
    return (saved.ready() ? "READY" : "NOT_READY")
        + "|"
        + saved.since()
        + "|"
        + saved.idleSince()
        + "|"
        + (saved.wrapUpUntil() == null ? "" : saved.wrapUpUntil().toString())
        + "|"
        + saved.reason();
  }

  /** The saved presence, or {@code null} for a value this version cannot read. */
  static SavedPresence decode(String value) {
    if (value == null) {
      return null;
    }
    String[] parts = value.split("\\|", 5);
    if (parts.length < 5 || !(parts[0].equals("READY") || parts[0].equals("NOT_READY"))) {
      return null;
    }
    try {
      return new SavedPresence(
          parts[0].equals("READY"),
          parts[4],
          Instant.parse(parts[1]),
          Instant.parse(parts[2]),
          parts[3].isEmpty() ? null : Instant.parse(parts[3]));
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  /** Every agent not offline, as last saved. */
  Map<String, Stored> all() {
    Map<String, Stored> all = new LinkedHashMap<>();
    Map<String, String> saved = redis.<String, String>opsForHash().entries(SAVED_KEY);
    redis
        .<String, String>opsForHash()
        .entries(KEY)
        .forEach(
            (agent, value) -> {
              int bar = value.indexOf('|');
              String state = bar < 0 ? value : value.substring(0, bar);
              String reason = bar < 0 ? "" : value.substring(bar + 1);
              try {
                all.put(
                    agent, new Stored(AgentState.valueOf(state), reason, decode(saved.get(agent))));
              } catch (IllegalArgumentException unknownState) {
                // Written by a newer version: the agent logs in again by hand.
              }
            });
    return all;
  }
}

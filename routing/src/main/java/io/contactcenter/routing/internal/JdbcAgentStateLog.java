package io.contactcenter.routing.internal;

import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStateChanged;
import io.contactcenter.routing.PresenceReports;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps every announced presence change in {@code routing_agent_state_log} and sums the time
 * between them for reports (ADR 0029).
 */
final class JdbcAgentStateLog implements PresenceReports {

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcAgentStateLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Stores the change. A plain (synchronous) listener on purpose: the routing engine publishes the
   * event inside a transaction, so the row is written with the event's publication or not at all,
   * and never twice.
   */
  @EventListener
  void on(AgentStateChanged changed) {
    jdbc.sql(
            "INSERT INTO routing_agent_state_log (agent_id, state, reason, at) VALUES (?, ?, ?, ?)")
        .params(
            changed.agentId(),
            changed.state().name(),
            changed.reason() == null ? "" : changed.reason(),
            Timestamp.from(changed.at()))
        .update();
  }

  @Override
  public List<StateTime> stateTimes(Instant from, Instant to) {
    Instant now = clock.instant();
    Instant until = to.isAfter(now) ? now : to;
    if (!until.isAfter(from)) {
      return List.of();
    }
    // The state an agent was in when the interval began is their last change before it: found per
    // agent profile through the (agent_id, at) index rather than by scanning the whole history.
    return jdbc.sql(
            """
            WITH selected AS (
                SELECT id, agent_id, state, reason, at FROM routing_agent_state_log
                WHERE at >= :from AND at < :until
                UNION ALL
                SELECT p.id, p.agent_id, p.state, p.reason, p.at
                FROM routing_agent a
                CROSS JOIN LATERAL (
                    SELECT id, agent_id, state, reason, at FROM routing_agent_state_log
                    WHERE agent_id = a.id AND at < :from
                    ORDER BY at DESC, id DESC LIMIT 1) p
            ), spans AS (
                SELECT agent_id, state, reason,
                    greatest(at, CAST(:from AS timestamptz)) AS starts,
                    coalesce(lead(at) OVER (PARTITION BY agent_id ORDER BY at, id),
                        CAST(:until AS timestamptz)) AS ends
                FROM selected
            )
            SELECT agent_id, state, reason,
                round(sum(extract(epoch FROM ends - starts)) * 1000)::bigint AS millis
            FROM spans
            WHERE state <> 'OFFLINE' AND ends > starts
            GROUP BY agent_id, state, reason
            ORDER BY agent_id, state, reason
            """)
        .param("from", Timestamp.from(from))
        .param("until", Timestamp.from(until))
        .query(
            (rs, n) ->
                new StateTime(
                    rs.getString("agent_id"),
                    AgentState.valueOf(rs.getString("state")),
                    rs.getString("reason"),
                    rs.getLong("millis")))
        .list();
  }
}

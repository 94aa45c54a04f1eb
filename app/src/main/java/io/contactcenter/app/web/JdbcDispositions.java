package io.contactcenter.app.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The agents' dispositions of their calls (table agent_disposition, V60). */
@Component
class JdbcDispositions {

  record Stored(
      String callId, String agent, Disposition disposition, String notes, Instant recordedAt) {}

  private final JdbcClient jdbc;
  private final Clock clock = Clock.systemUTC();

  JdbcDispositions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the disposition; a second one for the same call by the same agent replaces it. */
  Instant record(String agent, AgentWorkspaceController.DispositionRequest request) {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql(
            """
            INSERT INTO agent_disposition (call_id, agent, caller, disposition, notes, recorded_at)
            VALUES (:callId, :agent, :caller, :disposition, :notes, :at)
            ON CONFLICT (call_id, agent) DO UPDATE SET disposition = EXCLUDED.disposition,
              notes = EXCLUDED.notes, recorded_at = EXCLUDED.recorded_at
            """)
        .param("callId", request.callId())
        .param("agent", agent)
        .param("caller", request.caller() == null ? "" : request.caller())
        .param("disposition", request.disposition().name())
        .param("notes", request.notes())
        .param("at", java.sql.Timestamp.from(at))
        .update();
    return at;
  }

  List<Stored> forCall(String callId) {
    return jdbc.sql(
            "SELECT call_id, agent, disposition, notes, recorded_at FROM agent_disposition"
                + " WHERE call_id = :callId ORDER BY recorded_at")
        .param("callId", callId)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getString(1),
                    rs.getString(2),
                    Disposition.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  List<Stored> forCaller(String caller, int limit) {
    return jdbc.sql(
            "SELECT call_id, agent, disposition, notes, recorded_at FROM agent_disposition"
                + " WHERE caller = :caller ORDER BY recorded_at DESC LIMIT :limit")
        .param("caller", caller)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getString(1),
                    rs.getString(2),
                    Disposition.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }
}

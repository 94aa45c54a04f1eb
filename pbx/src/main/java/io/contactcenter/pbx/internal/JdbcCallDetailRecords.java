package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.CallDetailRecord;
import io.contactcenter.pbx.CallDetailRecords;
import io.contactcenter.pbx.CallEnded;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Call detail records in PostgreSQL (table {@code pbx_call_detail_record}). */
final class JdbcCallDetailRecords implements CallDetailRecords {

  private static final String COLUMNS =
      "call_id, linked_id, channel, caller, callee, attempt_id, cause, cause_text, started_at,"
          + " answered_at, ended_at, duration_seconds, billable_seconds";

  private final JdbcClient jdbc;

  JdbcCallDetailRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Idempotent: a replayed hangup for the same channel does not add a second record. */
  void save(CallEnded e) {
    jdbc.sql(
            "INSERT INTO pbx_call_detail_record ("
                + COLUMNS
                + ") VALUES (:callId, :linkedId, :channel, :caller, :callee, :attemptId, :cause,"
                + " :causeText, :startedAt, :answeredAt, :endedAt, :duration, :billable)"
                + " ON CONFLICT (call_id) DO NOTHING")
        .param("callId", e.callId())
        .param("linkedId", e.linkedId())
        .param("channel", e.channel())
        .param("caller", e.caller())
        .param("callee", e.callee())
        .param("attemptId", e.attemptId())
        .param("cause", e.cause())
        .param("causeText", e.causeText())
        .param("startedAt", ts(e.startedAt()))
        .param("answeredAt", ts(e.answeredAt()))
        .param("endedAt", ts(e.endedAt()))
        .param("duration", e.durationSeconds())
        .param("billable", e.billableSeconds())
        .update();
  }

  @Override
  public Optional<CallDetailRecord> find(String callId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM pbx_call_detail_record WHERE call_id = ?")
        .param(callId)
        .query(JdbcCallDetailRecords::map)
        .optional();
  }

  @Override
  public List<CallDetailRecord> recent(int limit) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM pbx_call_detail_record ORDER BY ended_at DESC LIMIT ?")
        .param(Math.max(1, Math.min(limit, 500)))
        .query(JdbcCallDetailRecords::map)
        .list();
  }

  @Override
  public List<CallDetailRecord> involving(String party, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM pbx_call_detail_record WHERE caller = ? OR callee = ?"
                + " ORDER BY ended_at DESC LIMIT ?")
        .param(party)
        .param(party)
        .param(Math.max(1, Math.min(limit, 500)))
        .query(JdbcCallDetailRecords::map)
        .list();
  }

  private static CallDetailRecord map(ResultSet rs, int row) throws SQLException {
    return new CallDetailRecord(
        rs.getString("call_id"),
        rs.getString("linked_id"),
        rs.getString("channel"),
        rs.getString("caller"),
        rs.getString("callee"),
        rs.getString("attempt_id"),
        rs.getInt("cause"),
        rs.getString("cause_text"),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("answered_at")),
        instant(rs.getTimestamp("ended_at")),
        rs.getLong("duration_seconds"),
        rs.getLong("billable_seconds"));
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}

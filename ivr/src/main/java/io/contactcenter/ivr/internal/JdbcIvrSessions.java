package io.contactcenter.ivr.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.ivr.IvrReports;
import io.contactcenter.ivr.internal.domain.SessionTrace;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stores IVR sessions in table {@code ivr_session} and reads them back for reports. */
final class JdbcIvrSessions implements IvrReports {

  private static final Logger log = LoggerFactory.getLogger(JdbcIvrSessions.class);

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  JdbcIvrSessions(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** What a stored session holds. */
  record StoredSession(
      UUID sessionId,
      String callId,
      String flowId,
      int flowVersion,
      String caller,
      String language,
      Instant startedAt,
      Instant endedAt,
      String path,
      SessionTrace trace) {}

  /**
   * Stores a session; a database failure is logged and the session lost, never the call: the
   * session is stored after the caller was handed over or hung up, and an exception there would
   * send a caller already queued to the fallback queue.
   */
  void saveOrLog(StoredSession s) {
    try {
      save(s);
    } catch (DataAccessException e) {
      log.warn("IVR session {} of call {} not stored: {}", s.sessionId(), s.callId(), e.toString());
    }
  }

  void save(StoredSession s) {
    List<Map<String, Object>> visits = new ArrayList<>();
    for (SessionTrace.Visit v : s.trace().visits()) {
      Map<String, Object> visit = new LinkedHashMap<>();
      visit.put("nodeId", v.nodeId());
      visit.put("enteredAt", v.enteredAt().toString());
      visit.put("millis", v.time().toMillis());
      visit.put("inputs", v.inputs());
      visits.add(visit);
    }
    String visitsJson;
    try {
      visitsJson = json.writeValueAsString(visits);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("IVR session visits are not serializable", e);
    }
    jdbc.sql(
            """
            INSERT INTO ivr_session (session_id, call_id, flow_id, flow_version, caller, language,
                                     started_at, ended_at, path, visits, intent, self_service,
                                     outcome)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)
            """)
        .params(
            s.sessionId(),
            s.callId(),
            s.flowId(),
            s.flowVersion(),
            s.caller(),
            s.language(),
            Timestamp.from(s.startedAt()),
            Timestamp.from(s.endedAt()),
            s.path(),
            visitsJson,
            s.trace().intent(),
            s.trace().selfService() == null ? null : s.trace().selfService().name(),
            s.trace().outcome().name())
        .update();
  }

  /** Whether the caller (E.164) had an IVR session that started at or after {@code since}. */
  boolean calledSince(String caller, Instant since) {
    return jdbc.sql("SELECT count(*) FROM ivr_session WHERE caller = ? AND started_at >= ?")
            .params(caller, Timestamp.from(since))
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public List<IntentContainment> containment(Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT coalesce(intent, '(none)') AS intent,
                   count(*) AS sessions,
                   count(*) FILTER (WHERE outcome = 'CONTAINED') AS contained,
                   count(*) FILTER (WHERE outcome = 'TO_AGENT') AS to_agent,
                   count(*) FILTER (WHERE outcome = 'ABANDONED') AS abandoned
            FROM ivr_session WHERE started_at >= ? AND started_at < ?
            GROUP BY 1 ORDER BY 2 DESC, 1
            """)
        .params(Timestamp.from(from), Timestamp.from(to))
        .query(
            (rs, i) -> {
              long sessions = rs.getLong(2);
              long contained = rs.getLong(3);
              return new IntentContainment(
                  rs.getString(1),
                  sessions,
                  contained,
                  rs.getLong(4),
                  rs.getLong(5),
                  sessions == 0 ? 0 : (double) contained / sessions);
            })
        .list();
  }

  @Override
  public List<IvrSession> recentSessions(int limit) {
    if (limit < 1 || limit > 500) {
      throw new IllegalArgumentException("limit must be 1 to 500, was " + limit);
    }
    return jdbc.sql(SESSION_COLUMNS + " FROM ivr_session ORDER BY started_at DESC LIMIT :limit")
        .param("limit", limit)
        .query(JdbcIvrSessions::session)
        .list();
  }

  @Override
  public List<IvrSession> sessionsOfCalls(Collection<String> callIds) {
    if (callIds.size() > MAX_CALLS) {
      throw new IllegalArgumentException(
          "at most " + MAX_CALLS + " call ids at once, not " + callIds.size());
    }
    if (callIds.isEmpty()) {
      return List.of();
    }
    // ivr_session_call_idx (V36) finds them, however many newer sessions other calls have.
    return jdbc.sql(
            SESSION_COLUMNS
                + " FROM ivr_session WHERE call_id IN (:callIds) ORDER BY started_at DESC")
        .param("callIds", List.copyOf(callIds))
        .query(JdbcIvrSessions::session)
        .list();
  }

  private static final String SESSION_COLUMNS =
      "SELECT session_id, call_id, flow_id, flow_version, language, started_at, ended_at, path,"
          + " visits::text, intent, self_service, outcome";

  private static IvrSession session(ResultSet rs, int row) throws SQLException {
    return new IvrSession(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        rs.getString(5),
        rs.getTimestamp(6).toInstant(),
        rs.getTimestamp(7).toInstant(),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12));
  }
}

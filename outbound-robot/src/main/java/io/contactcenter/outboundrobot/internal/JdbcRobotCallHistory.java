package io.contactcenter.outboundrobot.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.DialOutcome;
import io.contactcenter.outboundrobot.DialogueOutcome;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotCallList;
import io.contactcenter.outboundrobot.RobotCallQuery;
import io.contactcenter.outboundrobot.Turn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Robot attempts as users see them, with their turns, read from PostgreSQL (tables {@code
 * robot_attempt}, {@code robot_turn}; {@link JdbcRobotAttempts} writes them): one attempt, the
 * latest, a searched page, the calls to a number. Phone numbers come out masked.
 */
final class JdbcRobotCallHistory {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  JdbcRobotCallHistory(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<RobotAttempt> find(String attemptId) {
    return jdbc.sql(SELECT + " WHERE attempt_id = ?").param(attemptId).query(this::map).optional();
  }

  /** The number an attempt called, in full. */
  Optional<PhoneNumber> calledNumber(String attemptId) {
    return jdbc.sql("SELECT phone FROM robot_attempt WHERE attempt_id = ?")
        .param(attemptId)
        .query((rs, n) -> PhoneNumber.parse(rs.getString("phone")))
        .optional();
  }

  List<RobotAttempt> recent(int limit) {
    return jdbc.sql(SELECT + " ORDER BY created_at DESC LIMIT ?")
        .param(Math.max(1, Math.min(limit, 200)))
        .query(this::map)
        .list();
  }

  /** A page of matching attempts, newest first and by id, and how many match in all. */
  RobotCallList search(RobotCallQuery query) {
    StringBuilder where = new StringBuilder(" WHERE TRUE");
    List<Object> params = new ArrayList<>();
    if (query.requestedBy() != null) {
      where.append(" AND requested_by = ?");
      params.add(query.requestedBy());
    }
    if (query.status() != null) {
      where.append(" AND status = ?");
      params.add(query.status().name());
    }
    if (query.outcome() != null) {
      where.append(" AND outcome = ?");
      params.add(query.outcome().name());
    }
    if (query.dialOutcome() != null) {
      where.append(" AND dial_outcome = ?");
      params.add(query.dialOutcome().name());
    }
    if (query.from() != null) {
      where.append(" AND created_at >= ?");
      params.add(Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      where.append(" AND created_at < ?");
      params.add(Timestamp.from(query.to()));
    }
    if (query.phoneSuffix() != null) {
      // Digits only (the query checks): nothing in it has a meaning in LIKE.
      where.append(" AND phone LIKE ?");
      params.add("%" + query.phoneSuffix());
    }
    long total =
        jdbc.sql("SELECT count(*) FROM robot_attempt" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(query.size());
    pageParams.add((long) query.page() * query.size());
    List<RobotAttempt> page =
        jdbc.sql(SELECT + where + " ORDER BY created_at DESC, attempt_id DESC LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(this::map)
            .list();
    return new RobotCallList(page, total);
  }

  List<RobotAttempt> toNumber(PhoneNumber phone, int limit) {
    return jdbc.sql(SELECT + " WHERE phone = ? ORDER BY created_at DESC LIMIT ?")
        .param(phone.e164())
        .param(Math.max(1, Math.min(limit, 200)))
        .query(this::map)
        .list();
  }

  private static final String SELECT =
      "SELECT attempt_id, phone, script_id, script_version, language, status, dial_outcome,"
          + " outcome, failure, callback_at, call_id, recording, created_at, answered_at, ended_at,"
          + " requested_by, test_call, prompt_texts::text AS prompt_texts FROM robot_attempt";

  private RobotAttempt map(ResultSet rs, int row) throws SQLException {
    String id = rs.getString("attempt_id");
    return new RobotAttempt(
        id,
        PhoneNumber.parse(rs.getString("phone")).masked(),
        rs.getString("script_id"),
        rs.getInt("script_version"),
        rs.getString("language"),
        RobotAttempt.Status.valueOf(rs.getString("status")),
        Optional.ofNullable(rs.getString("dial_outcome")).map(DialOutcome::valueOf).orElse(null),
        Optional.ofNullable(rs.getString("outcome")).map(DialogueOutcome::valueOf).orElse(null),
        rs.getString("failure"),
        instant(rs.getTimestamp("callback_at")),
        rs.getString("call_id"),
        rs.getString("recording"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("answered_at")),
        instant(rs.getTimestamp("ended_at")),
        turns(id),
        rs.getString("requested_by"),
        rs.getBoolean("test_call"),
        JdbcRobotAttempts.promptTexts(json, rs.getString("prompt_texts")));
  }

  private List<Turn> turns(String attemptId) {
    return jdbc.sql(
            "SELECT at, step, speaker, text, label, confidence, dtmf FROM robot_turn"
                + " WHERE attempt_id = ? ORDER BY seq")
        .param(attemptId)
        .query(
            (rs, n) ->
                new Turn(
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("step"),
                    Turn.Speaker.valueOf(rs.getString("speaker")),
                    rs.getString("text"),
                    Optional.ofNullable(rs.getString("label")).map(IntentLabel::fromCode),
                    rs.getDouble("confidence"),
                    Optional.ofNullable(rs.getString("dtmf")).map(s -> s.charAt(0))))
        .list();
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}

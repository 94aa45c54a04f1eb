package io.contactcenter.app.security;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who changed what and when, in PostgreSQL ({@code audit_event}). An entry is written in the
 * transaction of the change it records, so a change is never without its entry. Entries are never
 * updated or deleted by the application; they outlive the users they name.
 */
@Component
public class AuditLog {

  /** The most entries one page of the log returns. */
  public static final int MAX_PAGE = 500;

  private final JdbcClient jdbc;

  public AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * An entry of the log.
   *
   * @param target the user (or {@code address:…}) the action was about
   * @param detail what changed, e.g. {@code roles [AGENT] -> [AGENT, QA]}; never a secret
   */
  public record Entry(
      long id,
      Instant at,
      String actor,
      AuditAction action,
      String target,
      String detail,
      String sourceAddress) {}

  /**
   * Records that {@code actor} took customers' phone numbers out in full, e.g. {@code target}
   * {@code campaign:cmp-…}. Written before the data is sent.
   */
  public void numbersExported(Actor actor, String target, String detail) {
    record(actor, AuditAction.NUMBERS_EXPORTED, target, detail);
  }

  /**
   * Records that {@code actor} is joining a live call, e.g. {@code target} {@code
   * call:voice:1733212345.42}, {@code detail} the mode, the agent and the phone. Written before the
   * supervisor's phone is rung.
   */
  public void callMonitored(Actor actor, String target, String detail) {
    record(actor, AuditAction.CALL_MONITORED, target, detail);
  }

  /**
   * Records that the agent {@code actor} brought a supervisor into their call {@code target}; the
   * detail names the supervisor and the phone. Written before the supervisor's phone is rung.
   */
  public void callConferenced(Actor actor, String target, String detail) {
    record(actor, AuditAction.CALL_CONFERENCED, target, detail);
  }

  /**
   * Records that the agent {@code actor} sent their live call {@code target} ({@code call:<contact
   * id>}) back into the ACD for another queue (ADR 0041); the detail names the queues.
   */
  public void callTransferred(Actor actor, String target, String detail) {
    record(actor, AuditAction.CALL_TRANSFERRED, target, detail);
  }

  /**
   * Records that the agent {@code actor} consulted another agent or a queue about their live call
   * {@code target} ({@code call:<contact id>}), or cancelled that consult (ADR 0044); the detail
   * names the target or says cancelled. Written once routing reserved the consulted agent.
   */
  public void callConsulted(Actor actor, String target, String detail) {
    record(actor, AuditAction.CALL_CONSULTED, target, detail);
  }

  /**
   * Records that the agent {@code actor} asked to call a customer from the workspace: {@code
   * target} {@code call:<call id>} for a call placed (written before the agent's phone rings), the
   * agent's own name for one refused; the detail holds the masked number and the outcome, never the
   * number in full.
   */
  public void clickToCall(Actor actor, String target, String detail) {
    record(actor, AuditAction.CLICK_TO_CALL, target, detail);
  }

  /**
   * Records that {@code actor} asked for a test call from the prompt editor: {@code target} {@code
   * robot:<attempt id>} for a call placed, the user's own name for one refused; the detail names
   * the script version and the campaign and holds the masked number and the outcome, never the
   * number in full.
   */
  public void testCall(Actor actor, String target, String detail) {
    record(actor, AuditAction.TEST_CALL, target, detail);
  }

  void record(Actor actor, AuditAction action, String target, String detail) {
    jdbc.sql(
            "INSERT INTO audit_event (actor, action, target, detail, source_address)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(actor.username(), action.name(), target, detail, actor.address())
        .update();
  }

  /**
   * The newest entries first.
   *
   * @param limit at most this many (1 to {@value #MAX_PAGE})
   * @param beforeId only entries older than this id (the last id of the previous page), or null
   * @param user only entries by or about this user, or null for all
   */
  public List<Entry> list(int limit, Long beforeId, String user) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE);
    }
    return jdbc.sql(
            "SELECT id, at, actor, action, target, detail, source_address FROM audit_event"
                + " WHERE (CAST(:before AS BIGINT) IS NULL OR id < :before)"
                + " AND (CAST(:user AS TEXT) IS NULL OR actor = :user OR target = :user)"
                + " ORDER BY id DESC LIMIT :limit")
        .param("before", beforeId)
        .param("user", user)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    AuditAction.valueOf(rs.getString(4)),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)))
        .list();
  }
}

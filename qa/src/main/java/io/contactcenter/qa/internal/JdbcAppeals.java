package io.contactcenter.qa.internal;

import io.contactcenter.qa.Appeal;
import io.contactcenter.qa.AppealDecision;
import io.contactcenter.qa.AppealRefusedException;
import io.contactcenter.qa.AppealRequest;
import io.contactcenter.qa.AppealState;
import io.contactcenter.qa.Appeals;
import io.contactcenter.qa.ConversationNotFoundException;
import io.contactcenter.qa.internal.domain.AppealPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appeals in {@code qa_appeal} with their audit trail in {@code qa_appeal_event}. Opening and
 * deciding lock the conversation's score row, so two concurrent requests are decided one after the
 * other by {@link AppealPolicy}.
 */
class JdbcAppeals implements Appeals {

  private static final String APPEAL =
      """
      SELECT id, conversation_id, appellant, reason, state, opened_at, score_before, decided_by,
          decided_at, final_score, decision_comment
      FROM qa_appeal
      """;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Duration window;
  private final Clock clock;

  JdbcAppeals(JdbcClient jdbc, TransactionTemplate tx, Duration window, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.window = window;
    this.clock = clock;
  }

  /** The review an appeal is about. */
  private record Reviewed(String reviewer, Instant reviewedAt, double finalScore) {}

  @Override
  public Appeal open(String conversationId, AppealRequest request, String appellant) {
    UUID id =
        tx.execute(
            status -> {
              Reviewed reviewed =
                  jdbc.sql(
                          "SELECT reviewer, reviewed_at, coalesce(reviewed_score, score) AS s"
                              + " FROM qa_score WHERE conversation_id = ? FOR UPDATE")
                      .param(conversationId)
                      .query(
                          (rs, n) -> {
                            Timestamp at = rs.getTimestamp("reviewed_at");
                            return new Reviewed(
                                rs.getString("reviewer"),
                                at == null ? null : at.toInstant(),
                                rs.getDouble("s"));
                          })
                      .optional()
                      .orElseThrow(() -> new ConversationNotFoundException(conversationId));
              boolean openAlready =
                  jdbc.sql(
                              "SELECT count(*) FROM qa_appeal WHERE conversation_id = ?"
                                  + " AND state = 'OPEN'")
                          .param(conversationId)
                          .query(Integer.class)
                          .single()
                      > 0;
              Instant now = clock.instant();
              if (AppealPolicy.mayOpen(reviewed.reviewedAt(), openAlready, now, window)
                  instanceof AppealPolicy.Refused refused) {
                throw new AppealRefusedException(
                    refused.code(), refused.reason(), refused.arguments());
              }
              UUID appealId = UUID.randomUUID();
              jdbc.sql(
                      """
                      INSERT INTO qa_appeal (id, conversation_id, appellant, reason, state,
                          opened_at, score_before)
                      VALUES (?, ?, ?, ?, 'OPEN', ?, ?)
                      """)
                  .params(
                      appealId,
                      conversationId,
                      appellant,
                      request.reason(),
                      Timestamp.from(now),
                      reviewed.finalScore())
                  .update();
              event(appealId, now, appellant, "OPENED", request.reason());
              return appealId;
            });
    return find(id).orElseThrow();
  }

  @Override
  public Appeal decide(UUID appealId, AppealDecision decision, String decider) {
    tx.executeWithoutResult(
        status -> {
          Appeal appeal =
              jdbc.sql(APPEAL + " WHERE id = ? FOR UPDATE")
                  .param(appealId)
                  .query(this::appeal)
                  .optional()
                  .orElseThrow(
                      () ->
                          new AppealRefusedException(
                              AppealRefusedException.Reason.NO_SUCH_APPEAL,
                              "no appeal " + appealId,
                              List.of()));
          String reviewer =
              jdbc.sql("SELECT reviewer FROM qa_score WHERE conversation_id = ? FOR UPDATE")
                  .param(appeal.conversationId())
                  .query(String.class)
                  .single();
          if (AppealPolicy.mayDecide(appeal.state(), reviewer, appeal.appellant(), decider)
              instanceof AppealPolicy.Refused refused) {
            throw new AppealRefusedException(refused.code(), refused.reason(), refused.arguments());
          }
          Instant now = clock.instant();
          AppealState state = decision.accepted() ? AppealState.ACCEPTED : AppealState.REJECTED;
          double finalScore = decision.accepted() ? decision.score() : appeal.scoreBefore();
          jdbc.sql(
                  """
                  UPDATE qa_appeal SET state = ?, decided_by = ?, decided_at = ?, final_score = ?,
                      decision_comment = ?
                  WHERE id = ?
                  """)
              .params(
                  state.name(),
                  decider,
                  Timestamp.from(now),
                  finalScore,
                  decision.comment(),
                  appealId)
              .update();
          if (decision.accepted()) {
            jdbc.sql("UPDATE qa_score SET reviewed_score = ? WHERE conversation_id = ?")
                .params(finalScore, appeal.conversationId())
                .update();
          }
          event(
              appealId,
              now,
              decider,
              state.name(),
              "score "
                  + appeal.scoreBefore()
                  + " -> "
                  + finalScore
                  + (decision.comment().isEmpty() ? "" : ": " + decision.comment()));
        });
    return find(appealId).orElseThrow();
  }

  @Override
  public Optional<Appeal> find(UUID appealId) {
    return jdbc.sql(APPEAL + " WHERE id = ?").param(appealId).query(this::appeal).optional();
  }

  @Override
  public List<Appeal> ofAppellant(String appellant) {
    return jdbc.sql(APPEAL + " WHERE appellant = ? ORDER BY opened_at DESC, id LIMIT 500")
        .param(appellant)
        .query(this::appeal)
        .list();
  }

  @Override
  public List<Appeal> list(AppealState state) {
    return state == null
        ? jdbc.sql(APPEAL + " ORDER BY opened_at, id LIMIT 500").query(this::appeal).list()
        : jdbc.sql(APPEAL + " WHERE state = ? ORDER BY opened_at, id LIMIT 500")
            .param(state.name())
            .query(this::appeal)
            .list();
  }

  private void event(UUID appealId, Instant at, String actor, String action, String detail) {
    jdbc.sql(
            """
            INSERT INTO qa_appeal_event (appeal_id, seq, at, actor, action, detail)
            SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ? FROM qa_appeal_event
            WHERE appeal_id = ?
            """)
        .params(appealId, Timestamp.from(at), actor, action, detail, appealId)
        .update();
  }

  private Appeal appeal(ResultSet rs, int n) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    double finalScore = rs.getDouble("final_score");
    Double decidedScore = rs.wasNull() ? null : finalScore;
    List<Appeal.Event> history =
        jdbc.sql(
                "SELECT at, actor, action, detail FROM qa_appeal_event WHERE appeal_id = ?"
                    + " ORDER BY seq")
            .param(id)
            .query(
                (e, i) ->
                    new Appeal.Event(
                        e.getTimestamp("at").toInstant(),
                        e.getString("actor"),
                        e.getString("action"),
                        e.getString("detail")))
            .list();
    return new Appeal(
        id,
        rs.getString("conversation_id"),
        rs.getString("appellant"),
        rs.getString("reason"),
        AppealState.valueOf(rs.getString("state")),
        rs.getTimestamp("opened_at").toInstant(),
        rs.getDouble("score_before"),
        rs.getString("decided_by"),
        decidedAt == null ? null : decidedAt.toInstant(),
        decidedScore,
        rs.getString("decision_comment"),
        history);
  }
}

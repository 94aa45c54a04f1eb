package io.contactcenter.qa.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.qa.Channel;
import io.contactcenter.qa.ConversationReview;
import io.contactcenter.qa.ConversationScore;
import io.contactcenter.qa.ConversationSummary;
import io.contactcenter.qa.TranscriptionState;
import io.contactcenter.qa.internal.domain.Scorer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Score cards and reviews in the {@code qa_score} table, with each card's result per rule in {@code
 * qa_score_rule} (what the rule report sums, V127).
 */
class JdbcScores {

  private static final String SUMMARY =
      """
      SELECT r.conversation_id, r.attempt_id, r.language, r.state, r.ended_at, r.failure,
          r.channel, r.agent, s.score, s.auto_failed, s.sampled, s.reviewer, s.reviewed_score
      FROM qa_recording r LEFT JOIN qa_score s ON s.conversation_id = r.conversation_id
      """;

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final TransactionTemplate tx;

  JdbcScores(JdbcClient jdbc, ObjectMapper json, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.json = json;
    this.tx = tx;
  }

  /**
   * Stores a score card; a rescore keeps the review and the sampling decision made the first time
   * (adding the conversation to the sample after an auto-fail or a complaint).
   */
  void save(String conversationId, ConversationScore score, boolean sampled, Instant now) {
    tx.executeWithoutResult(status -> saveCard(conversationId, score, sampled, now));
  }

  private void saveCard(
      String conversationId, ConversationScore score, boolean sampled, Instant now) {
    jdbc.sql(
            """
            INSERT INTO qa_score (conversation_id, score, auto_failed, card, scored_at, sampled)
            VALUES (?, ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (conversation_id) DO UPDATE SET score = excluded.score,
                auto_failed = excluded.auto_failed, card = excluded.card,
                scored_at = excluded.scored_at,
                sampled = qa_score.sampled OR excluded.auto_failed OR ?
            """)
        .params(
            conversationId,
            score.score(),
            score.autoFailed(),
            write(score),
            Timestamp.from(now),
            sampled,
            Scorer.hasComplaint(score))
        .update();
    // The card's result per rule, from the card just stored (a rescore replaces them all).
    jdbc.sql("DELETE FROM qa_score_rule WHERE conversation_id = ?").param(conversationId).update();
    jdbc.sql(
            """
            INSERT INTO qa_score_rule (conversation_id, rule_name, kind, section, failed_hits)
            SELECT s.conversation_id, h."ruleName", h.kind, h.section,
                count(*) FILTER (WHERE NOT h.passed)
            FROM qa_score s
            CROSS JOIN LATERAL jsonb_to_recordset(s.card->'hits')
                AS h("ruleName" TEXT, kind TEXT, section TEXT, passed BOOLEAN)
            WHERE s.conversation_id = ?
            GROUP BY 1, 2, 3, 4
            """)
        .param(conversationId)
        .update();
  }

  Optional<ConversationScore> card(String conversationId) {
    return jdbc.sql("SELECT card FROM qa_score WHERE conversation_id = ?")
        .param(conversationId)
        .query((rs, n) -> read(rs.getString("card")))
        .optional();
  }

  Optional<ConversationReview.Review> review(String conversationId) {
    return jdbc.sql(
            "SELECT reviewer, reviewed_score, review_comment, reviewed_at FROM qa_score"
                + " WHERE conversation_id = ? AND reviewer IS NOT NULL")
        .param(conversationId)
        .query(
            (rs, n) ->
                new ConversationReview.Review(
                    rs.getString("reviewer"),
                    rs.getDouble("reviewed_score"),
                    rs.getString("review_comment"),
                    rs.getTimestamp("reviewed_at").toInstant()))
        .optional();
  }

  boolean saveReview(
      String conversationId, String reviewer, double score, String comment, Instant now) {
    return jdbc.sql(
                "UPDATE qa_score SET reviewer = ?, reviewed_score = ?, review_comment = ?,"
                    + " reviewed_at = ? WHERE conversation_id = ?")
            .params(reviewer, score, comment, Timestamp.from(now), conversationId)
            .update()
        == 1;
  }

  Optional<ConversationSummary> summary(String conversationId) {
    return jdbc.sql(SUMMARY + " WHERE r.conversation_id = ?")
        .param(conversationId)
        .query(JdbcScores::summary)
        .optional();
  }

  List<ConversationSummary> recent(int limit, boolean sampledOnly) {
    return jdbc.sql(
            SUMMARY
                + (sampledOnly ? " WHERE s.sampled" : "")
                + " ORDER BY r.ended_at DESC, r.conversation_id LIMIT ?")
        .param(limit)
        .query(JdbcScores::summary)
        .list();
  }

  List<ConversationSummary> ofAgent(String agent, int limit) {
    return jdbc.sql(
            SUMMARY
                + " WHERE r.agent = ? AND s.score IS NOT NULL"
                + " ORDER BY r.ended_at DESC, r.conversation_id LIMIT ?")
        .params(agent, limit)
        .query(JdbcScores::summary)
        .list();
  }

  private static ConversationSummary summary(ResultSet rs, int n) throws SQLException {
    double score = rs.getDouble("score");
    boolean scored = !rs.wasNull();
    boolean autoFailed = rs.getBoolean("auto_failed");
    boolean sampled = rs.getBoolean("sampled");
    double reviewed = rs.getDouble("reviewed_score");
    boolean wasReviewed = !rs.wasNull();
    return new ConversationSummary(
        rs.getString("conversation_id"),
        rs.getString("attempt_id"),
        rs.getString("language"),
        TranscriptionState.valueOf(rs.getString("state")),
        rs.getTimestamp("ended_at").toInstant(),
        scored ? score : null,
        scored ? autoFailed : null,
        sampled,
        wasReviewed ? Double.valueOf(reviewed) : scored ? Double.valueOf(score) : null,
        rs.getString("reviewer"),
        rs.getString("failure"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("agent"));
  }

  private String write(ConversationScore score) {
    try {
      return json.writeValueAsString(score);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("score card not writable as JSON", e);
    }
  }

  private ConversationScore read(String card) {
    try {
      return json.readValue(card, ConversationScore.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored score card not readable", e);
    }
  }
}

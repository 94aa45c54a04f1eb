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

/** Score cards and reviews in the {@code qa_score} table. */
class JdbcScores {

  private static final String SUMMARY =
      """
      SELECT r.conversation_id, r.attempt_id, r.language, r.state, r.ended_at, r.failure,
          r.channel, r.agent, s.score, s.auto_failed, s.sampled, s.reviewer, s.reviewed_score
      FROM qa_recording r LEFT JOIN qa_score s ON s.conversation_id = r.conversation_id
      """;

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  JdbcScores(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Stores a score card; a rescore keeps the review and the sampling decision made the first time
   * (adding the conversation to the sample after an auto-fail or a complaint).
   */
  void save(String conversationId, ConversationScore score, boolean sampled, Instant now) {
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

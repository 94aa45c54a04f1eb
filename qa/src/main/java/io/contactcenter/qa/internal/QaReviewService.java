package io.contactcenter.qa.internal;

import io.contactcenter.qa.ConversationNotFoundException;
import io.contactcenter.qa.ConversationReview;
import io.contactcenter.qa.ConversationScore;
import io.contactcenter.qa.ConversationSummary;
import io.contactcenter.qa.NotYetScoredException;
import io.contactcenter.qa.QaReviews;
import io.contactcenter.qa.ReviewRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Conversations, their score cards and reviews. */
class QaReviewService implements QaReviews {

  private final JdbcTranscriptionQueue queue;
  private final JdbcScores scores;
  private final ConversationScoring scoring;
  private final Clock clock;

  QaReviewService(
      JdbcTranscriptionQueue queue, JdbcScores scores, ConversationScoring scoring, Clock clock) {
    this.queue = queue;
    this.scores = scores;
    this.scoring = scoring;
    this.clock = clock;
  }

  @Override
  public List<ConversationSummary> recent(int limit, boolean sampledOnly) {
    if (limit < 1 || limit > 500) {
      throw new IllegalArgumentException("limit must be between 1 and 500, was " + limit);
    }
    return scores.recent(limit, sampledOnly);
  }

  @Override
  public List<ConversationSummary> ofAgent(String agent, int limit) {
    if (limit < 1 || limit > 500) {
      throw new IllegalArgumentException("limit must be between 1 and 500, was " + limit);
    }
    return scores.ofAgent(agent, limit);
  }

  @Override
  public Optional<ConversationReview> find(String conversationId) {
    return queue
        .find(conversationId)
        .flatMap(
            row ->
                scores
                    .summary(conversationId)
                    .map(
                        summary ->
                            new ConversationReview(
                                summary,
                                row.durationMs() == null ? 0 : row.durationMs(),
                                row.words(),
                                scores.card(conversationId).orElse(null),
                                scores.review(conversationId).orElse(null))));
  }

  @Override
  public Optional<Path> recording(String conversationId) {
    return queue
        .find(conversationId)
        .filter(row -> row.recording() != null)
        .map(row -> Path.of(row.recording()))
        .filter(Files::isRegularFile);
  }

  @Override
  public ConversationReview review(String conversationId, ReviewRequest request, String reviewer) {
    ConversationScore card =
        scores.card(conversationId).orElseThrow(() -> missingOrUnscored(conversationId));
    double score = request.score() == null ? card.score() : request.score();
    scores.saveReview(conversationId, reviewer, score, request.comment(), clock.instant());
    return find(conversationId).orElseThrow();
  }

  @Override
  public ConversationReview rescore(String conversationId) {
    scoring.score(conversationId);
    return find(conversationId).orElseThrow();
  }

  private RuntimeException missingOrUnscored(String conversationId) {
    return queue.find(conversationId).isPresent()
        ? new NotYetScoredException(conversationId)
        : new ConversationNotFoundException(conversationId);
  }
}

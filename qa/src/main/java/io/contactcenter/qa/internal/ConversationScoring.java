package io.contactcenter.qa.internal;

import io.contactcenter.qa.ConversationNotFoundException;
import io.contactcenter.qa.ConversationScore;
import io.contactcenter.qa.NotYetScoredException;
import io.contactcenter.qa.QaRules;
import io.contactcenter.qa.TranscriptionState;
import io.contactcenter.qa.internal.domain.ComplaintDetector;
import io.contactcenter.qa.internal.domain.Scorer;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Scores a transcribed conversation with the current rules and decides whether a person reviews it:
 * always after an auto-fail or a complaint signal, else at random with the agent's share (their
 * own, else the configured one).
 */
class ConversationScoring {

  private final JdbcTranscriptionQueue queue;
  private final QaRules rules;
  private final JdbcScores scores;
  private final ComplaintDetector complaints;
  private final JdbcSampling sampling;
  private final RandomGenerator random;
  private final Clock clock;

  ConversationScoring(
      JdbcTranscriptionQueue queue,
      QaRules rules,
      JdbcScores scores,
      ComplaintDetector complaints,
      JdbcSampling sampling,
      RandomGenerator random,
      Clock clock) {
    this.queue = queue;
    this.rules = rules;
    this.scores = scores;
    this.complaints = complaints;
    this.sampling = sampling;
    this.random = random;
    this.clock = clock;
  }

  ConversationScore score(String conversationId) {
    JdbcTranscriptionQueue.Row row =
        queue
            .find(conversationId)
            .orElseThrow(() -> new ConversationNotFoundException(conversationId));
    if (row.state() != TranscriptionState.DONE) {
      throw new NotYetScoredException(conversationId);
    }
    ConversationScore score =
        Scorer.score(
            rules.all(), row.language(), row.channel(), row.words(), row.durationMs(), complaints);
    boolean sampled =
        score.autoFailed()
            || Scorer.hasComplaint(score)
            || random.nextDouble() < sampling.shareOf(row.agent());
    scores.save(conversationId, score, sampled, clock.instant());
    return score;
  }
}

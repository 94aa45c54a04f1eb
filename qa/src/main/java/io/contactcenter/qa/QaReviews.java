package io.contactcenter.qa;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Conversations with their transcripts and score cards, and people's reviews. Thread-safe. */
public interface QaReviews {

  /**
   * The latest conversations, newest first.
   *
   * @param limit 1 to 500
   * @param sampledOnly only those picked for a person to review
   */
  List<ConversationSummary> recent(int limit, boolean sampledOnly);

  /**
   * An agent's scored conversations (calls they accepted, chats they served), newest first.
   *
   * @param limit 1 to 500
   */
  List<ConversationSummary> ofAgent(String agent, int limit);

  Optional<ConversationReview> find(String conversationId);

  /** The conversation's recording file (WAV), if QA knows the conversation and the file exists. */
  Optional<Path> recording(String conversationId);

  /**
   * Records a reviewer's verdict; a later review replaces it.
   *
   * @throws ConversationNotFoundException when there is no such conversation
   * @throws NotYetScoredException before the conversation is scored
   */
  ConversationReview review(String conversationId, ReviewRequest request, String reviewer);

  /**
   * Scores a transcribed conversation again with the current rules (after the rules changed).
   *
   * @throws ConversationNotFoundException when there is no such conversation
   * @throws NotYetScoredException before it is transcribed
   */
  ConversationReview rescore(String conversationId);
}

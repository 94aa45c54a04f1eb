package io.contactcenter.qa;

import java.time.Instant;
import java.util.List;

/**
 * Everything a reviewer needs about one conversation.
 *
 * @param summary the conversation
 * @param durationMs the recording's length
 * @param words the transcript, by time; each word with its speaker
 * @param score the automatic score card, {@code null} until scored
 * @param review the person's review, {@code null} until reviewed
 */
public record ConversationReview(
    ConversationSummary summary,
    long durationMs,
    List<TranscriptWord> words,
    ConversationScore score,
    Review review) {

  /**
   * A reviewer's verdict on a conversation.
   *
   * @param reviewer who reviewed
   * @param score the confirmed or corrected score, 0 to 100
   * @param comment what they noted, possibly empty
   * @param at when
   */
  public record Review(String reviewer, double score, String comment, Instant at) {}
}

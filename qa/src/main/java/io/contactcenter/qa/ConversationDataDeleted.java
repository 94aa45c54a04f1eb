package io.contactcenter.qa;

import java.time.Instant;

/**
 * The retention job deleted a conversation's recording or transcript (it ended before the
 * retention). Published in the transaction that records the deletion, once per conversation and
 * kind; the audit log listens.
 *
 * @param endedAt when the conversation ended
 * @param at when the data was deleted
 */
public record ConversationDataDeleted(
    String conversationId, Data data, Instant endedAt, Instant at) {

  /** What was deleted. */
  public enum Data {
    /** The recording files (mixed and each direction). */
    RECORDING,
    /** The transcript and the words quoted on the score card. */
    TRANSCRIPT
  }
}

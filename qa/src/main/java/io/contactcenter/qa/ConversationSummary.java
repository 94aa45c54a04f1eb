package io.contactcenter.qa;

import java.time.Instant;

/**
 * A conversation in the QA lists.
 *
 * @param conversationId the call's id (Asterisk's unique id of the recorded channel) or the chat's
 * @param attemptId the robot attempt, for robot calls; else {@code null}
 * @param language {@code en} or {@code zh}
 * @param state where its transcription is
 * @param endedAt when the call ended
 * @param autoScore the automatic score, 0 to 100; {@code null} until scored
 * @param autoFailed whether an auto-fail rule failed; {@code null} until scored
 * @param sampled whether it was picked for a person to review (every auto-fail and a random share)
 * @param finalScore the reviewed score if a reviewer confirmed or corrected it, else the automatic
 *     score
 * @param reviewedBy the reviewer, {@code null} until reviewed
 * @param failure why transcription failed, for {@link TranscriptionState#FAILED}
 * @param channel a call or a chat
 * @param agent the agent scored for it (the chat's agent, the call's accepting agent); {@code null}
 *     when none is known
 */
public record ConversationSummary(
    String conversationId,
    String attemptId,
    String language,
    TranscriptionState state,
    Instant endedAt,
    Double autoScore,
    Boolean autoFailed,
    boolean sampled,
    Double finalScore,
    String reviewedBy,
    String failure,
    Channel channel,
    String agent) {}

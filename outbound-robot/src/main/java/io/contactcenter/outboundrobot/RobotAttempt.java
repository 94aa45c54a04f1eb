package io.contactcenter.outboundrobot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One robot call attempt as stored.
 *
 * @param phone the number called, masked for display
 * @param status where the attempt is
 * @param dialOutcome how dialing went, once known (an attempt Asterisk refused is stored as {@code
 *     FAILED}; only {@link RobotAttemptEnded} tells it apart as {@code NOT_DIALED})
 * @param outcome the dialogue's {@link DialogueOutcome} once finished
 * @param failure why the dialogue ended {@code FAILED} (a variable without a value, the speech
 *     engines or the media stream failing, a call interrupted by a crash), for ops; else null
 * @param recording the call recording's file name in Asterisk's monitor spool, if answered
 * @param requestedBy who placed it: a user's name, or {@code campaign:<id>} for a campaign's call
 * @param testCall placed from the prompt editor to try prompts (ADR 0038): no campaign counts it
 * @param promptTexts the edited texts a test call spoke instead of the version's, by prompt path,
 *     then language; empty when it spoke the version as saved
 */
public record RobotAttempt(
    String attemptId,
    String phone,
    String scriptId,
    int scriptVersion,
    String language,
    Status status,
    DialOutcome dialOutcome,
    DialogueOutcome outcome,
    String failure,
    Instant callbackAt,
    String callId,
    String recording,
    Instant createdAt,
    Instant answeredAt,
    Instant endedAt,
    List<Turn> turns,
    String requestedBy,
    boolean testCall,
    Map<String, Map<String, String>> promptTexts) {

  /** Where an attempt is. */
  public enum Status {
    /** Stored, not yet handed to Asterisk. */
    QUEUED,
    /** Asterisk is dialing it. */
    DIALING,
    /** Answered; the dialogue runs. */
    IN_DIALOGUE,
    /** The dialogue ended, or the call never connected; see {@code endedAt} for the call's end. */
    FINISHED
  }
}

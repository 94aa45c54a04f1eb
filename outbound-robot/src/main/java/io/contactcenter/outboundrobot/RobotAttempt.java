package io.contactcenter.outboundrobot;

import java.time.Instant;
import java.util.List;

/**
 * One robot call attempt as stored.
 *
 * @param phone the number called, masked for display
 * @param status QUEUED, DIALING, IN_DIALOGUE or FINISHED
 * @param dialOutcome ANSWERED, VOICEMAIL (an answering machine picked up), NO_ANSWER, BUSY,
 *     CONGESTION or FAILED once known
 * @param outcome the dialogue's {@link DialogueOutcome} once finished
 * @param failure why the dialogue ended {@code FAILED} (a variable without a value, the speech
 *     engines or the media stream failing, a call interrupted by a crash), for ops; else null
 * @param recording the call recording's file name in Asterisk's monitor spool, if answered
 */
public record RobotAttempt(
    String attemptId,
    String phone,
    String scriptId,
    int scriptVersion,
    String language,
    String status,
    String dialOutcome,
    String outcome,
    String failure,
    Instant callbackAt,
    String callId,
    String recording,
    Instant createdAt,
    Instant answeredAt,
    Instant endedAt,
    List<Turn> turns) {}

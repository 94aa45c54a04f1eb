package io.contactcenter.outboundrobot;

import io.contactcenter.common.AttemptId;
import io.contactcenter.common.CallId;
import java.time.Instant;
import java.util.Objects;

/**
 * A robot attempt's call was answered; the dialogue is starting. In process only (a live count for
 * the campaign console); the result comes with {@link RobotAttemptEnded}. Listeners key on {@code
 * attemptId}.
 *
 * @param attemptId the attempt
 * @param callId the answered call leg (its recording bears this name)
 * @param at when it was answered
 */
public record RobotAttemptAnswered(AttemptId attemptId, CallId callId, Instant at) {

  public RobotAttemptAnswered {
    Objects.requireNonNull(attemptId, "attemptId is required");
    Objects.requireNonNull(callId, "callId is required");
    Objects.requireNonNull(at, "at is required");
  }
}

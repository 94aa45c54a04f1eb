package io.contactcenter.outboundrobot;

import java.util.List;
import java.util.Optional;

/**
 * Places robot calls and reads their results.
 *
 * <p>Thread-safe. {@link #callNow} stores the attempt before anything is dialed and returns once
 * Asterisk has queued the call; the dialogue then runs on the call and its turns and outcome appear
 * in {@link #find}.
 */
public interface RobotCalls {

  /**
   * Calls a number now with a campaign's script: what ops use to try a script on their own phone.
   *
   * @throws IllegalArgumentException naming a missing or unknown variable or language
   * @throws io.contactcenter.pbx.PbxUnavailableException when Asterisk cannot take the call
   */
  RobotAttempt callNow(CallNowRequest request);

  Optional<RobotAttempt> find(String attemptId);

  /** The latest attempts, newest first; {@code limit} is capped at 200. */
  List<RobotAttempt> recent(int limit);
}

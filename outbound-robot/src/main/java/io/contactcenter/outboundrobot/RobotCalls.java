package io.contactcenter.outboundrobot;

import io.contactcenter.common.CampaignType;
import java.util.List;
import java.util.Map;
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
   * @throws CallRefusedException naming a missing, unknown or unreadable variable or a language the
   *     script lacks
   * @throws io.contactcenter.pbx.PbxUnavailableException when Asterisk cannot take the call
   */
  RobotAttempt callNow(CallNowRequest request);

  /**
   * Calls a number now with a script version and, optionally, prompt texts not saved yet: what the
   * prompt editor's "Test call" does. The attempt is stored as a test with the edited texts before
   * anything is dialed; no campaign counts it and the dialogue's requests (callback, transfer,
   * do-not-call, ticket) are not carried out. The caller checks the do-not-call list.
   *
   * @throws ScriptNotFoundException if the version does not exist
   * @throws ScriptRejectedException listing every problem of the edited texts (as saving them
   *     would)
   * @throws CallRefusedException naming an unknown or unreadable variable or a language the script
   *     lacks
   * @throws TestCallInFlightException when the user's previous test call is not finished
   * @throws io.contactcenter.pbx.PbxUnavailableException when Asterisk cannot take the call
   */
  RobotAttempt testCall(TestCallRequest request);

  /**
   * Places the call for an attempt the caller recorded first. Idempotent: when the attempt id is
   * already known nothing is dialed and the stored attempt is returned, so a recovering campaign
   * can ask again without calling anyone twice.
   *
   * @throws CallRefusedException naming a missing, unknown or unreadable variable, a language the
   *     script lacks or a pinned version that does not exist; nothing is stored
   * @throws io.contactcenter.pbx.PbxUnavailableException when Asterisk cannot take the call (the
   *     attempt is then stored as finished with dial outcome FAILED)
   */
  RobotAttempt place(PlaceCallRequest request);

  /**
   * Settles attempts a crash left unfinished: those older than {@code grace} that are not finished
   * and that Asterisk has no channel for end as dial outcome {@code ANSWERED} with outcome {@code
   * failed} when they had been answered, else as {@code FAILED}. Those the dialogue finished but
   * whose hangup was never reported (it happened while no instance was connected to Asterisk) get
   * their end recorded as now, their outcome unchanged. Attempts Asterisk still carries are left
   * alone, and so are those whose call this instance has not yet seen gone for 5 s (two calls of
   * this method at least that far apart): a dialogue stores its result just after the callee hangs
   * up. Does nothing when Asterisk cannot be asked.
   *
   * @return the attempts settled
   */
  int recoverInterrupted(java.time.Duration grace);

  /**
   * Checks that {@code variables} give the campaign's script every value it speaks, each in a form
   * the voice can read (money, date, digits), before anything is stored or dialed.
   *
   * @throws CallRefusedException naming the missing, unknown or unreadable variable
   */
  void checkVariables(CampaignType campaign, Map<String, String> variables);

  /**
   * The same check against a given script version (e.g. the one a campaign pinned; look it up once
   * with {@link DialogueScripts#find} when checking many contacts).
   *
   * @throws CallRefusedException naming the missing, unknown or unreadable variable
   */
  void checkVariables(DialogueScript script, Map<String, String> variables);

  /**
   * Whether the robot holds an attempt with this id, i.e. {@link #place} got it (the robot then
   * dials it at most once and announces its end with {@link RobotAttemptEnded}). For a caller
   * recovering from a crash between recording an attempt and placing it; it says nothing about how
   * the call went.
   */
  boolean isPlaced(io.contactcenter.common.AttemptId attemptId);

  /** Whether a call placed now can reach Asterisk (see {@code CallControl.isAvailable}). */
  boolean available();

  /** The trunk robot calls go out on: what dialing limits are counted against. */
  String trunk();

  Optional<RobotAttempt> find(String attemptId);

  /**
   * The number an attempt called, in full ({@link RobotAttempt#phone()} is masked for display): for
   * a module that must reach the callee again, such as a ticket's reply to them. Callers keep it
   * out of logs and pages (its {@code toString()} masks it).
   */
  Optional<io.contactcenter.common.PhoneNumber> calledNumber(String attemptId);

  /** The latest attempts, newest first; {@code limit} is capped at 200. */
  List<RobotAttempt> recent(int limit);

  /** One page of the attempts matching {@code query}, newest first (ties by id). */
  RobotCallList search(RobotCallQuery query);

  /**
   * The attempts that called {@code phone}, newest first, for a customer's history; {@code limit}
   * is capped at 200.
   */
  List<RobotAttempt> toNumber(io.contactcenter.common.PhoneNumber phone, int limit);
}

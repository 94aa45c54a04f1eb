package io.contactcenter.ivr;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Reports over stored hotline IVR sessions. Thread-safe; reads the database. */
public interface IvrReports {

  /**
   * Containment per intent for sessions that started in {@code [from, to)}: of the callers who
   * chose an intent at the first menu, how many the IVR served to the end without an agent.
   * Sessions where no intent was chosen are reported under {@code (none)}.
   */
  List<IntentContainment> containment(Instant from, Instant to);

  /** The newest sessions first, at most {@code limit} (1-500). */
  List<IvrSession> recentSessions(int limit);

  /**
   * The sessions of these calls (by {@link IvrSession#callId()}), newest first, however many
   * sessions of other calls came later: one indexed query, for a customer's history and the screen
   * pop. At most {@value #MAX_CALLS} call ids; none gives an empty list.
   */
  List<IvrSession> sessionsOfCalls(Collection<String> callIds);

  /** The most call ids {@link #sessionsOfCalls} takes at once. */
  int MAX_CALLS = 500;

  /**
   * Containment of one intent.
   *
   * @param contained sessions the IVR ended itself (goodbye after self-service or a message)
   * @param toAgent sessions handed to an agent
   * @param abandoned sessions where the caller hung up in the IVR
   * @param containmentRate contained / sessions, 0 when there are none
   */
  record IntentContainment(
      String intent,
      long sessions,
      long contained,
      long toAgent,
      long abandoned,
      double containmentRate) {}

  /**
   * One stored session.
   *
   * @param path the node ids in order, joined by {@code " > "}
   * @param visitsJson each node with when it was entered, milliseconds spent and the inputs
   * @param selfService FOUND, NOT_FOUND, UNAVAILABLE or null
   * @param outcome CONTAINED, TO_AGENT or ABANDONED
   */
  record IvrSession(
      String sessionId,
      String callId,
      String flowId,
      int flowVersion,
      String language,
      Instant startedAt,
      Instant endedAt,
      String path,
      String visitsJson,
      String intent,
      String selfService,
      String outcome) {}
}

package io.contactcenter.routing.internal.domain;

/**
 * What a new routing leader does with an attended transfer (ADR 0044) the last leader left in
 * progress: decided from what Asterisk has up at the take-over, the caller's channel, the consulted
 * agent's leg and, once the transfer started, the consulting agent's channel. The consulted phone's
 * answer was reported to the last leader's AMI connection only, so Asterisk's list is all the new
 * one has to go by.
 *
 * @param outcome what becomes of the consult
 * @param hangUpConsulted whether the consulted agent's leg is to be hung up (a ring that would go
 *     on for a consult nobody routes; Asterisk then leaves the consulting agent with the caller)
 */
public record ConsultAtTakeover(Outcome outcome, boolean hangUpConsulted) {

  /** What becomes of the consult. */
  public enum Outcome {
    /** The agents talk (the transfer started): it goes on, to be completed or cancelled. */
    GOES_ON,
    /**
     * The consulted phone answered and waits with music, the transfer not started yet: the new
     * leader starts it, as the last was about to.
     */
    CONNECT,
    /**
     * The consulting agent's channel ended during the transfer: Asterisk took that as completing it
     * (the caller is with the consulted agent), so routing hands the call over too.
     */
    HANDED_OVER,
    /** No consult any more: the consulting agent keeps the call (if the caller is still there). */
    ENDED
  }

  /** How far Asterisk's attended transfer had got, as stored. */
  public enum Transfer {
    /** Not started: the consulted phone had not answered (or its answer was not handled yet). */
    NOT_STARTED,
    /** Started, and the consulting agent's channel is up. */
    AGENT_ON_LINE,
    /** Started, and the consulting agent's channel is gone. */
    AGENT_LEFT
  }

  /**
   * @param callerOnLine Asterisk has the caller's channel
   * @param consultedUp Asterisk has the consulted agent's leg (ringing or answered)
   * @param consultedAnswered the consulted agent's leg is answered
   * @param transfer how far the attended transfer had got
   */
  public static ConsultAtTakeover decide(
      boolean callerOnLine, boolean consultedUp, boolean consultedAnswered, Transfer transfer) {
    if (consultedAnswered && !consultedUp) {
      throw new IllegalArgumentException("an answered leg is one Asterisk has");
    }
    if (!callerOnLine || !consultedUp) {
      // The call ended (its agent's part is completed as usual), or the consulted agent left,
      // which returned the agent to the caller in Asterisk: nothing to keep.
      return new ConsultAtTakeover(Outcome.ENDED, consultedUp);
    }
    if (!consultedAnswered) {
      // Still ringing: the agent has not left the caller (the transfer starts on the answer). A
      // ring left on would be answered into a consult nobody routes.
      return new ConsultAtTakeover(Outcome.ENDED, true);
    }
    return switch (transfer) {
      case NOT_STARTED -> new ConsultAtTakeover(Outcome.CONNECT, false);
      case AGENT_ON_LINE -> new ConsultAtTakeover(Outcome.GOES_ON, false);
      case AGENT_LEFT -> new ConsultAtTakeover(Outcome.HANDED_OVER, false);
    };
  }
}

package io.contactcenter.routing.internal.domain;

/**
 * What a new routing leader does with the offer of a call whose agent's phone the last leader had
 * rung (ADR 0043): decided from what Asterisk has up at the take-over, the caller's channel and the
 * ring's (the agent's leg). The agent's answer and the ring's end were reported to the last
 * leader's AMI connection only, so Asterisk's list is all the new one has to go by.
 *
 * @param outcome what becomes of the call
 * @param stopRing whether the agent's leg is to be hung up (it would ring on, or would bridge a
 *     caller nobody routes any more)
 */
public record RingAtTakeover(Outcome outcome, boolean stopRing) {

  /** What becomes of the call. */
  public enum Outcome {
    /** The call waits again at its original place and is offered anew. */
    WAITS_AGAIN,
    /** The agent's phone answered: the call is the agent's, as if the answer had been seen. */
    ANSWERED,
    /** The caller hung up while no instance routed: abandoned, never offered again. */
    CALLER_LEFT
  }

  /**
   * @param callerOnLine Asterisk has the caller's channel
   * @param ringUp Asterisk has the agent's leg (ringing or answered)
   * @param ringAnswered the agent's leg is answered: in the dialplan that bridges it with the
   *     caller
   */
  public static RingAtTakeover decide(boolean callerOnLine, boolean ringUp, boolean ringAnswered) {
    if (ringAnswered && !ringUp) {
      throw new IllegalArgumentException("an answered ring is one Asterisk has");
    }
    if (!callerOnLine) {
      // A leg left up would ring an agent for nobody, or end on its own once its bridge does.
      return new RingAtTakeover(Outcome.CALLER_LEFT, ringUp);
    }
    if (ringAnswered) {
      // Bridged with the caller (or about to be): hanging it up would end the caller's call too.
      return new RingAtTakeover(Outcome.ANSWERED, false);
    }
    // Still ringing: stopped, so that the phone is not answered into a call offered to another
    // agent meanwhile. Rung out or failed: nothing to stop.
    return new RingAtTakeover(Outcome.WAITS_AGAIN, ringUp);
  }
}

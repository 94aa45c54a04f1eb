package io.contactcenter.outboundrobot;

/** How dialing a robot attempt went, before any dialogue. */
public enum DialOutcome {
  /** A person (or someone the robot took for one) answered: the dialogue ran. */
  ANSWERED,
  /** An answering machine or voicemail picked up; the robot left no message. */
  VOICEMAIL,
  /** It rang until the ring timeout. */
  NO_ANSWER,
  /** The callee was busy. */
  BUSY,
  /** The network could not carry the call. */
  CONGESTION,
  /** Dialing failed for another reason, or the call died with no robot on it (a crash). */
  FAILED,
  /**
   * Asterisk never received the call (it was unreachable the moment the call was placed): the
   * callee's phone never rang.
   */
  NOT_DIALED;

  /** Whether the callee's phone may have rung: every outcome except {@link #NOT_DIALED}. */
  public boolean reachedNetwork() {
    return this != NOT_DIALED;
  }
}

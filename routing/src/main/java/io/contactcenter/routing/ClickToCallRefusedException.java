package io.contactcenter.routing;

/**
 * A click-to-call was refused by a check; nothing rang. The message names the reason in English.
 */
public class ClickToCallRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the call was refused. */
  public enum Reason {
    /** The agent is logged out. */
    NOT_LOGGED_IN,
    /** An offer rings for the agent or a contact is open. */
    ON_CONTACT,
    /** The agent placed a call moments ago. */
    TOO_SOON,
    /** The agent's routing profile names no phone. */
    NO_PHONE,
    /** The number is on the do-not-call list. */
    DO_NOT_CALL
  }

  private final Reason reason;

  public ClickToCallRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

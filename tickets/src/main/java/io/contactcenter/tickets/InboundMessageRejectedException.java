package io.contactcenter.tickets;

/** A gateway's call that cannot be trusted: nothing of it was stored. */
public class InboundMessageRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the call was refused; clients see the same answer for each (no oracle for forgers). */
  public enum Reason {
    UNKNOWN_GATEWAY,
    NO_SIGNATURE,
    STALE_TIMESTAMP,
    BAD_SIGNATURE
  }

  private final Reason reason;

  public InboundMessageRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

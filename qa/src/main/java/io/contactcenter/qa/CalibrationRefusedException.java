package io.contactcenter.qa;

/**
 * A calibration score is refused: {@link #reason()} names the rule (for clients and translations),
 * the message says it in English.
 */
public class CalibrationRefusedException extends RuntimeException {

  /** Which rule refused it. */
  public enum Reason {
    /** The person has scored this calibration already; a score is not changed later. */
    ALREADY_SCORED
  }

  private final Reason reason;

  public CalibrationRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

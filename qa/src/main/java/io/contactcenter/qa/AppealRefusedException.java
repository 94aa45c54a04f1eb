package io.contactcenter.qa;

import java.util.List;

/**
 * An appeal cannot be opened or decided: the reason says which rule refused it (not reviewed yet,
 * the appeal window closed, one already open, deciding one's own review or appeal, already
 * decided). {@link #reason()} names the rule for clients and translations; {@link #arguments()} are
 * the values its sentence names, in order.
 */
public class AppealRefusedException extends RuntimeException {

  /** Which rule refused it. */
  public enum Reason {
    NOT_REVIEWED,
    ALREADY_OPEN,
    WINDOW_CLOSED,
    ALREADY_DECIDED,
    OWN_REVIEW,
    OWN_APPEAL,
    NO_SUCH_APPEAL
  }

  private final Reason reason;
  private final List<Object> arguments;

  public AppealRefusedException(Reason reason, String message, List<Object> arguments) {
    super(message);
    this.reason = reason;
    this.arguments = List.copyOf(arguments);
  }

  public Reason reason() {
    return reason;
  }

  public List<Object> arguments() {
    return arguments;
  }
}

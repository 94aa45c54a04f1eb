package io.contactcenter.routing;

/**
 * An attended transfer step cannot be taken now; nothing changed (ADR 0044). {@link #reason()} is a
 * stable code: {@code agent-not-free}, {@code no-free-agent}, {@code same-agent}, {@code
 * already-consulting}, {@code no-consult} (none in progress), {@code not-connected} (the consulted
 * agent is not on the line yet).
 */
public class ConsultRefusedException extends AgentStateConflictException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  public ConsultRefusedException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}

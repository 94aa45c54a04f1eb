package io.contactcenter.routing;

/** The agent's state does not allow the request (e.g. set ready while logged out). */
public class AgentStateConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AgentStateConflictException(String message) {
    super(message);
  }
}

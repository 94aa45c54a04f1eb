package io.contactcenter.routing;

/** The user has no agent profile (an admin creates one). */
public class UnknownAgentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownAgentException(String message) {
    super(message);
  }
}

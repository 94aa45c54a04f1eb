package io.contactcenter.routing;

/** The contact is already waiting, ringing or with an agent. */
public class ContactAlreadyRoutedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ContactAlreadyRoutedException(String message) {
    super(message);
  }
}

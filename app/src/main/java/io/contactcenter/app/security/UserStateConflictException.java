package io.contactcenter.app.security;

/**
 * The change would leave the accounts in a state the rules forbid (409): no enabled admin left, an
 * admin disabling or deleting their own account, a new password equal to the old one.
 */
public class UserStateConflictException extends RuntimeException {

  public UserStateConflictException(String message) {
    super(message);
  }
}

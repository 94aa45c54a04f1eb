package io.contactcenter.app.security;

/** No user has this name (404). */
public class UserNotFoundException extends RuntimeException {

  public UserNotFoundException(String username) {
    super("no user '" + username + "'");
  }
}

package io.contactcenter.app.security;

/**
 * Who makes a change, for the audit log.
 *
 * @param username the signed-in user, or {@code system} for the application itself
 * @param address the client's address as the server saw it, or null
 */
public record Actor(String username, String address) {

  public static final Actor SYSTEM = new Actor("system", null);

  public Actor {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("an actor needs a name");
    }
  }
}

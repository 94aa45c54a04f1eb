package io.contactcenter.app.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * A right granted to one user beside their roles, for what a role holds only in part. A supervisor
 * may, say, listen to calls but not barge in. Stored by name: rename only with a migration.
 */
public enum Permission {
  /** Hear a live agent call; neither party hears the supervisor (ADR 0018). */
  MONITOR_LISTEN,
  /** Speak to the agent alone during a live call; the customer does not hear it. */
  MONITOR_WHISPER,
  /** Join a live call so both the agent and the customer hear the supervisor. */
  MONITOR_BARGE;

  /** The Spring Security authority name, e.g. {@code PERM_MONITOR_LISTEN}. */
  public String authority() {
    return "PERM_" + name();
  }

  /**
   * What a user gets with a role unless an admin says otherwise: a new supervisor may listen,
   * whisper and barge, as every supervisor could before the modes were separate permissions.
   */
  public static Set<Permission> defaultsOf(Set<Role> roles) {
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    if (roles != null && roles.contains(Role.SUPERVISOR)) {
      permissions.addAll(EnumSet.of(MONITOR_LISTEN, MONITOR_WHISPER, MONITOR_BARGE));
    }
    return permissions;
  }
}

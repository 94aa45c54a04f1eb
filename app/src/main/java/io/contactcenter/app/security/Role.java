package io.contactcenter.app.security;

/** What a user may do. A user holds one or more roles. */
public enum Role {
  /** Manages users, configuration and everything else. */
  ADMIN,
  /** Leads agents: queues, live calls, reports. */
  SUPERVISOR,
  /** Takes calls and chats. */
  AGENT,
  /** Runs outbound campaigns and tests robot scripts. */
  OPS,
  /** Reviews recordings, scores and appeals. */
  QA;

  /** The Spring Security authority name, e.g. {@code ROLE_OPS}. */
  public String authority() {
    return "ROLE_" + name();
  }
}

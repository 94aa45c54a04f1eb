package io.contactcenter.routing;

/** An agent's presence as clients and the wallboard show it. */
public enum AgentState {
  /** Logged out: never offered anything. */
  OFFLINE,
  /** Takes offers on every channel with room. */
  READY,
  /** Logged in, no new offers; the status carries the reason. */
  NOT_READY,
  /** Handling contacts or holding offers (offered more where capacity allows). */
  ON_CONTACT,
  /** After-contact work until the status's {@code until}, or until the agent ends it. */
  WRAP_UP
}

package io.contactcenter.routing.internal.domain;

import java.time.Instant;

/** An agent's state as the agent's client and the wallboard show it. */
public sealed interface Presence {

  /** Logged out: never offered anything. */
  record Offline() implements Presence {}

  /** Free for offers on every channel with room; idle since the end of the last contact. */
  record Ready(Instant idleSince) implements Presence {}

  /** Logged in but taking no new offers (break, training, a missed offer: "ring timeout"). */
  record NotReady(String reason, Instant since) implements Presence {}

  /**
   * Handling {@code open} contacts (or holding offers); still offered more where capacity allows.
   */
  record OnContact(int open) implements Presence {}

  /** After-contact work: no offers until {@code until}, or until the agent ends it earlier. */
  record WrapUp(Instant until) implements Presence {}
}

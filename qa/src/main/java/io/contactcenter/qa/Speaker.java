package io.contactcenter.qa;

/** Who said a word of a conversation. */
public enum Speaker {
  /** The contact center's agent. */
  AGENT,
  /** The customer, caller or callee. */
  CUSTOMER,
  /** The outbound robot's own prompts. */
  ROBOT,
  /** The chat's FAQ bot. */
  BOT,
  /** Not known: the recording mixes both parties on one channel. */
  UNKNOWN
}

package io.contactcenter.routing;

/** How one attempt to call a customer back ended (see {@link CallbackAttempted}). */
public enum CallbackOutcome {
  /** The customer answered and talked to the agent (or the agent hung up first). */
  ANSWERED,
  NO_ANSWER,
  BUSY,
  /** The network could not reach the customer (congestion, unknown number, ...). */
  FAILED,
  /**
   * The instance that made the attempt stopped during it: counted as an attempt, never repeated at
   * once, so the customer is not called twice for it.
   */
  INTERRUPTED
}

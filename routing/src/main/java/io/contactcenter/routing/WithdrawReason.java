package io.contactcenter.routing;

/** Why a contact left routing before an agent took it. */
public enum WithdrawReason {
  /** The customer gave up (hung up, closed the chat): counted abandoned in its queue. */
  CUSTOMER_LEFT,
  /** Handled another way (the ticket was solved, the chat moved): not counted anywhere. */
  CANCELLED
}

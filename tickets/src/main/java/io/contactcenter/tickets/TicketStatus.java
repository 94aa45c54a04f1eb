package io.contactcenter.tickets;

/**
 * Where a ticket is. Which changes are allowed is the ticket lifecycle's rule: {@code NEW → OPEN},
 * any working status to any other working status or {@code SOLVED}, {@code SOLVED → OPEN} (a
 * reopen) or {@code CLOSED}; {@code CLOSED} is final (a customer writing again starts a follow-up).
 */
public enum TicketStatus {
  /** Not yet looked at. */
  NEW,
  /** Being worked on. */
  OPEN,
  /** Waiting for the customer's answer: SLA clocks pause. */
  PENDING_CUSTOMER,
  /** Waiting for a carrier, a supplier, a bank: clocks keep running (it is our promise). */
  PENDING_THIRD_PARTY,
  /** Answered; the customer may still reopen it. */
  SOLVED,
  /** Final. */
  CLOSED;

  /** Whether work on the ticket is still owed (not solved, not closed). */
  public boolean isActive() {
    return this != SOLVED && this != CLOSED;
  }
}

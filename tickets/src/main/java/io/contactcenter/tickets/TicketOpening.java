package io.contactcenter.tickets;

/** What opening a ticket did, and the ticket the request now belongs to. */
public record TicketOpening(Ticket ticket, Outcome outcome) {

  /** What opening did. */
  public enum Outcome {
    /** A new ticket. */
    OPENED,
    /** The source had opened this ticket before: nothing changed (a redelivery, a retry). */
    ALREADY_OPENED,
    /**
     * The same customer asked about the same subject within the duplicate window: the request was
     * added to that ticket as a customer message instead of opening another.
     */
    MERGED
  }
}

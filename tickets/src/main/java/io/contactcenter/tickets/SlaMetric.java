package io.contactcenter.tickets;

/** What an SLA clock measures, in business time of the ticket's calendar. */
public enum SlaMetric {
  /** From opening to the first agent reply. */
  FIRST_RESPONSE,
  /** From a customer message after a reply to the next agent reply. */
  NEXT_RESPONSE,
  /** From opening to solved, across reopens. */
  RESOLUTION
}

package io.contactcenter.tickets;

/** What a ticket is about; chooses the default priority, the group and the SLA policy. */
public enum TicketCategory {
  QUESTION,
  COMPLAINT,
  REFUND,
  RETURN,
  DELIVERY,
  CALLBACK,
  OTHER
}

package io.contactcenter.tickets;

/** How urgent a ticket is, lowest first. */
public enum TicketPriority {
  LOW,
  NORMAL,
  HIGH,
  URGENT;

  /** One level higher, {@code URGENT} staying {@code URGENT}: what an SLA escalation does. */
  public TicketPriority raised() {
    return this == URGENT ? URGENT : values()[ordinal() + 1];
  }
}

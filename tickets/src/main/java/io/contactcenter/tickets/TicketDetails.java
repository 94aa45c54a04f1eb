package io.contactcenter.tickets;

import java.util.List;

/**
 * A ticket with its whole history, its SLA clocks and its child tickets (oldest first), for the
 * ticket page.
 */
public record TicketDetails(
    Ticket ticket, List<TicketEntry> history, List<SlaClock> sla, List<Ticket> children) {

  public TicketDetails {
    history = List.copyOf(history);
    sla = List.copyOf(sla);
    children = List.copyOf(children);
  }
}

package io.contactcenter.tickets;

import java.util.List;

/**
 * One page of a ticket list, most urgent first.
 *
 * @param tickets the tickets of this page
 * @param nextCursor where the next page starts ({@link TicketDesk#page}); null on the last page
 */
public record TicketPage(List<Ticket> tickets, String nextCursor) {

  public TicketPage {
    tickets = List.copyOf(tickets);
  }
}

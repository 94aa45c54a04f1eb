package io.contactcenter.tickets;

import java.util.List;

/**
 * One page of a ticket list, most urgent first.
 *
 * @param tickets the tickets of this page
 * @param nextCursor where the next page starts ({@link TicketDesk#page}); null on the last page
 * @param total how many match, on a first page that was asked with its total ({@link
 *     TicketDesk#firstPage}); null otherwise
 */
public record TicketPage(List<Ticket> tickets, String nextCursor, TicketCount total) {

  public TicketPage {
    tickets = List.copyOf(tickets);
  }

  /** A page without its total (a next page). */
  public TicketPage(List<Ticket> tickets, String nextCursor) {
    this(tickets, nextCursor, null);
  }
}

package io.contactcenter.tickets;

/** No ticket has this id. */
public class TicketNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TicketNotFoundException(String ticketId) {
    super("no ticket with id '" + String.valueOf(ticketId).replaceAll("\\p{Cntrl}", "?") + "'");
  }
}

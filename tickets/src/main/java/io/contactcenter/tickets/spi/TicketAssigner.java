package io.contactcenter.tickets.spi;

import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketPriority;
import java.util.Optional;

/**
 * Chooses the agent for a ticket that needs one. Called inside the transaction that opens the
 * ticket; must not block on anything slow. The default, used unless another bean implements this,
 * assigns round robin over the group's configured members; the routing engine can replace it.
 */
public interface TicketAssigner {

  /** The agent to assign, or empty to leave the ticket with its group. */
  Optional<String> choose(Assignment request);

  /** What there is to assign. */
  record Assignment(
      String ticketId, String group, TicketCategory category, TicketPriority priority) {}
}

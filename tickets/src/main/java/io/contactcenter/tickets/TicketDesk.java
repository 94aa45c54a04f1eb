package io.contactcenter.tickets;

import io.contactcenter.common.PhoneNumber;
import java.util.List;
import java.util.Optional;

/**
 * The ticket desk: what agents, the shop, chat and IVR use to open and work tickets.
 *
 * <p>Thread-safe; every change is one transaction that writes the ticket, one history entry and the
 * events. Problems with a request are {@link IllegalArgumentException}s from the request records;
 * {@link TicketNotFoundException} for an unknown id; {@link TicketStateConflictException} for a
 * change the ticket's status does not allow.
 */
public interface TicketDesk {

  /**
   * Opens a ticket, or returns the one this source opened before, or merges the request into an
   * active ticket of the same customer with the same subject opened within the duplicate window.
   */
  TicketOpening open(OpenTicketRequest request);

  /** The ticket with its history and SLA clocks as of now. */
  Optional<TicketDetails> find(String ticketId);

  /** Active and recently solved tickets assigned to {@code assignee}, most urgent first. */
  List<Ticket> assignedTo(String assignee, int limit);

  /** Active tickets of a group, most urgent first. */
  List<Ticket> inGroup(String group, int limit);

  /**
   * The customer's tickets (opened with this number), newest first, whatever their status; for the
   * agent's screen pop. Numbers in them are masked as in every {@link Ticket}.
   *
   * @param limit 1 to 200
   */
  List<Ticket> ofCustomer(PhoneNumber phone, int limit);

  /**
   * Tickets matching the filter, most urgent first.
   *
   * @param viewer the user looking ({@link TicketFilter#mine()} means assigned to them)
   * @param limit 1-200
   */
  List<Ticket> search(TicketFilter filter, String viewer, int limit);

  /**
   * One page of the tickets matching the filter, most urgent first, by keyset: the next page starts
   * after the last ticket of this one, so tickets opened, solved or reprioritized before that point
   * shift nothing (a ticket whose urgency changes moves to its new place in the order).
   *
   * @param viewer the user looking ({@link TicketFilter#mine()} means assigned to them)
   * @param cursor null for the first page, else a previous page's {@link TicketPage#nextCursor()}
   * @param limit 1-200
   * @throws io.contactcenter.common.InvalidInputException for a cursor this desk did not give
   */
  TicketPage page(TicketFilter filter, String viewer, String cursor, int limit);

  /**
   * The first page of the tickets matching the filter with how many match ({@link
   * TicketPage#total()}, counted as {@link #count} does): what a list shows when it opens, the
   * filter worked out once for both.
   *
   * @param limit 1-200
   */
  TicketPage firstPage(TicketFilter filter, String viewer, int limit);

  /**
   * The groups a user supervises: those naming them as {@code lead} or among their {@code
   * supervisors} ({@code cc.tickets.groups.<g>}), by name.
   */
  List<String> groupsSupervisedBy(String user);

  /**
   * How many tickets match the filter for this viewer, counted up to {@code
   * cc.tickets.list-count-limit} ({@link TicketCount#capped()} beyond it).
   */
  TicketCount count(TicketFilter filter, String viewer);

  /**
   * Opens a child ticket for another department. The parent cannot be solved or closed while a
   * child is active ({@link TicketRuleViolationException}); the parent's history notes each child
   * opened and finished.
   *
   * @throws TicketStateConflictException when the parent is solved or closed
   * @throws TicketRuleViolationException when the parent is itself a child
   */
  Ticket openChild(String parentId, ChildTicketRequest request);

  /** A reply to the customer by an agent: stops the response clocks. */
  Ticket reply(String ticketId, TicketMessage reply);

  /** An automatic reply (a bot): the customer sees it; it stops no clock. */
  Ticket botReply(String ticketId, TicketMessage reply);

  /** An internal note: never shown to the customer; stops no clock. */
  Ticket note(String ticketId, TicketMessage note);

  /**
   * The customer wrote (chat, email, SMS gateway). A ticket waiting for the customer or solved goes
   * back to {@code OPEN}; a closed ticket is final, so the message opens a follow-up ticket that
   * lists the closed one among its sources, which is returned.
   */
  Ticket customerMessage(String ticketId, TicketMessage message);

  /**
   * Changes the status. Solving or closing is refused ({@link TicketRuleViolationException}) while
   * a child ticket is active, and ({@link TicketFieldsRejectedException}) while a required custom
   * field is empty.
   */
  Ticket changeStatus(String ticketId, TicketStatus to, String actor);

  /**
   * Assigns to a user by hand ({@code null}: back to the group: its round robin, or its queue in
   * the ACD when it has no members).
   */
  Ticket assign(String ticketId, String assignee, String actor);

  /**
   * Adds and removes tags on a ticket that is not closed. A change that leaves the tags as they
   * were records and publishes nothing; any other is one {@link EntryKind#TAGS_CHANGED} history
   * entry and one {@link TicketTagsChanged}.
   *
   * @throws io.contactcenter.common.InvalidInputException when the ticket would have more than 20
   *     tags
   * @throws TicketStateConflictException when the ticket is closed
   */
  Ticket changeTags(String ticketId, TagChange change, String actor);
}

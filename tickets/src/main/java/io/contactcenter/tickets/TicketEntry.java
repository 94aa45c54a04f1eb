package io.contactcenter.tickets;

import java.time.Instant;

/**
 * One entry of a ticket's history, oldest first.
 *
 * @param seq its position in the ticket's history, from 1
 * @param actor a user name, or a system ({@code robot}, {@code shop}, {@code sla})
 * @param body the text of a message, reply or note; for a change, what it changed to (a status, an
 *     assignee, a priority, an SLA metric)
 * @param visibleToCustomer false for internal notes and changes
 */
public record TicketEntry(
    long seq, EntryKind kind, Instant at, String actor, String body, boolean visibleToCustomer) {}

package io.contactcenter.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A ticket as stored.
 *
 * @param ticketId e.g. {@code T-3f2a…}
 * @param customerPhone the customer's number, masked for display ({@code +861********00}); null if
 *     unknown
 * @param sourceRefs every source that reached this ticket: its own, and those merged into it as
 *     duplicates ({@code KIND:ref})
 * @param duplicateOf for a request merged into another ticket, that ticket (the request itself
 *     opens nothing); null for a ticket of its own
 * @param slaDueAt the earliest moment a running SLA clock breaches; null when none runs
 * @param parentId for a child ticket (work for another department), its parent; null otherwise
 * @param fields custom field values by key: text, dates ({@code 2026-10-01}) and choices as
 *     strings, numbers as {@link java.math.BigDecimal} exactly as saved
 */
public record Ticket(
    String ticketId,
    String subject,
    String customerPhone,
    String customerRef,
    CustomerTier tier,
    TicketChannel channel,
    TicketSource source,
    TicketCategory category,
    TicketPriority priority,
    TicketStatus status,
    String assignee,
    String group,
    List<String> tags,
    List<String> sourceRefs,
    String duplicateOf,
    Instant slaDueAt,
    Instant createdAt,
    Instant updatedAt,
    String parentId,
    Map<String, Object> fields) {

  public Ticket {
    tags = List.copyOf(tags);
    sourceRefs = List.copyOf(sourceRefs);
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }
}

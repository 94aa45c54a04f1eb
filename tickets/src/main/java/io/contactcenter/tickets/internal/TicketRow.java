package io.contactcenter.tickets.internal;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.tickets.CustomerTier;
import io.contactcenter.tickets.SourceKind;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketChannel;
import io.contactcenter.tickets.TicketPriority;
import io.contactcenter.tickets.TicketSource;
import io.contactcenter.tickets.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A ticket row as stored, with the customer's full number (never leaves the module unmasked). */
record TicketRow(
    String ticketId,
    String subject,
    String subjectKey,
    PhoneNumber customerPhone,
    String customerRef,
    CustomerTier tier,
    TicketChannel channel,
    SourceKind sourceKind,
    String sourceRef,
    TicketCategory category,
    TicketPriority priority,
    TicketPriority slaPriority,
    TicketStatus status,
    String assignee,
    String group,
    List<String> tags,
    Instant slaDueAt,
    Instant createdAt,
    Instant updatedAt,
    String parentId,
    Map<String, Object> fields) {

  Ticket toTicket(List<String> sourceRefs, String duplicateOf) {
    return new Ticket(
        ticketId,
        subject,
        customerPhone == null ? null : customerPhone.masked(),
        customerRef,
        tier,
        channel,
        new TicketSource(sourceKind, sourceRef),
        category,
        priority,
        status,
        assignee,
        group,
        tags,
        sourceRefs,
        duplicateOf,
        slaDueAt,
        createdAt,
        updatedAt,
        parentId,
        fields);
  }
}

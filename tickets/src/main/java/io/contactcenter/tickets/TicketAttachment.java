package io.contactcenter.tickets;

import java.time.Instant;

/**
 * A photo stored on a ticket.
 *
 * @param contentType {@code image/jpeg} or {@code image/png}, as the content showed
 * @param size bytes stored (after metadata was removed)
 */
public record TicketAttachment(
    String attachmentId,
    String ticketId,
    String fileName,
    String contentType,
    long size,
    String author,
    Instant at) {}

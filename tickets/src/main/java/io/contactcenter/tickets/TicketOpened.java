package io.contactcenter.tickets;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * A ticket was opened (once per ticket; a duplicate merged into another opens none). Listeners key
 * on {@code ticketId}. Also on Kafka topic {@code cc.tickets.opened.v1}, keyed by ticket id; no
 * customer number or text is in it.
 */
@Externalized("cc.tickets.opened.v1::#{ticketId()}")
public record TicketOpened(
    String ticketId,
    TicketCategory category,
    TicketPriority priority,
    TicketChannel channel,
    TicketSource source,
    String group,
    Instant at) {}

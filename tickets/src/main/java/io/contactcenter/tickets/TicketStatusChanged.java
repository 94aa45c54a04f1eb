package io.contactcenter.tickets;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * A ticket's status changed. Listeners key on {@code ticketId} and {@code at}. Also on Kafka topic
 * {@code cc.tickets.status-changed.v1}, keyed by ticket id.
 */
@Externalized("cc.tickets.status-changed.v1::#{ticketId()}")
public record TicketStatusChanged(
    String ticketId, TicketStatus from, TicketStatus to, String actor, Instant at) {}

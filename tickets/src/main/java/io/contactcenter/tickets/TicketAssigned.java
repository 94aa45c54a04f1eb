package io.contactcenter.tickets;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * A ticket got an assignee (by hand, or by the assignment port). Listeners key on {@code ticketId}
 * and {@code at}. Also on Kafka topic {@code cc.tickets.assigned.v1}, keyed by ticket id.
 */
@Externalized("cc.tickets.assigned.v1::#{ticketId()}")
public record TicketAssigned(String ticketId, String assignee, String group, Instant at) {}

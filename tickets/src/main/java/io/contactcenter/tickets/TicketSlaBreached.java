package io.contactcenter.tickets;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * An SLA clock of a ticket passed its deadline and the ticket was escalated: its priority raised to
 * {@code priority} and the group's lead notified. At most once per clock cycle, whichever instance
 * notices. Also on Kafka topic {@code cc.tickets.sla-breached.v1}, keyed by ticket id.
 */
@Externalized("cc.tickets.sla-breached.v1::#{ticketId()}")
public record TicketSlaBreached(
    String ticketId,
    SlaMetric metric,
    Instant breachedAt,
    TicketPriority priority,
    String groupLead,
    Instant at) {}

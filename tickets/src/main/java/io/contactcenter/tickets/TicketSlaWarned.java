package io.contactcenter.tickets;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * An SLA clock of a ticket is close to its deadline: at most once per clock cycle, whichever
 * instance notices. Also on Kafka topic {@code cc.tickets.sla-warned.v1}, keyed by ticket id.
 */
@Externalized("cc.tickets.sla-warned.v1::#{ticketId()}")
public record TicketSlaWarned(String ticketId, SlaMetric metric, Instant dueAt, Instant at) {}

/**
 * Extension points of the ticket desk: {@link io.contactcenter.tickets.spi.TicketAssigner} chooses
 * who works a new ticket (the default rotates over the group's members; the routing engine can take
 * over by providing a bean).
 */
@org.springframework.modulith.NamedInterface("spi")
package io.contactcenter.tickets.spi;

/**
 * Ticket rules as pure code: the status lifecycle, default priorities, business calendars and the
 * SLA clocks recomputed from a ticket's history. No Spring, no I/O; time comes in as arguments.
 */
package io.contactcenter.tickets.internal.domain;

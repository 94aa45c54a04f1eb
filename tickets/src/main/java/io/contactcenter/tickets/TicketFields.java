package io.contactcenter.tickets;

import java.util.List;
import java.util.Map;

/**
 * Custom fields per ticket category: admins define them as data; agents fill them in on the ticket.
 * Values are stored on the ticket without loss (numbers exactly as given) and a ticket list can be
 * filtered by a field's exact value ({@link TicketFilter}).
 *
 * <p>Thread-safe. Problems with definitions or values are a {@link TicketFieldsRejectedException}
 * listing each, with nothing saved.
 */
public interface TicketFields {

  /** The fields of every category, in their order. */
  Map<TicketCategory, List<TicketField>> all();

  /** The fields of one category, in their order. */
  List<TicketField> of(TicketCategory category);

  /**
   * Replaces the fields of a category. Values stored under a key that is no longer defined stay on
   * the tickets (shown again if the key is defined again); nothing stored is dropped.
   */
  List<TicketField> define(TicketCategory category, List<TicketField> fields);

  /**
   * Saves values on a ticket: each key must be a field of the ticket's category; a null or blank
   * value clears the field. Afterwards every required field must have a value. Recorded in the
   * ticket's history.
   *
   * @param values by field key, as text ({@code "12.50"}, {@code "2026-10-01"})
   * @throws TicketNotFoundException for an unknown ticket
   * @throws TicketStateConflictException for a closed ticket
   */
  Ticket save(String ticketId, Map<String, String> values, String actor);
}

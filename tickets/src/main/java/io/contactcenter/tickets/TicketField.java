package io.contactcenter.tickets;

import java.util.List;

/**
 * A custom field of a ticket category, defined by an admin as data.
 *
 * @param key the stable name values are stored under: 1-40 of a-z, 0-9 and _, starting with a
 *     letter ({@code order_no})
 * @param labelEn the label on English pages
 * @param labelZh the label on Chinese pages
 * @param type what the field holds
 * @param choices the allowed values of a {@code CHOICE} field (empty for every other type)
 * @param required whether the ticket's fields can be saved, and the ticket solved, without it
 */
public record TicketField(
    String key,
    String labelEn,
    String labelZh,
    TicketFieldType type,
    List<String> choices,
    boolean required) {

  public TicketField {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }
}

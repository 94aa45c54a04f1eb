package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.EntryKind;
import io.contactcenter.tickets.FieldProblem;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketField;
import io.contactcenter.tickets.TicketFields;
import io.contactcenter.tickets.TicketFieldsRejectedException;
import io.contactcenter.tickets.TicketNotFoundException;
import io.contactcenter.tickets.TicketStateConflictException;
import io.contactcenter.tickets.TicketStatus;
import io.contactcenter.tickets.internal.domain.FieldRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Custom fields: definitions replaced per category in one transaction; values checked by {@link
 * FieldRules} and saved with the ticket locked, with a history entry naming what changed.
 */
class FieldDesk implements TicketFields {

  private static final Logger log = LoggerFactory.getLogger(FieldDesk.class);

  private final JdbcTicketFields definitions;
  private final JdbcTickets tickets;
  private final JdbcTicketHistory history;
  private final TransactionTemplate tx;
  private final Clock clock;

  FieldDesk(
      JdbcTicketFields definitions,
      JdbcTickets tickets,
      JdbcTicketHistory history,
      TransactionTemplate tx,
      Clock clock) {
    this.definitions = definitions;
    this.tickets = tickets;
    this.history = history;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public Map<TicketCategory, List<TicketField>> all() {
    Map<TicketCategory, List<TicketField>> all = new EnumMap<>(TicketCategory.class);
    for (TicketCategory c : TicketCategory.values()) {
      all.put(c, new java.util.ArrayList<>());
    }
    for (JdbcTicketFields.Defined d : definitions.all()) {
      all.get(d.category()).add(d.field());
    }
    all.replaceAll((c, fields) -> List.copyOf(fields));
    return all;
  }

  @Override
  public List<TicketField> of(TicketCategory category) {
    return definitions.of(requireCategory(category));
  }

  @Override
  public List<TicketField> define(TicketCategory category, List<TicketField> fields) {
    requireCategory(category);
    List<TicketField> given = fields == null ? List.of() : fields;
    List<FieldProblem> problems = FieldRules.checkDefinitions(given);
    if (!problems.isEmpty()) {
      throw new TicketFieldsRejectedException(problems);
    }
    tx.executeWithoutResult(status -> definitions.replace(category, given));
    log.info("ticket fields of {}: {}", category, given.stream().map(TicketField::key).toList());
    return definitions.of(category);
  }

  @Override
  public Ticket save(String ticketId, Map<String, String> values, String actor) {
    if (values == null) {
      throw new IllegalArgumentException("values are required");
    }
    return tx.execute(
        status -> {
          TicketRow row =
              tickets.lockRow(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
          if (row.status() == TicketStatus.CLOSED) {
            throw new TicketStateConflictException(
                "problem.ticket.closed-no-fields",
                "ticket " + ticketId + " is closed: its fields can no longer change");
          }
          List<TicketField> fields = definitions.of(row.category());
          switch (FieldRules.apply(fields, row.fields(), values, true)) {
            case FieldRules.Outcome.Rejected r ->
                throw new TicketFieldsRejectedException(r.problems());
            case FieldRules.Outcome.Saved saved -> {
              if (!saved.changed().isEmpty()) {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                tickets.updateFields(ticketId, saved.values(), now);
                history.append(
                    ticketId, EntryKind.FIELDS_CHANGED, now, actor, describe(saved), null, false);
              }
            }
          }
          return tickets
              .find(ticketId)
              .orElseThrow(() -> new TicketNotFoundException(ticketId))
              .toTicket(tickets.sources(ticketId), null);
        });
  }

  /** {@code order_no = A100; refund_amount = 12.50; pickup_date cleared}. */
  static String describe(FieldRules.Outcome.Saved saved) {
    return String.join(
        "; ",
        saved.changed().stream()
            .map(
                key -> {
                  Object v = saved.values().get(key);
                  return v == null
                      ? key + " ∅"
                      : key + " = " + (v instanceof BigDecimal n ? n.toPlainString() : v);
                })
            .toList());
  }

  private static TicketCategory requireCategory(TicketCategory category) {
    if (category == null) {
      throw new IllegalArgumentException("category is required");
    }
    return category;
  }
}

package io.contactcenter.tickets.internal;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketCount;
import io.contactcenter.tickets.TicketDetails;
import io.contactcenter.tickets.TicketFilter;
import io.contactcenter.tickets.TicketPage;
import io.contactcenter.tickets.internal.domain.FieldRules;
import io.contactcenter.tickets.internal.domain.ListCursor;
import io.contactcenter.tickets.internal.domain.SlaClocks;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The desk's reads: a ticket with its history, SLA clocks and children; lists, searches and pages
 * of tickets (at most 200 at once); the groups a user supervises. Reads lock nothing.
 */
class TicketListing {

  /**
   * Tickets (with it in the subject or the opening text) from which a short Chinese text counts as
   * common: at a million tickets, 0.5 % of them, so that a page in list order is found within
   * ~10,000 rows.
   */
  static final long COMMON_SHORT_TEXT = 5_000;

  private final JdbcTickets tickets;
  private final JdbcTicketHistory history;
  private final JdbcTicketFields fields;
  private final SlaTracker sla;
  private final TicketProperties config;
  private final Clock clock;
  private final long commonShortText;
  private final TransactionOperations reads;

  TicketListing(
      JdbcTickets tickets,
      JdbcTicketHistory history,
      JdbcTicketFields fields,
      SlaTracker sla,
      TicketProperties config,
      Clock clock,
      TransactionOperations reads) {
    this(tickets, history, fields, sla, config, clock, reads, COMMON_SHORT_TEXT);
  }

  /**
   * @param reads read-only transactions in which a list's queries are planned for their values
   * @param commonShortText matches from which a short Chinese text counts as common (tests and
   *     benchmarks choose it, 0 for every one; the desk uses {@link #COMMON_SHORT_TEXT})
   */
  TicketListing(
      JdbcTickets tickets,
      JdbcTicketHistory history,
      JdbcTicketFields fields,
      SlaTracker sla,
      TicketProperties config,
      Clock clock,
      TransactionOperations reads,
      long commonShortText) {
    this.commonShortText = commonShortText;
    this.reads = reads;
    this.tickets = tickets;
    this.history = history;
    this.fields = fields;
    this.sla = sla;
    this.config = config;
    this.clock = clock;
  }

  Optional<TicketDetails> find(String ticketId) {
    return tickets
        .find(ticketId)
        .map(
            row ->
                new TicketDetails(
                    row.toTicket(tickets.sources(ticketId), null),
                    history.entries(ticketId),
                    sla.clocks(row, now()).stream().map(SlaClocks.Computed::clock).toList(),
                    tickets.children(ticketId).stream()
                        .map(c -> c.toTicket(List.of(), null))
                        .toList()));
  }

  List<Ticket> assignedTo(String assignee, int limit) {
    return tickets.assignedTo(assignee, cap(limit)).stream()
        .map(r -> r.toTicket(List.of(), null))
        .toList();
  }

  List<Ticket> inGroup(String group, int limit) {
    return tickets.inGroup(group, cap(limit)).stream()
        .map(r -> r.toTicket(List.of(), null))
        .toList();
  }

  List<Ticket> ofCustomer(PhoneNumber phone, int limit) {
    return tickets.ofCustomer(phone, cap(limit)).stream()
        .map(r -> r.toTicket(List.of(), null))
        .toList();
  }

  List<Ticket> search(TicketFilter filter, String viewer, int limit) {
    return planned(
        () ->
            tickets.search(query(filter, viewer), cap(limit)).stream()
                .map(r -> r.toTicket(List.of(), null))
                .toList());
  }

  TicketPage page(TicketFilter filter, String viewer, String cursor, int limit) {
    ListCursor after = cursor == null || cursor.isBlank() ? null : ListCursor.decode(cursor);
    return planned(() -> page(query(filter, viewer), after, limit, null));
  }

  /** The first page and the list's total, of one query (a short text's plan chosen once). */
  TicketPage firstPage(TicketFilter filter, String viewer, int limit) {
    return planned(
        () -> {
          TicketQuery query = query(filter, viewer);
          long countLimit = config.listCountLimit();
          TicketCount total = TicketCount.upTo(tickets.countUpTo(query, countLimit), countLimit);
          return page(query, null, limit, total);
        });
  }

  private TicketPage page(TicketQuery query, ListCursor after, int limit, TicketCount total) {
    int size = cap(limit);
    // One more than asked says whether a next page exists without counting.
    List<TicketRow> rows = tickets.page(query, after, size + 1);
    List<TicketRow> shown = rows.size() > size ? rows.subList(0, size) : rows;
    String next = null;
    if (rows.size() > size) {
      TicketRow last = shown.get(shown.size() - 1);
      next =
          new ListCursor(
                  ListCursor.rank(last.priority()),
                  last.slaDueAt(),
                  last.createdAt(),
                  last.ticketId())
              .encode();
    }
    return new TicketPage(
        shown.stream().map(r -> r.toTicket(List.of(), null)).toList(), next, total);
  }

  List<String> groupsSupervisedBy(String user) {
    if (user == null) {
      return List.of();
    }
    return config.groups().entrySet().stream()
        .filter(e -> user.equals(e.getValue().lead()) || e.getValue().supervisors().contains(user))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  long count(TicketFilter filter, String viewer) {
    return planned(() -> tickets.count(query(filter, viewer)));
  }

  /** How many match, counted up to the desk's limit (the list's total). */
  TicketCount countCapped(TicketFilter filter, String viewer) {
    long limit = config.listCountLimit();
    return TicketCount.upTo(countUpTo(filter, viewer, limit), limit);
  }

  /** How many match, counting no further than {@code limit + 1} (see {@link JdbcTickets}). */
  long countUpTo(TicketFilter filter, String viewer, long limit) {
    return planned(() -> tickets.countUpTo(query(filter, viewer), limit));
  }

  /**
   * A list read whose queries PostgreSQL plans for the values given (one transaction, read only).
   * Reused as a prepared statement, a list query otherwise gets a generic plan after five runs, one
   * for any value: counting a common short word among the active tickets took 106-164 ms p50 so,
   * and 38 ms planned for the word (docs/benchmarks.md, ticket list run 6). Planning costs well
   * under a millisecond.
   */
  private <T> T planned(Supplier<T> read) {
    return reads.execute(
        status -> {
          tickets.planForTheseValues();
          return read.get();
        });
  }

  private TicketQuery query(TicketFilter filter, String viewer) {
    String fieldJson = null;
    if (filter.fieldKey() != null) {
      Object value = FieldRules.searchValue(fields.withKey(filter.fieldKey()), filter.fieldValue());
      fieldJson = FieldValuesJson.write(Map.of(filter.fieldKey(), value));
    }
    // One or two Chinese characters: a common one (订单, 退款) is checked row by row in list order,
    // a rare one looked up in the gram indexes first (ADR 0042 addenda). Which one it is, the
    // statistics of the gram indexes say; both forms find the same tickets.
    boolean common =
        TicketQuery.isShortCjk(filter.text())
            && (commonShortText <= 0
                || tickets.estimatedGramMatches(filter.text()) >= commonShortText);
    return TicketQuery.of(
        filter,
        viewer,
        fieldJson,
        now(),
        config.dueSoon(),
        filter.myGroups() ? groupsSupervisedBy(viewer) : List.of(),
        common);
  }

  private static int cap(int limit) {
    return Math.max(1, Math.min(limit, 200));
  }

  /** Now, to the microsecond PostgreSQL keeps (as the desk's changes store it). */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.ChildTicketRequest;
import io.contactcenter.tickets.EntryKind;
import io.contactcenter.tickets.OpenTicketRequest;
import io.contactcenter.tickets.SourceKind;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketField;
import io.contactcenter.tickets.TicketFieldsRejectedException;
import io.contactcenter.tickets.TicketMessage;
import io.contactcenter.tickets.TicketNotFoundException;
import io.contactcenter.tickets.TicketOpened;
import io.contactcenter.tickets.TicketOpening;
import io.contactcenter.tickets.TicketRuleViolationException;
import io.contactcenter.tickets.TicketSource;
import io.contactcenter.tickets.TicketStateConflictException;
import io.contactcenter.tickets.TicketStatus;
import io.contactcenter.tickets.internal.domain.DuplicateKey;
import io.contactcenter.tickets.internal.domain.FieldRules;
import io.contactcenter.tickets.internal.domain.PriorityPolicy;
import io.contactcenter.tickets.spi.TicketAssigner;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * How tickets come to be, each within the caller's transaction: a request opens a new ticket, or is
 * merged into the customer's active ticket on the same subject (or the one its source opened
 * already); an agent opens a child ticket for another group; a customer writing on a closed ticket
 * opens a follow-up.
 */
class TicketIntake {

  private static final Logger log = LoggerFactory.getLogger(TicketIntake.class);

  private final JdbcTickets tickets;
  private final JdbcTicketHistory history;
  private final JdbcTicketFields fields;
  private final SlaTracker sla;
  private final TicketAssigner assigner;
  private final ApplicationEventPublisher events;
  private final TicketProperties config;
  private final TicketChanges changes;
  private final Clock clock;

  TicketIntake(
      JdbcTickets tickets,
      JdbcTicketHistory history,
      JdbcTicketFields fields,
      SlaTracker sla,
      TicketAssigner assigner,
      ApplicationEventPublisher events,
      TicketProperties config,
      TicketChanges changes,
      Clock clock) {
    this.tickets = tickets;
    this.history = history;
    this.fields = fields;
    this.sla = sla;
    this.assigner = assigner;
    this.events = events;
    this.config = config;
    this.changes = changes;
    this.clock = clock;
  }

  /**
   * Opens the ticket a request asks for, or merges the request into the ticket it duplicates;
   * custom field values are checked first.
   */
  TicketOpening open(OpenTicketRequest request) {
    // Values given at opening are checked as when saved later, before anything is stored: a
    // problem leaves no ticket behind (the transaction rolls back) and names every field.
    FieldRules.Outcome.Saved given = givenFields(request);
    TicketSource source = request.source();
    if (source.ref() != null) {
      tickets.lock(source.kind() + ":" + source.ref());
      Optional<String> known = tickets.ticketOfSource(source.kind(), source.ref());
      if (known.isPresent()) {
        return new TicketOpening(changes.view(known.get()), TicketOpening.Outcome.ALREADY_OPENED);
      }
    }
    Instant now = now();
    String subjectKey = DuplicateKey.of(request.subject());
    if (request.customerPhone() != null || request.customerRef() != null) {
      String customer =
          request.customerPhone() != null
              ? request.customerPhone().e164()
              : "ref:" + request.customerRef();
      tickets.lock("customer:" + customer);
      Optional<TicketRow> duplicate =
          tickets.findDuplicate(
              request.customerPhone(),
              request.customerRef(),
              subjectKey,
              now.minus(config.duplicateWindow()));
      if (duplicate.isPresent()) {
        String ticketId = duplicate.get().ticketId();
        tickets.lockRow(ticketId).ifPresent(row -> fillEmptyFields(row, request, now));
        if (source.ref() != null) {
          tickets.addSource(source.kind(), source.ref(), ticketId, now);
        }
        String text =
            request.description() == null
                ? request.subject()
                : request.subject() + "\n\n" + request.description();
        changes.customerWrote(duplicate.get(), text, request.openedBy(), now);
        log.info("ticket request from {} merged into {}", source.kind(), ticketId);
        TicketRow merged =
            tickets.find(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
        return new TicketOpening(
            merged.toTicket(tickets.sources(ticketId), ticketId), TicketOpening.Outcome.MERGED);
      }
    }
    String ticketId = "T-" + UUID.randomUUID();
    String group = request.group() != null ? request.group() : groupFor(request.category());
    var priority =
        request.priority() != null
            ? request.priority()
            : PriorityPolicy.initial(request.category(), request.tier());
    String opening = request.description() == null ? request.subject() : request.description();
    tickets.insert(
        new TicketRow(
            ticketId,
            request.subject(),
            subjectKey,
            request.customerPhone(),
            request.customerRef(),
            request.tier(),
            request.channel(),
            source.kind(),
            source.ref(),
            request.category(),
            priority,
            priority,
            TicketStatus.NEW,
            null,
            group,
            request.tags(),
            null,
            now,
            now,
            null,
            given.values()),
        opening);
    if (source.ref() != null) {
      tickets.addSource(source.kind(), source.ref(), ticketId, now);
    }
    history.append(
        ticketId, EntryKind.OPENED, now, request.openedBy(), opening, TicketStatus.NEW, true);
    if (!given.changed().isEmpty()) {
      history.append(
          ticketId,
          EntryKind.FIELDS_CHANGED,
          now,
          request.openedBy(),
          FieldDesk.describe(given),
          null,
          false);
    }
    events.publishEvent(
        new TicketOpened(
            ticketId, request.category(), priority, request.channel(), source, group, now));
    assigner
        .choose(new TicketAssigner.Assignment(ticketId, group, request.category(), priority))
        .ifPresent(agent -> changes.assignLocked(ticketId, group, agent, "assignment", now));
    sla.refresh(ticketId, now);
    log.info(
        "ticket {} opened from {} in group {} with priority {}",
        ticketId,
        source.kind(),
        group,
        priority);
    return new TicketOpening(changes.view(ticketId), TicketOpening.Outcome.OPENED);
  }

  /**
   * The custom field values of a request, checked against its category's fields as a later save
   * would check them (unknown keys, types, choices, lengths); required fields may stay empty, as on
   * every ticket the robot, the hotline or the shop opens: they are required to solve (ADR 0023).
   */
  private FieldRules.Outcome.Saved givenFields(OpenTicketRequest request) {
    if (request.fields().isEmpty()) {
      return new FieldRules.Outcome.Saved(Map.of(), List.of());
    }
    return switch (FieldRules.apply(
        fields.of(request.category()), Map.of(), request.fields(), false)) {
      case FieldRules.Outcome.Rejected rejected ->
          throw new TicketFieldsRejectedException(rejected.problems());
      case FieldRules.Outcome.Saved saved -> saved;
    };
  }

  /**
   * A request merged into an active ticket fills that ticket's empty fields with the values it
   * brought (of the ticket's own category); a value the ticket already has is never overwritten by
   * a duplicate.
   */
  private void fillEmptyFields(TicketRow row, OpenTicketRequest request, Instant now) {
    if (request.fields().isEmpty()) {
      return;
    }
    List<TicketField> defined = fields.of(row.category());
    Map<String, String> missing = new LinkedHashMap<>();
    request
        .fields()
        .forEach(
            (key, value) -> {
              boolean known = defined.stream().anyMatch(f -> f.key().equals(key));
              if (known && !row.fields().containsKey(key)) {
                missing.put(key, value);
              }
            });
    if (missing.isEmpty()) {
      return;
    }
    if (FieldRules.apply(defined, row.fields(), missing, false)
            instanceof FieldRules.Outcome.Saved saved
        && !saved.changed().isEmpty()) {
      tickets.updateFields(row.ticketId(), saved.values(), now);
      history.append(
          row.ticketId(),
          EntryKind.FIELDS_CHANGED,
          now,
          request.openedBy(),
          FieldDesk.describe(saved),
          null,
          false);
    }
  }

  private String groupFor(TicketCategory category) {
    return config.groups().entrySet().stream()
        .filter(e -> e.getValue().categories().contains(category))
        .map(Map.Entry::getKey)
        .sorted()
        .findFirst()
        .orElse(config.defaultGroup());
  }

  /** A child ticket of {@code parentId} for another group, with the parent's customer. */
  Ticket openChild(String parentId, ChildTicketRequest request) {
    TicketRow parent = changes.locked(parentId);
    if (parent.parentId() != null) {
      throw new TicketRuleViolationException(
          TicketRuleViolationException.Rule.CHILD_OF_CHILD,
          List.of(parentId),
          "ticket "
              + parentId
              + " is a child ticket itself: open the child on its parent "
              + parent.parentId());
    }
    if (!parent.status().isActive()) {
      throw new TicketStateConflictException(
          "problem.ticket.no-children",
          "ticket " + parentId + " is " + parent.status() + ": it can get no child tickets",
          TicketChanges.status(parent.status()));
    }
    Instant now = now();
    String childId = "T-" + UUID.randomUUID();
    var category = request.category() != null ? request.category() : parent.category();
    var priority = request.priority() != null ? request.priority() : parent.priority();
    String opening = request.description() == null ? request.subject() : request.description();
    // No duplicate check: the child has the parent's customer on purpose.
    tickets.insert(
        new TicketRow(
            childId,
            request.subject(),
            DuplicateKey.of(request.subject()),
            parent.customerPhone(),
            parent.customerRef(),
            parent.tier(),
            parent.channel(),
            SourceKind.AGENT,
            null,
            category,
            priority,
            priority,
            TicketStatus.NEW,
            null,
            request.group(),
            parent.tags(),
            null,
            now,
            now,
            parentId,
            Map.of()),
        opening);
    history.append(
        childId, EntryKind.OPENED, now, request.openedBy(), opening, TicketStatus.NEW, false);
    history.append(
        parentId,
        EntryKind.NOTE,
        now,
        request.openedBy(),
        "child ticket / 子工单 " + childId + " → " + request.group() + ": " + request.subject(),
        null,
        false);
    tickets.touch(parentId, now);
    events.publishEvent(
        new TicketOpened(
            childId,
            category,
            priority,
            parent.channel(),
            new TicketSource(SourceKind.AGENT, null),
            request.group(),
            now));
    assigner
        .choose(new TicketAssigner.Assignment(childId, request.group(), category, priority))
        .ifPresent(
            agent -> changes.assignLocked(childId, request.group(), agent, "assignment", now));
    sla.refresh(childId, now);
    log.info("ticket {} got child {} for group {}", parentId, childId, request.group());
    return changes.view(childId);
  }

  /** A closed ticket is final: the customer's new message opens a follow-up linked to it. */
  Ticket followUp(TicketRow closed, TicketMessage message, Instant now) {
    String followUpId = newFollowUp(closed, message, now);
    history.append(
        closed.ticketId(), EntryKind.NOTE, now, "tickets", "follow-up " + followUpId, null, false);
    return changes.view(followUpId);
  }

  private String newFollowUp(TicketRow closed, TicketMessage message, Instant now) {
    TicketOpening opening =
        open(
            new OpenTicketRequest(
                closed.subject(),
                message.text(),
                closed.customerPhone(),
                closed.customerRef(),
                closed.tier(),
                closed.channel(),
                new TicketSource(
                    SourceKind.AGENT, "followup:" + closed.ticketId() + ":" + now.toEpochMilli()),
                closed.category(),
                null,
                closed.tags(),
                closed.group(),
                message.author()));
    return opening.ticket().ticketId();
  }

  /**
   * Now, to the microsecond PostgreSQL keeps: an instant with nanoseconds would be rounded on
   * storing, possibly past itself, and an entry stored "after now" is not yet history.
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

package io.contactcenter.tickets.internal;

import io.contactcenter.common.Wording;
import io.contactcenter.tickets.EntryKind;
import io.contactcenter.tickets.FieldProblem;
import io.contactcenter.tickets.TagChange;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketAssigned;
import io.contactcenter.tickets.TicketFieldsRejectedException;
import io.contactcenter.tickets.TicketNotFoundException;
import io.contactcenter.tickets.TicketRuleViolationException;
import io.contactcenter.tickets.TicketStateConflictException;
import io.contactcenter.tickets.TicketStatus;
import io.contactcenter.tickets.TicketStatusChanged;
import io.contactcenter.tickets.TicketTagsChanged;
import io.contactcenter.tickets.internal.domain.FieldRules;
import io.contactcenter.tickets.internal.domain.TicketLifecycle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The steps the desk's changes are made of, each on a ticket the caller has locked and within the
 * caller's transaction: a status change, an assignment, a change of tags, a customer's message, the
 * checks before finishing and the note a parent gets when a child finishes. Each appends history
 * and publishes its event in the order {@link TicketService} and {@link TicketIntake} call them.
 */
class TicketChanges {

  private final JdbcTickets tickets;
  private final JdbcTicketHistory history;
  private final JdbcTicketFields fields;
  private final SlaTracker sla;
  private final ApplicationEventPublisher events;

  TicketChanges(
      JdbcTickets tickets,
      JdbcTicketHistory history,
      JdbcTicketFields fields,
      SlaTracker sla,
      ApplicationEventPublisher events) {
    this.tickets = tickets;
    this.history = history;
    this.fields = fields;
    this.sla = sla;
    this.events = events;
  }

  /** A customer message: a ticket waiting for them or solved is worked again. */
  void customerWrote(TicketRow row, String text, String author, Instant now) {
    history.append(row.ticketId(), EntryKind.CUSTOMER_MESSAGE, now, author, text, null, true);
    if (row.status() == TicketStatus.PENDING_CUSTOMER || row.status() == TicketStatus.SOLVED) {
      changeLocked(row, TicketStatus.OPEN, author, now);
    }
    tickets.touch(row.ticketId(), now);
    sla.refresh(row.ticketId(), now);
  }

  /** A status as a message argument, named in the reader's language ({@code enum.ticket.*}). */
  static Wording status(TicketStatus status) {
    return new Wording("enum.ticket." + status.name(), status.name());
  }

  /**
   * A parent waits for its children (as Freshdesk's parent-child tickets do): solving it while a
   * department still works on its part would tell the customer "done" too early. Required custom
   * fields must be filled before solving (Zendesk's rule for required fields).
   */
  void checkMayFinish(TicketRow row, TicketStatus to) {
    if (!row.status().isActive()) {
      return; // SOLVED → CLOSED: it was checked when solved
    }
    List<String> open = tickets.activeChildren(row.ticketId());
    if (!open.isEmpty()) {
      throw new TicketRuleViolationException(
          TicketRuleViolationException.Rule.CHILDREN_OPEN,
          open,
          "ticket "
              + row.ticketId()
              + " cannot become "
              + to
              + " while "
              + open.size()
              + " child ticket(s) are open: "
              + String.join(", ", open));
    }
    List<FieldProblem> missing =
        FieldRules.missingRequired(fields.of(row.category()), row.fields());
    if (!missing.isEmpty()) {
      throw new TicketFieldsRejectedException(missing);
    }
  }

  /** The parent's history notes that a department finished its part. */
  void childFinished(TicketRow child, TicketStatus to, String actor, Instant now) {
    if (tickets.lockRow(child.parentId()).isEmpty()) {
      return;
    }
    int open = tickets.activeChildren(child.parentId()).size();
    history.append(
        child.parentId(),
        EntryKind.NOTE,
        now,
        actor,
        "child ticket / 子工单 "
            + child.ticketId()
            + " ("
            + child.group()
            + ") "
            + to
            + (open == 0 ? "; all child tickets done / 子工单已全部完成" : "; still open / 仍未完成: " + open),
        null,
        false);
    tickets.touch(child.parentId(), now);
  }

  void changeLocked(TicketRow row, TicketStatus to, String actor, Instant now) {
    if (TicketLifecycle.check(row.status(), to)
        instanceof TicketLifecycle.Transition.Rejected rejected) {
      throw new TicketStateConflictException(
          row.status() == to
              ? "problem.ticket.status-already"
              : row.status() == TicketStatus.CLOSED
                  ? "problem.ticket.status-closed-final"
                  : "problem.ticket.status-change",
          rejected.reason(),
          status(row.status()),
          status(to));
    }
    tickets.updateStatus(row.ticketId(), to, now);
    history.append(row.ticketId(), EntryKind.STATUS_CHANGED, now, actor, to.name(), to, false);
    events.publishEvent(new TicketStatusChanged(row.ticketId(), row.status(), to, actor, now));
  }

  void assignLocked(String ticketId, String group, String agent, String actor, Instant now) {
    tickets.updateAssignee(ticketId, agent, now);
    history.append(
        ticketId, EntryKind.ASSIGNED, now, actor, agent == null ? group : agent, null, false);
    events.publishEvent(new TicketAssigned(ticketId, agent, group, now));
  }

  /**
   * Tags added and removed on a ticket that is not closed; a change that changes nothing records
   * nothing.
   */
  void tagsLocked(TicketRow row, TagChange change, String actor, Instant now) {
    if (row.status() == TicketStatus.CLOSED) {
      throw new TicketStateConflictException(
          "problem.ticket.closed-no-tags",
          "ticket " + row.ticketId() + " is closed: its tags can no longer change");
    }
    List<String> tags = change.applyTo(row.tags());
    List<String> added = new ArrayList<>(tags);
    added.removeAll(row.tags());
    List<String> removed = new ArrayList<>(row.tags());
    removed.removeAll(tags);
    if (added.isEmpty() && removed.isEmpty()) {
      return;
    }
    tickets.updateTags(row.ticketId(), tags, now);
    history.append(
        row.ticketId(),
        EntryKind.TAGS_CHANGED,
        now,
        actor,
        describeTags(added, removed),
        null,
        false);
    events.publishEvent(new TicketTagsChanged(row.ticketId(), added, removed, tags, actor, now));
  }

  /** {@code +vip +refund -spam}: the same in every language, as tags are. */
  static String describeTags(List<String> added, List<String> removed) {
    List<String> parts = new ArrayList<>();
    added.forEach(tag -> parts.add("+" + tag));
    removed.forEach(tag -> parts.add("-" + tag));
    return String.join(" ", parts);
  }

  /** Locks the ticket's row for the rest of the transaction. */
  TicketRow locked(String ticketId) {
    return tickets.lockRow(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
  }

  /** The ticket as it is now, with its sources. */
  Ticket view(String ticketId) {
    TicketRow row = tickets.find(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
    return row.toTicket(tickets.sources(ticketId), null);
  }
}

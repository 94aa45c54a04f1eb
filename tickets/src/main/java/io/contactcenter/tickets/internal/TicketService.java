package io.contactcenter.tickets.internal;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.tickets.ChildTicketRequest;
import io.contactcenter.tickets.EntryKind;
import io.contactcenter.tickets.OpenTicketRequest;
import io.contactcenter.tickets.TagChange;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketCount;
import io.contactcenter.tickets.TicketDesk;
import io.contactcenter.tickets.TicketDetails;
import io.contactcenter.tickets.TicketFilter;
import io.contactcenter.tickets.TicketMessage;
import io.contactcenter.tickets.TicketOpening;
import io.contactcenter.tickets.TicketPage;
import io.contactcenter.tickets.TicketStateConflictException;
import io.contactcenter.tickets.TicketStatus;
import io.contactcenter.tickets.internal.domain.RoutingReconciliation;
import io.contactcenter.tickets.spi.TicketAssigner;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ticket desk: every change locks the ticket, appends history and refreshes its SLA. Each
 * change is one transaction begun here; {@link TicketIntake} opens tickets, {@link TicketChanges}
 * makes the steps of a change and {@link TicketListing} answers the reads.
 */
class TicketService implements TicketDesk {

  private static final Logger log = LoggerFactory.getLogger(TicketService.class);

  private final TicketIntake intake;
  private final TicketChanges changes;
  private final TicketListing listing;
  private final JdbcTickets tickets;
  private final JdbcTicketHistory history;
  private final JdbcTicketRouting routing;
  private final SlaTracker sla;
  private final TicketNotifications notifications;
  private final TicketAssigner assigner;
  private final TransactionTemplate tx;
  private final Clock clock;

  TicketService(
      TicketIntake intake,
      TicketChanges changes,
      TicketListing listing,
      JdbcTickets tickets,
      JdbcTicketHistory history,
      JdbcTicketRouting routing,
      SlaTracker sla,
      TicketNotifications notifications,
      TicketAssigner assigner,
      TransactionTemplate tx,
      Clock clock) {
    this.intake = intake;
    this.changes = changes;
    this.listing = listing;
    this.tickets = tickets;
    this.history = history;
    this.routing = routing;
    this.sla = sla;
    this.notifications = notifications;
    this.assigner = assigner;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public TicketOpening open(OpenTicketRequest request) {
    return tx.execute(status -> intake.open(request));
  }

  @Override
  public Optional<TicketDetails> find(String ticketId) {
    return listing.find(ticketId);
  }

  @Override
  public List<Ticket> assignedTo(String assignee, int limit) {
    return listing.assignedTo(assignee, limit);
  }

  @Override
  public List<Ticket> inGroup(String group, int limit) {
    return listing.inGroup(group, limit);
  }

  @Override
  public List<Ticket> ofCustomer(PhoneNumber phone, int limit) {
    return listing.ofCustomer(phone, limit);
  }

  @Override
  public List<Ticket> search(TicketFilter filter, String viewer, int limit) {
    return listing.search(filter, viewer, limit);
  }

  @Override
  public TicketPage page(TicketFilter filter, String viewer, String cursor, int limit) {
    return listing.page(filter, viewer, cursor, limit);
  }

  @Override
  public TicketPage firstPage(TicketFilter filter, String viewer, int limit) {
    return listing.firstPage(filter, viewer, limit);
  }

  @Override
  public List<String> groupsSupervisedBy(String user) {
    return listing.groupsSupervisedBy(user);
  }

  @Override
  public TicketCount count(TicketFilter filter, String viewer) {
    return listing.countCapped(filter, viewer);
  }

  @Override
  public Ticket openChild(String parentId, ChildTicketRequest request) {
    return tx.execute(status -> intake.openChild(parentId, request));
  }

  @Override
  public Ticket reply(String ticketId, TicketMessage reply) {
    return write(ticketId, EntryKind.REPLY, reply, true);
  }

  @Override
  public Ticket botReply(String ticketId, TicketMessage reply) {
    return write(ticketId, EntryKind.BOT_REPLY, reply, true);
  }

  @Override
  public Ticket note(String ticketId, TicketMessage note) {
    return write(ticketId, EntryKind.NOTE, note, false);
  }

  private Ticket write(String ticketId, EntryKind kind, TicketMessage message, boolean visible) {
    return tx.execute(
        status -> {
          TicketRow row = changes.locked(ticketId);
          if (visible && row.status() == TicketStatus.CLOSED) {
            throw new TicketStateConflictException(
                "problem.ticket.closed-no-reply",
                "ticket " + ticketId + " is closed: the customer can no longer be answered on it");
          }
          Instant now = now();
          history.append(ticketId, kind, now, message.author(), message.text(), null, visible);
          // In the same transaction: a reply stored is a reply handed on, and a rollback sends
          // none.
          if (visible && row.customerPhone() != null) {
            notifications.toCustomer(ticketId, row.customerPhone(), message.text(), now);
          }
          if (kind == EntryKind.REPLY && row.status() == TicketStatus.NEW) {
            changes.changeLocked(row, TicketStatus.OPEN, message.author(), now);
          }
          tickets.touch(ticketId, now);
          sla.refresh(ticketId, now);
          return changes.view(ticketId);
        });
  }

  @Override
  public Ticket customerMessage(String ticketId, TicketMessage message) {
    return tx.execute(
        status -> {
          TicketRow row = changes.locked(ticketId);
          Instant now = now();
          if (row.status() == TicketStatus.CLOSED) {
            return intake.followUp(row, message, now);
          }
          changes.customerWrote(row, message.text(), message.author(), now);
          return changes.view(ticketId);
        });
  }

  @Override
  public Ticket changeStatus(String ticketId, TicketStatus to, String actor) {
    if (to == null) {
      throw new IllegalArgumentException("status is required");
    }
    return tx.execute(
        status -> {
          TicketRow row = changes.locked(ticketId);
          Instant now = now();
          if (to == TicketStatus.SOLVED || to == TicketStatus.CLOSED) {
            changes.checkMayFinish(row, to);
          }
          changes.changeLocked(row, to, actor, now);
          sla.refresh(ticketId, now);
          if (row.parentId() != null && row.status().isActive() && !to.isActive()) {
            changes.childFinished(row, to, actor, now);
          }
          return changes.view(ticketId);
        });
  }

  @Override
  public Ticket assign(String ticketId, String assignee, String actor) {
    return tx.execute(
        status -> {
          TicketRow row = changes.locked(ticketId);
          if (!row.status().isActive()) {
            throw new TicketStateConflictException(
                "problem.ticket.not-assignable",
                "ticket " + ticketId + " is " + row.status() + ": it cannot be assigned",
                TicketChanges.status(row.status()));
          }
          Instant now = now();
          String agent = assignee;
          if (agent == null) {
            agent =
                assigner
                    .choose(
                        new TicketAssigner.Assignment(
                            ticketId, row.group(), row.category(), row.priority()))
                    .orElse(null);
          }
          changes.assignLocked(ticketId, row.group(), agent, actor, now);
          return changes.view(ticketId);
        });
  }

  @Override
  public Ticket changeTags(String ticketId, TagChange change, String actor) {
    if (change == null) {
      throw new IllegalArgumentException("tags to add or remove are required");
    }
    return tx.execute(
        status -> {
          changes.tagsLocked(changes.locked(ticketId), change, actor, now());
          return changes.view(ticketId);
        });
  }

  /**
   * Routing gave the ticket to {@code agent} (the agent accepted it): they become its assignee,
   * unless it was solved or assigned by hand meanwhile (reconciling then releases it again).
   *
   * @return false for a ticket this desk does not know (a contact enqueued by someone else)
   */
  boolean routedTo(String ticketId, String agent) {
    return Boolean.TRUE.equals(
        tx.execute(
            status -> {
              Optional<TicketRow> locked = tickets.lockRow(ticketId);
              if (locked.isEmpty()) {
                return false;
              }
              TicketRow row = locked.get();
              Instant now = now();
              routing.heldBy(ticketId, agent, now);
              if (row.status().isActive() && row.assignee() == null) {
                changes.assignLocked(ticketId, row.group(), agent, "routing", now);
              }
              return true;
            }));
  }

  /**
   * The agent routing gave the ticket to has not acted on it: it is unassigned, with {@code reason}
   * as an internal note, to wait for another agent.
   *
   * @return false when that no longer holds (the agent acted, it was solved or reassigned)
   */
  boolean takeBackUnacted(String ticketId, String agent, String reason) {
    return Boolean.TRUE.equals(
        tx.execute(
            status -> {
              Optional<TicketRow> locked = tickets.tryLock(ticketId);
              if (locked.isEmpty()) {
                return false; // being changed right now, perhaps by the agent
              }
              TicketRow row = locked.get();
              boolean stillUnacted =
                  row.status().isActive()
                      && agent.equals(row.assignee())
                      && routing
                          .snapshot(ticketId)
                          .filter(s -> s.place() == RoutingReconciliation.Place.ASSIGNED)
                          .filter(s -> agent.equals(s.routedAgent()))
                          .isPresent()
                      && !routing.acted(ticketId);
              if (!stillUnacted) {
                return false;
              }
              Instant now = now();
              history.append(ticketId, EntryKind.NOTE, now, "routing", reason, null, false);
              changes.assignLocked(ticketId, row.group(), null, "routing", now);
              log.info("ticket {} taken back from {}: not acted on", ticketId, agent);
              return true;
            }));
  }

  /**
   * Now, to the microsecond PostgreSQL keeps: an instant with nanoseconds would be rounded on
   * storing, possibly past itself, and an entry stored "after now" is not yet history.
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.EntryKind;
import io.contactcenter.tickets.SlaClock;
import io.contactcenter.tickets.TicketPriority;
import io.contactcenter.tickets.TicketSlaBreached;
import io.contactcenter.tickets.TicketSlaWarned;
import io.contactcenter.tickets.internal.domain.SlaClocks;
import io.contactcenter.tickets.internal.domain.SlaPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each ticket's SLA up to date: recomputes its clocks from its history after every change,
 * stores when the sweep must next look at it, and on the sweep sends a warning before a deadline
 * and escalates at a breach (priority raised, group lead notified), each once per clock cycle
 * whichever instance gets there first.
 */
class SlaTracker {

  private static final Logger log = LoggerFactory.getLogger(SlaTracker.class);

  private final JdbcTickets tickets;
  private final JdbcTicketHistory history;
  private final JdbcSlaAlerts alerts;
  private final TicketNotifications notifications;
  private final SlaPolicies policies;
  private final BusinessCalendars calendars;
  private final TicketProperties config;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  SlaTracker(
      JdbcTickets tickets,
      JdbcTicketHistory history,
      JdbcSlaAlerts alerts,
      TicketNotifications notifications,
      SlaPolicies policies,
      BusinessCalendars calendars,
      TicketProperties config,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock) {
    this.tickets = tickets;
    this.history = history;
    this.alerts = alerts;
    this.notifications = notifications;
    this.policies = policies;
    this.calendars = calendars;
    this.config = config;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  List<SlaClocks.Computed> clocks(TicketRow row, Instant now) {
    SlaPolicy policy = policies.policyFor(row.category(), row.slaPriority(), row.tier());
    return SlaClocks.compute(history.facts(row.ticketId()), policy, calendars.of(row.group()), now);
  }

  /** Recomputes after a change; the caller holds the ticket's lock. */
  void refresh(String ticketId, Instant now) {
    TicketRow row = tickets.find(ticketId).orElseThrow();
    store(row, clocks(row, now));
  }

  private void store(TicketRow row, List<SlaClocks.Computed> clocks) {
    Instant check = null;
    for (SlaClocks.Computed c : clocks) {
      Instant due = nextAlert(row.ticketId(), c);
      if (due != null && (check == null || due.isBefore(check))) {
        check = due;
      }
    }
    boolean breached = clocks.stream().anyMatch(c -> c.clock().state() == SlaClock.State.BREACHED);
    tickets.updateSla(row.ticketId(), SlaClocks.nextDue(clocks).orElse(null), check, breached);
  }

  /** When this clock next needs the sweep: its warning or its breach, whichever is unsent. */
  private Instant nextAlert(String ticketId, SlaClocks.Computed c) {
    SlaClock clock = c.clock();
    if (clock.dueAt() == null) {
      return null; // not running: nothing can fall due until the history changes
    }
    if (clock.state() == SlaClock.State.RUNNING
        && !alerts.sent(ticketId, clock.metric(), c.cycleStart(), JdbcSlaAlerts.Kind.WARN)) {
      return c.warnAt();
    }
    if (!alerts.sent(ticketId, clock.metric(), c.cycleStart(), JdbcSlaAlerts.Kind.BREACH)) {
      return clock.dueAt();
    }
    return null;
  }

  /** Makes the sweep recompute every active ticket (the policies or calendar may have changed). */
  int recheckAll() {
    return tickets.recheckActive(now());
  }

  /** One pass: warns and escalates what is due. Returns the tickets looked at. */
  int sweep() {
    Instant now = now();
    List<String> due = tickets.dueForSlaCheck(now, 500);
    for (String ticketId : due) {
      tx.executeWithoutResult(status -> check(ticketId, now()));
    }
    return due.size();
  }

  private void check(String ticketId, Instant now) {
    Optional<TicketRow> locked = tickets.tryLock(ticketId);
    if (locked.isEmpty()) {
      return; // being changed right now; the change refreshes its SLA
    }
    TicketRow row = locked.get();
    List<SlaClocks.Computed> clocks = clocks(row, now);
    for (SlaClocks.Computed c : clocks) {
      SlaClock sc = c.clock();
      if (sc.dueAt() == null) {
        continue;
      }
      if (sc.state() == SlaClock.State.BREACHED) {
        if (alerts.record(ticketId, sc.metric(), c.cycleStart(), JdbcSlaAlerts.Kind.BREACH, now)) {
          row = escalate(row, sc, now);
        }
      } else if (sc.state() == SlaClock.State.RUNNING
          && !c.warnAt().isAfter(now)
          && alerts.record(ticketId, sc.metric(), c.cycleStart(), JdbcSlaAlerts.Kind.WARN, now)) {
        warn(row, sc, now);
      }
    }
    store(row, clocks);
  }

  private void warn(TicketRow row, SlaClock sc, Instant now) {
    history.append(
        row.ticketId(), EntryKind.SLA_WARNED, now, "sla", sc.metric().name(), null, false);
    String recipient = row.assignee() != null ? row.assignee() : leadOf(row.group());
    if (recipient != null) {
      notifications.send(
          row.ticketId(),
          recipient,
          "SLA_WARNING",
          sc.metric() + " of ticket " + row.ticketId() + " is due at " + sc.dueAt(),
          now);
    }
    events.publishEvent(new TicketSlaWarned(row.ticketId(), sc.metric(), sc.dueAt(), now));
    log.info("ticket {}: {} due at {}, warned", row.ticketId(), sc.metric(), sc.dueAt());
  }

  private TicketRow escalate(TicketRow row, SlaClock sc, Instant now) {
    TicketPriority raised = row.priority().raised();
    history.append(
        row.ticketId(), EntryKind.SLA_BREACHED, now, "sla", sc.metric().name(), null, false);
    if (raised != row.priority()) {
      tickets.updatePriority(row.ticketId(), raised, now);
      history.append(
          row.ticketId(), EntryKind.PRIORITY_CHANGED, now, "sla", raised.name(), null, false);
    }
    String lead = leadOf(row.group());
    if (lead != null) {
      notifications.send(
          row.ticketId(),
          lead,
          "SLA_BREACH",
          sc.metric() + " of ticket " + row.ticketId() + " breached at " + sc.breachedAt(),
          now);
    }
    events.publishEvent(
        new TicketSlaBreached(row.ticketId(), sc.metric(), sc.breachedAt(), raised, lead, now));
    log.info(
        "ticket {}: {} breached at {}, escalated to {}",
        row.ticketId(),
        sc.metric(),
        sc.breachedAt(),
        raised);
    return tickets.find(row.ticketId()).orElseThrow();
  }

  private String leadOf(String group) {
    TicketProperties.Group g = config.groups().get(group);
    return g == null || g.lead().isBlank() ? null : g.lead();
  }

  /**
   * Now, to the microsecond PostgreSQL keeps: an instant with nanoseconds would be rounded on
   * storing, possibly past itself, and an entry stored "after now" is not yet history.
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

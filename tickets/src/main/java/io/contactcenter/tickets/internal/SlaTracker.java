package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.EntryKind;
import io.contactcenter.tickets.SlaClock;
import io.contactcenter.tickets.TicketPriority;
import io.contactcenter.tickets.TicketSlaBreached;
import io.contactcenter.tickets.TicketSlaWarned;
import io.contactcenter.tickets.internal.domain.SlaAlert;
import io.contactcenter.tickets.internal.domain.SlaClocks;
import io.contactcenter.tickets.internal.domain.SlaFact;
import io.contactcenter.tickets.internal.domain.SlaPolicy;
import io.contactcenter.tickets.internal.domain.SlaSweepPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** How long a ticket whose check failed waits before the sweep tries it again. */
  private static final Duration RETRY = Duration.ofMinutes(1);

  private final JdbcTickets tickets;
  private final JdbcSlaChecks checks;
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
      JdbcSlaChecks checks,
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
    this.checks = checks;
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
    return clocks(row, history.facts(row.ticketId()), now);
  }

  private List<SlaClocks.Computed> clocks(TicketRow row, List<SlaFact> facts, Instant now) {
    SlaPolicy policy = policies.policyFor(row.category(), row.slaPriority(), row.tier());
    return SlaClocks.compute(facts, policy, calendars.of(row.group()), now);
  }

  /** Recomputes after a change; the caller holds the ticket's lock. */
  void refresh(String ticketId, Instant now) {
    TicketRow row = tickets.find(ticketId).orElseThrow();
    List<SlaClocks.Computed> clocks = clocks(row, now);
    checks.updateSla(List.of(state(ticketId, clocks, alerts.sent(ticketId))));
  }

  private static JdbcSlaChecks.SlaState state(
      String ticketId, List<SlaClocks.Computed> clocks, Set<SlaAlert> sent) {
    boolean breached = clocks.stream().anyMatch(c -> c.clock().state() == SlaClock.State.BREACHED);
    return new JdbcSlaChecks.SlaState(
        ticketId,
        SlaClocks.nextDue(clocks).orElse(null),
        SlaSweepPlan.nextCheck(clocks, sent),
        breached);
  }

  /** Makes the sweep recompute every active ticket (the policies or calendar may have changed). */
  int recheckAll() {
    return checks.recheckActive(now());
  }

  /**
   * One run: warns and escalates what is due, batch after batch while full batches come back (a
   * backlog such as every open ticket after {@link #recheckAll()}), for at most the configured time
   * budget; what is left waits for the next run. Returns the tickets looked at.
   */
  int sweep() {
    Instant dueBy = now();
    Place after = new Place();
    return SlaSweepPlan.drain(
        () -> sweepBatch(dueBy, after),
        config.sweepBatchSize(),
        config.sweepTimeBudget(),
        System::nanoTime);
  }

  /**
   * One batch in one transaction: claims the due tickets (locked, those held elsewhere passed
   * over), reads their histories and the alerts already sent in one query each, sends what is due
   * and writes every ticket's next check back in one statement. Should any ticket fail, the batch
   * rolls back (nothing of it was sent) and its tickets are checked one by one, so one bad ticket
   * cannot hold back the others.
   */
  int sweepBatch(Instant dueBy, Place after) {
    List<String> claimed = new ArrayList<>();
    try {
      Integer taken =
          tx.execute(
              status -> {
                List<JdbcSlaChecks.Claimed> batch =
                    checks.claimDueForSlaCheck(
                        dueBy, after.checkAt, after.ticketId, config.sweepBatchSize());
                if (batch.isEmpty()) {
                  return 0;
                }
                JdbcSlaChecks.Claimed last = batch.get(batch.size() - 1);
                after.checkAt = last.checkAt();
                after.ticketId = last.row().ticketId();
                List<TicketRow> rows = batch.stream().map(JdbcSlaChecks.Claimed::row).toList();
                rows.forEach(r -> claimed.add(r.ticketId()));
                Instant now = now();
                Map<String, List<SlaFact>> facts = history.facts(claimed);
                Map<String, Set<SlaAlert>> sent = alerts.sent(claimed);
                List<JdbcSlaChecks.SlaState> states = new ArrayList<>(rows.size());
                for (TicketRow row : rows) {
                  states.add(
                      check(
                          row,
                          facts.getOrDefault(row.ticketId(), List.of()),
                          sent.getOrDefault(row.ticketId(), Set.of()),
                          now));
                }
                checks.updateSla(states);
                return rows.size();
              });
      return taken == null ? 0 : taken;
    } catch (RuntimeException e) {
      if (claimed.isEmpty()) {
        throw e; // nothing claimed: the database itself failed; the sweeper retries next run
      }
      log.warn(
          "SLA sweep batch of {} tickets failed, checking them one by one: {}",
          claimed.size(),
          e.toString());
      for (String ticketId : claimed) {
        try {
          tx.executeWithoutResult(status -> checkAlone(ticketId, dueBy, now()));
        } catch (RuntimeException one) {
          // Postponed, so that it does not head every later batch (and each run stop there).
          log.warn("SLA check of ticket {} failed, retried in {}: {}", ticketId, RETRY, one);
          try {
            checks.postponeSlaCheck(ticketId, now().plus(RETRY));
          } catch (RuntimeException ignored) {
            // the database is away: the next run tries the whole batch again
          }
        }
      }
      return claimed.size();
    }
  }

  /** Where a sweep run's last batch ended in the queue of due tickets; the next starts after it. */
  static final class Place {
    private Instant checkAt;
    private String ticketId;
  }

  private void checkAlone(String ticketId, Instant dueBy, Instant now) {
    Optional<TicketRow> locked = checks.claimIfDueForSlaCheck(ticketId, dueBy);
    if (locked.isEmpty()) {
      // Being changed right now (the change refreshes its SLA), or another instance has looked
      // at it since the batch rolled back and released it.
      return;
    }
    TicketRow row = locked.get();
    JdbcSlaChecks.SlaState state = check(row, history.facts(ticketId), alerts.sent(ticketId), now);
    checks.updateSla(List.of(state));
  }

  /**
   * Sends what the ticket's clocks call for now; the caller holds the ticket's lock. Each alert is
   * sent only if recording it succeeds, so it goes out once whichever instance gets there first.
   * Returns the ticket's SLA columns to write.
   */
  private JdbcSlaChecks.SlaState check(
      TicketRow row, List<SlaFact> facts, Set<SlaAlert> alreadySent, Instant now) {
    List<SlaClocks.Computed> clocks = clocks(row, facts, now);
    List<SlaSweepPlan.Due> due = SlaSweepPlan.due(clocks, alreadySent, now);
    Set<SlaAlert> sent = alreadySent;
    if (!due.isEmpty()) {
      sent = new HashSet<>(alreadySent);
      for (SlaSweepPlan.Due d : due) {
        boolean mine = alerts.record(row.ticketId(), d.alert(), now);
        sent.add(d.alert());
        if (!mine) {
          continue;
        }
        if (d.alert().kind() == SlaAlert.Kind.BREACH) {
          row = escalate(row, d.clock().clock(), now);
        } else {
          warn(row, d.clock().clock(), now);
        }
      }
    }
    return state(row.ticketId(), clocks, sent);
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

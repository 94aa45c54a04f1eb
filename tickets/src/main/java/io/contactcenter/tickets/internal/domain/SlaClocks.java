package io.contactcenter.tickets.internal.domain;

import io.contactcenter.tickets.SlaClock;
import io.contactcenter.tickets.SlaMetric;
import io.contactcenter.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes a ticket's SLA clocks from its history alone, so a policy change, a pause or a reopen
 * always gives the answer the whole history implies. Rules:
 *
 * <ul>
 *   <li>Time counts only in the calendar's business hours, and not while the ticket is {@code
 *       PENDING_CUSTOMER}, {@code SOLVED} or {@code CLOSED} (pending a third party does count: it
 *       is our promise).
 *   <li>First response runs from opening until the first {@code REPLY} by an agent; notes and bot
 *       replies do not stop it.
 *   <li>Next response starts anew at each customer message after the first reply and stops at the
 *       next agent reply; each such wait is a cycle of its own.
 *   <li>Resolution runs from opening until solved; a reopen resumes it with the time already
 *       counted.
 * </ul>
 *
 * Pure: the same history, policy, calendar and {@code now} always give the same clocks.
 */
public final class SlaClocks {

  private SlaClocks() {}

  /**
   * One clock's state plus what the sweep needs.
   *
   * @param cycleStart when the current cycle of this clock began (the key for alerting once per
   *     cycle); null when it never started
   * @param warnAt when the warning is due (the moment only {@code warnBefore} business time is
   *     left), for a running clock; null otherwise
   */
  public record Computed(SlaClock clock, Instant cycleStart, Instant warnAt) {}

  /** The three clocks, in {@link SlaMetric} order. */
  public static List<Computed> compute(
      List<SlaFact> history, SlaPolicy policy, BusinessCalendar calendar, Instant now) {
    List<SlaFact> facts = new ArrayList<>(history);
    // Stable: entries at the same instant keep their order in the history.
    facts.sort(Comparator.comparing(SlaFact::at));
    Map<SlaMetric, Meter> meters = new EnumMap<>(SlaMetric.class);
    for (SlaMetric metric : SlaMetric.values()) {
      meters.put(metric, new Meter(policy.target(metric), calendar));
    }
    Meter first = meters.get(SlaMetric.FIRST_RESPONSE);
    Meter next = meters.get(SlaMetric.NEXT_RESPONSE);
    Meter resolution = meters.get(SlaMetric.RESOLUTION);
    TicketStatus status = null;
    boolean replied = false;
    for (SlaFact fact : facts) {
      if (fact.at().isAfter(now)) {
        break;
      }
      meters.values().forEach(m -> m.advance(fact.at()));
      switch (fact.kind()) {
        case OPENED -> {
          status = TicketStatus.NEW;
          first.start(fact.at());
          resolution.start(fact.at());
        }
        case REPLY -> {
          if (!replied) {
            replied = true;
            first.stop(fact.at());
          }
          next.stop(fact.at());
        }
        case CUSTOMER_MESSAGE -> {
          if (replied && !next.isWaiting()) {
            next.start(fact.at());
          }
        }
        case STATUS_CHANGED -> {
          if (status != null && !status.isActive() && fact.status().isActive()) {
            resolution.resume();
          }
          status = fact.status();
          if (status == TicketStatus.SOLVED || status == TicketStatus.CLOSED) {
            resolution.stop(fact.at());
          }
        }
        case BOT_REPLY,
            NOTE,
            ASSIGNED,
            PRIORITY_CHANGED,
            SLA_WARNED,
            SLA_BREACHED,
            FIELDS_CHANGED,
            TAGS_CHANGED -> {
          // Count for nothing: a bot or an internal note is not a response.
        }
      }
      boolean counting =
          status != null && status.isActive() && status != TicketStatus.PENDING_CUSTOMER;
      for (Meter m : meters.values()) {
        m.setCounting(counting, fact.at());
      }
    }
    meters.values().forEach(m -> m.advance(now));
    List<Computed> out = new ArrayList<>();
    for (SlaMetric metric : SlaMetric.values()) {
      out.add(meters.get(metric).result(metric, now, policy.warnBefore()));
    }
    return List.copyOf(out);
  }

  /** The earliest breach among running clocks, if any runs. */
  public static Optional<Instant> nextDue(List<Computed> clocks) {
    return clocks.stream()
        .filter(c -> c.clock().state() == SlaClock.State.RUNNING)
        .map(c -> c.clock().dueAt())
        .min(Comparator.naturalOrder());
  }

  /** One clock: business time counted over the running spans of its current cycle. */
  private static final class Meter {

    private final Duration target;
    private final BusinessCalendar calendar;
    private boolean started;
    private boolean stopped;
    private Instant cycleStart;
    private Duration elapsed = Duration.ZERO;

    /** Set while the ticket's status lets time count and the clock is started and not stopped. */
    private Instant countingSince;

    private boolean statusCounts;
    private Instant breachedAt;

    Meter(Duration target, BusinessCalendar calendar) {
      this.target = target;
      this.calendar = calendar;
    }

    boolean isWaiting() {
      return started && !stopped;
    }

    void start(Instant at) {
      started = true;
      stopped = false;
      cycleStart = at;
      elapsed = Duration.ZERO;
      breachedAt = null;
      countingSince = statusCounts ? at : null;
    }

    /** Continues a stopped clock with the time it had (a reopen). */
    void resume() {
      if (started) {
        stopped = false;
      }
    }

    void stop(Instant at) {
      if (isWaiting()) {
        advance(at);
        stopped = true;
        countingSince = null;
      }
    }

    void setCounting(boolean counts, Instant at) {
      statusCounts = counts;
      if (counts && isWaiting()) {
        if (countingSince == null) {
          countingSince = at;
        }
      } else {
        countingSince = null;
      }
    }

    /** Adds the business time from {@code countingSince} to {@code to}. */
    void advance(Instant to) {
      if (countingSince == null || !to.isAfter(countingSince)) {
        return;
      }
      Duration span = calendar.between(countingSince, to);
      if (breachedAt == null && elapsed.plus(span).compareTo(target) >= 0) {
        breachedAt = calendar.plus(countingSince, target.minus(elapsed));
      }
      elapsed = elapsed.plus(span);
      countingSince = to;
    }

    Computed result(SlaMetric metric, Instant now, Duration warnBefore) {
      if (!started) {
        return new Computed(
            new SlaClock(metric, SlaClock.State.INACTIVE, target, Duration.ZERO, null, null),
            null,
            null);
      }
      boolean running = isWaiting() && countingSince != null;
      SlaClock.State state;
      Instant dueAt = null;
      Instant warnAt = null;
      if (breachedAt != null) {
        state = SlaClock.State.BREACHED;
        if (running) {
          dueAt = breachedAt;
          warnAt = breachedAt;
        }
      } else if (stopped) {
        state = SlaClock.State.MET;
      } else if (running) {
        state = SlaClock.State.RUNNING;
        Duration left = target.minus(elapsed);
        dueAt = calendar.plus(now, left);
        warnAt = left.compareTo(warnBefore) <= 0 ? now : calendar.plus(now, left.minus(warnBefore));
      } else {
        state = SlaClock.State.PAUSED;
      }
      return new Computed(
          new SlaClock(metric, state, target, elapsed, dueAt, breachedAt), cycleStart, warnAt);
    }
  }
}

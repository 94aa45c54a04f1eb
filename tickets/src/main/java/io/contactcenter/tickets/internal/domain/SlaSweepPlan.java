package io.contactcenter.tickets.internal.domain;

import io.contactcenter.tickets.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What the SLA sweep decides without the database: which alerts a ticket's clocks call for now,
 * when the sweep must next look at the ticket, and how long one run keeps taking batches. Pure.
 */
public final class SlaSweepPlan {

  private SlaSweepPlan() {}

  /** An alert due now and the clock it is for. */
  public record Due(SlaClocks.Computed clock, SlaAlert alert) {}

  /**
   * The alerts due at {@code now} that are not in {@code sent}, in clock order: the breach of a
   * breached clock, the warning of a running clock whose warning time has come.
   */
  public static List<Due> due(List<SlaClocks.Computed> clocks, Set<SlaAlert> sent, Instant now) {
    List<Due> due = new ArrayList<>();
    for (SlaClocks.Computed c : clocks) {
      SlaClock sc = c.clock();
      if (sc.dueAt() == null) {
        continue; // not running: nothing can fall due until the history changes
      }
      if (sc.state() == SlaClock.State.BREACHED) {
        SlaAlert breach = new SlaAlert(sc.metric(), c.cycleStart(), SlaAlert.Kind.BREACH);
        if (!sent.contains(breach)) {
          due.add(new Due(c, breach));
        }
      } else if (sc.state() == SlaClock.State.RUNNING && !c.warnAt().isAfter(now)) {
        SlaAlert warn = new SlaAlert(sc.metric(), c.cycleStart(), SlaAlert.Kind.WARN);
        if (!sent.contains(warn)) {
          due.add(new Due(c, warn));
        }
      }
    }
    return List.copyOf(due);
  }

  /**
   * When the sweep must next look at the ticket: the earliest warning or breach not yet in {@code
   * sent}; null when none can fall due until the history changes.
   */
  public static Instant nextCheck(List<SlaClocks.Computed> clocks, Set<SlaAlert> sent) {
    Instant check = null;
    for (SlaClocks.Computed c : clocks) {
      Instant due = nextAlert(c, sent);
      if (due != null && (check == null || due.isBefore(check))) {
        check = due;
      }
    }
    return check;
  }

  /** When this clock next needs the sweep: its warning or its breach, whichever is unsent. */
  private static Instant nextAlert(SlaClocks.Computed c, Set<SlaAlert> sent) {
    SlaClock clock = c.clock();
    if (clock.dueAt() == null) {
      return null;
    }
    if (clock.state() == SlaClock.State.RUNNING
        && !sent.contains(new SlaAlert(clock.metric(), c.cycleStart(), SlaAlert.Kind.WARN))) {
      return c.warnAt();
    }
    if (!sent.contains(new SlaAlert(clock.metric(), c.cycleStart(), SlaAlert.Kind.BREACH))) {
      return clock.dueAt();
    }
    return null;
  }

  /**
   * Takes batches until one comes back short of {@code batchSize} (nothing more is due) or {@code
   * budget} has passed since the first began, so that a backlog (every open ticket after a restart)
   * is worked off in one run without one run holding the sweep thread for ever. At least one batch
   * is taken.
   *
   * @param batch takes one batch and returns how many tickets it took
   * @param nanoTime the clock the budget is measured with ({@link System#nanoTime()})
   * @return the tickets taken in all
   */
  public static int drain(
      IntSupplier batch, int batchSize, Duration budget, LongSupplier nanoTime) {
    long start = nanoTime.getAsLong();
    long limit = budget.toNanos();
    int total = 0;
    while (true) {
      int taken = batch.getAsInt();
      total += taken;
      if (taken < batchSize || nanoTime.getAsLong() - start >= limit) {
        return total;
      }
    }
  }
}

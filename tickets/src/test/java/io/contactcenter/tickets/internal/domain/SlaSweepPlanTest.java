package io.contactcenter.tickets.internal.domain;

import static io.contactcenter.tickets.EntryKind.OPENED;
import static io.contactcenter.tickets.EntryKind.REPLY;
import static io.contactcenter.tickets.internal.domain.BusinessCalendarTest.OFFICE;
import static io.contactcenter.tickets.internal.domain.BusinessCalendarTest.sh;
import static io.contactcenter.tickets.internal.domain.SlaClocksTest.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.tickets.SlaMetric;
import io.contactcenter.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The SLA sweep's decisions without a database: which alerts are due, when a ticket must next be
 * looked at, and how a run takes batch after batch within its time budget.
 */
class SlaSweepPlanTest {

  private static List<SlaClocks.Computed> clocks(List<SlaFact> facts, String now) {
    return SlaClocks.compute(facts, POLICY, OFFICE, sh(now));
  }

  private static final List<SlaFact> OPENED_AT_TEN =
      List.of(SlaFact.of(OPENED, sh("2026-12-03T10:00")));

  private static SlaAlert alert(SlaMetric metric, String cycle, SlaAlert.Kind kind) {
    return new SlaAlert(metric, sh(cycle), kind);
  }

  @Test
  void aFreshTicketNeedsNothingNowAndIsNextLookedAtForItsFirstResponseWarning() {
    List<SlaClocks.Computed> c = clocks(OPENED_AT_TEN, "2026-12-03T10:05");

    assertThat(SlaSweepPlan.due(c, Set.of(), sh("2026-12-03T10:05"))).isEmpty();
    // First response 1 h, warning 15 min before: 10:45.
    assertThat(SlaSweepPlan.nextCheck(c, Set.of())).isEqualTo(sh("2026-12-03T10:45"));
  }

  @Test
  void theWarningIsDueAtItsTimeAndOnceSentTheBreachIsNext() {
    List<SlaClocks.Computed> c = clocks(OPENED_AT_TEN, "2026-12-03T10:46");

    List<SlaSweepPlan.Due> due = SlaSweepPlan.due(c, Set.of(), sh("2026-12-03T10:46"));
    SlaAlert warn = alert(SlaMetric.FIRST_RESPONSE, "2026-12-03T10:00", SlaAlert.Kind.WARN);
    assertThat(due).extracting(SlaSweepPlan.Due::alert).containsExactly(warn);

    assertThat(SlaSweepPlan.due(c, Set.of(warn), sh("2026-12-03T10:46"))).isEmpty();
    assertThat(SlaSweepPlan.nextCheck(c, Set.of(warn))).isEqualTo(sh("2026-12-03T11:00"));
  }

  @Test
  void aBreachIsDueOnceAndAfterItTheTicketWaitsForTheResolutionClock() {
    List<SlaClocks.Computed> c = clocks(OPENED_AT_TEN, "2026-12-03T11:01");
    SlaAlert warn = alert(SlaMetric.FIRST_RESPONSE, "2026-12-03T10:00", SlaAlert.Kind.WARN);
    SlaAlert breach = alert(SlaMetric.FIRST_RESPONSE, "2026-12-03T10:00", SlaAlert.Kind.BREACH);

    assertThat(SlaSweepPlan.due(c, Set.of(warn), sh("2026-12-03T11:01")))
        .extracting(SlaSweepPlan.Due::alert)
        .containsExactly(breach);
    assertThat(SlaSweepPlan.due(c, Set.of(warn, breach), sh("2026-12-03T11:01"))).isEmpty();
    // First response done with; the resolution clock (still running) is what comes next.
    Instant next = SlaSweepPlan.nextCheck(c, Set.of(warn, breach));
    assertThat(next).isEqualTo(c.get(SlaMetric.RESOLUTION.ordinal()).warnAt());
  }

  @Test
  void stoppedAndPausedClocksCallForNothing() {
    List<SlaFact> facts = new ArrayList<>(OPENED_AT_TEN);
    facts.add(SlaFact.of(REPLY, sh("2026-12-03T10:10")));
    facts.add(SlaFact.status(TicketStatus.PENDING_CUSTOMER, sh("2026-12-03T10:11")));
    List<SlaClocks.Computed> c = clocks(facts, "2026-12-05T10:00");

    assertThat(SlaSweepPlan.due(c, Set.of(), sh("2026-12-05T10:00"))).isEmpty();
    assertThat(SlaSweepPlan.nextCheck(c, Set.of())).isNull();
  }

  @Test
  void aRunTakesBatchesWhileFullOnesComeBack() {
    List<Integer> sizes = new ArrayList<>(List.of(500, 500, 500, 120, 500));
    List<Integer> taken = new ArrayList<>();
    int total =
        SlaSweepPlan.drain(
            () -> {
              int n = sizes.remove(0);
              taken.add(n);
              return n;
            },
            500,
            Duration.ofSeconds(10),
            () -> 0L);

    assertThat(taken).containsExactly(500, 500, 500, 120);
    assertThat(total).isEqualTo(1620);
  }

  @Test
  void aRunStopsWhenItsTimeBudgetIsSpentEvenWithMoreDue() {
    AtomicLong nanos = new AtomicLong();
    int[] batches = {0};
    int total =
        SlaSweepPlan.drain(
            () -> {
              batches[0]++;
              nanos.addAndGet(Duration.ofMillis(400).toNanos()); // each full batch takes 0.4 s
              return 500;
            },
            500,
            Duration.ofSeconds(1),
            nanos::get);

    // 0.4 s, 0.8 s, 1.2 s: the third batch ends past the budget and the run stops there.
    assertThat(batches[0]).isEqualTo(3);
    assertThat(total).isEqualTo(1500);
  }

  @Test
  void anEmptyOrShortFirstBatchEndsTheRunAtOnce() {
    int[] batches = {0};
    assertThat(
            SlaSweepPlan.drain(
                () -> {
                  batches[0]++;
                  return 0;
                },
                500,
                Duration.ofSeconds(10),
                () -> 0L))
        .isZero();
    assertThat(batches[0]).isEqualTo(1);
  }
}

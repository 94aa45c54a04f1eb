package io.contactcenter.campaigns.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.campaigns.internal.domain.PacingBudget.Grant;
import io.contactcenter.campaigns.internal.domain.PacingBudget.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PacingBudgetPropertyTest {

  private static final int TRIES = 200;
  private static final Instant T0 = Instant.parse("2026-06-10T02:00:00Z");

  /** One dispatcher tick: time passed since the last, calls wanting to start, calls that ended. */
  record Tick(Duration elapsed, int wanted, int ended) {}

  @Provide
  Arbitrary<PacingBudget> budgets() {
    return Combinators.combine(
            Arbitraries.longs().between(1, 2_000).map(Duration::ofMillis),
            Arbitraries.integers().between(1, 10),
            Arbitraries.integers().between(1, 20))
        .as(PacingBudget::new);
  }

  @Provide
  Arbitrary<List<Tick>> ticks() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 3_000).map(Duration::ofMillis),
            Arbitraries.integers().between(0, 15),
            Arbitraries.integers().between(0, 5))
        .as(Tick::new)
        .list()
        .ofMaxSize(80);
  }

  @Property(tries = TRIES)
  void neverMoreCallsThanTheRateAndConcurrencyAllow(
      @ForAll("budgets") PacingBudget budget, @ForAll("ticks") List<Tick> ticks) {
    Instant now = T0;
    Tokens tokens = budget.full(now);
    Deque<Instant> inFlight = new ArrayDeque<>();
    List<Instant> starts = new ArrayList<>();

    for (Tick tick : ticks) {
      now = now.plus(tick.elapsed());
      for (int i = 0; i < tick.ended() && !inFlight.isEmpty(); i++) {
        inFlight.removeFirst();
      }
      Grant grant = budget.grant(tick.wanted(), inFlight.size(), tokens, now);

      assertThat(grant.permits()).isBetween(0, tick.wanted());
      assertThat(grant.tokens().available()).isBetween(0, budget.burst());
      assertThat(grant.nextTokenAt()).isAfterOrEqualTo(now);
      for (int i = 0; i < grant.permits(); i++) {
        inFlight.addLast(now);
        starts.add(now);
      }
      assertThat(inFlight.size()).isLessThanOrEqualTo(budget.maxConcurrent());
      tokens = grant.tokens();
    }

    // Over any span [starts[i], starts[j]]: at most burst + floor(span / interval) starts.
    for (int i = 0; i < starts.size(); i++) {
      for (int j = i; j < starts.size(); j++) {
        long span = Duration.between(starts.get(i), starts.get(j)).dividedBy(budget.interval());
        assertThat((long) (j - i + 1)).isLessThanOrEqualTo(budget.burst() + span);
      }
    }
  }
}

package io.contactcenter.campaigns.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.campaigns.internal.domain.PacingBudget.Grant;
import io.contactcenter.campaigns.internal.domain.PacingBudget.Limit;
import io.contactcenter.campaigns.internal.domain.PacingBudget.Tokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacingBudgetTest {

  private static final Instant T0 = Instant.parse("2026-06-10T02:00:00Z");

  @Test
  void callsPerSecondBecomeAnIntervalAndABurst() {
    assertThat(PacingBudget.of(30, 30))
        .isEqualTo(new PacingBudget(Duration.ofNanos(33_333_333), 30, 30));
    assertThat(PacingBudget.of(0.5, 5)).isEqualTo(new PacingBudget(Duration.ofSeconds(2), 1, 5));
    assertThat(PacingBudget.of(2.5, 5)).isEqualTo(new PacingBudget(Duration.ofMillis(400), 2, 5));
  }

  @Test
  void aFullBucketGrantsUpToTheBurst() {
    PacingBudget budget = PacingBudget.of(10, 100);

    Grant grant = budget.grant(25, 0, budget.full(T0), T0);

    assertThat(grant.permits()).isEqualTo(10);
    assertThat(grant.limitedBy()).isEqualTo(Limit.RATE);
    assertThat(grant.tokens()).isEqualTo(new Tokens(0, T0));
    assertThat(grant.nextTokenAt()).isEqualTo(T0.plusMillis(100));
  }

  @Test
  void grantsWhatIsWantedWhenThereIsRoom() {
    PacingBudget budget = PacingBudget.of(10, 100);

    Grant grant = budget.grant(4, 0, budget.full(T0), T0);

    assertThat(grant.permits()).isEqualTo(4);
    assertThat(grant.limitedBy()).isEqualTo(Limit.NONE);
    assertThat(grant.tokens().available()).isEqualTo(6);
    assertThat(grant.nextTokenAt()).isEqualTo(T0);
  }

  @Test
  void callsInFlightCapTheGrant() {
    PacingBudget budget = PacingBudget.of(10, 30);

    Grant grant = budget.grant(5, 28, budget.full(T0), T0);

    assertThat(grant.permits()).isEqualTo(2);
    assertThat(grant.limitedBy()).isEqualTo(Limit.CONCURRENCY);
    assertThat(grant.tokens().available()).isEqualTo(8);
    assertThat(budget.grant(5, 31, grant.tokens(), T0).permits()).isZero();
  }

  @Test
  void tokensAccrueInWholeUnitsKeepingTheRemainder() {
    PacingBudget budget = new PacingBudget(Duration.ofSeconds(1), 5, 10);
    Tokens empty = new Tokens(0, T0);

    Tokens later = budget.refill(empty, T0.plusMillis(1500));
    assertThat(later).isEqualTo(new Tokens(1, T0.plusSeconds(1)));

    // The half second already earned counts towards the next token.
    assertThat(budget.refill(later, T0.plusSeconds(2))).isEqualTo(new Tokens(2, T0.plusSeconds(2)));
    assertThat(budget.refill(empty, T0.plusMillis(999))).isEqualTo(empty);
  }

  @Test
  void aFullBucketEarnsNothingMore() {
    PacingBudget budget = new PacingBudget(Duration.ofSeconds(1), 5, 10);

    Tokens full = budget.refill(new Tokens(3, T0), T0.plusSeconds(60));

    assertThat(full).isEqualTo(new Tokens(5, T0.plusSeconds(60)));
    assertThat(budget.grant(10, 0, full, T0.plusSeconds(60)).permits()).isEqualTo(5);
  }

  @Test
  void aClockBehindTheStoredStateAddsNothing() {
    PacingBudget budget = new PacingBudget(Duration.ofSeconds(1), 5, 10);
    Tokens stored = new Tokens(2, T0);

    assertThat(budget.refill(stored, T0.minusSeconds(30))).isEqualTo(stored);
    assertThat(budget.grant(5, 0, stored, T0.minusSeconds(30)).permits()).isEqualTo(2);
  }

  @Test
  void aSmallerBurstCapsStoredTokens() {
    PacingBudget budget = new PacingBudget(Duration.ofSeconds(1), 2, 10);

    assertThat(budget.grant(10, 0, new Tokens(9, T0), T0).permits()).isEqualTo(2);
  }

  @Test
  void rejectsBadConfigurationAndInput() {
    assertThatThrownBy(() -> PacingBudget.of(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxCallsPerSecond must be positive");
    assertThatThrownBy(() -> PacingBudget.of(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PacingBudget.of(1, 0))
        .hasMessageContaining("maxConcurrent must be at least 1");
    assertThatThrownBy(() -> PacingBudget.of(1, 1).grant(-1, 0, new Tokens(0, T0), T0))
        .hasMessageContaining("wanted must not be negative");
    assertThatThrownBy(() -> new Tokens(-1, T0))
        .hasMessageContaining("available must not be negative");
  }
}

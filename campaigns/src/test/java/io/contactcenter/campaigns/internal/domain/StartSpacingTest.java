package io.contactcenter.campaigns.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartSpacingTest {

  private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

  @Test
  void startsOnTimeKeepTheirSlots() {
    StartSpacing spacing = new StartSpacing();
    for (int i = 0; i < 90; i++) {
      Instant slot = T0.plusNanos(i * 33_333_334L);
      Instant at = spacing.startAt("c1", slot, 30, 30);
      assertThat(at).isEqualTo(slot);
      spacing.started("c1", at);
    }
  }

  @Test
  void lateStartsNeverExceedTheRateInAnySecondYetTheLoopCatchesUp() {
    StartSpacing spacing = new StartSpacing();
    // The loop gets the CPU back 2 s late, once: 60 slots of a 30/s campaign are in the past.
    Instant resumed = T0.plusSeconds(2);
    List<Instant> starts = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      Instant slot = T0.plusNanos(i * 33_333_334L);
      Instant at = spacing.startAt("c1", slot, 30, 100);
      Instant start = at.isBefore(resumed) ? resumed : at; // waits until then, or starts now
      starts.add(start);
      spacing.started("c1", start);
    }
    for (int i = 30; i < starts.size(); i++) {
      // The 31st start after any start is at least a second after it: ≤ 30 in any second.
      assertThat(Duration.between(starts.get(i - 30), starts.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
    // Caught up: the 150 calls (5 s of slots) are done within the late 2 s plus 5 s of the rate.
    assertThat(starts.get(149)).isBefore(T0.plusSeconds(7).plusMillis(1));
  }

  @Test
  void theTrunkLimitHoldsAcrossCampaigns() {
    StartSpacing spacing = new StartSpacing();
    for (int i = 0; i < 20; i++) {
      spacing.started(i % 2 == 0 ? "a" : "b", T0.plusMillis(i));
    }
    // Campaign c has no start of its own, but the trunk's 20/s are used up until T0 + 1 s.
    assertThat(spacing.startAt("c", T0.plusMillis(20), 100, 20)).isEqualTo(T0.plusSeconds(1));
    // Campaign a (10 of its own in that second) at its own 10/s waits as long.
    assertThat(spacing.startAt("a", T0.plusMillis(20), 10, 1000)).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void aRateBelowOnePerSecondAllowsOneCallPerInterval() {
    StartSpacing spacing = new StartSpacing();
    spacing.started("slow", T0);
    assertThat(spacing.startAt("slow", T0, 0.5, 30)).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void aRateOfZeroIsRefusedByName() {
    StartSpacing spacing = new StartSpacing();
    spacing.started("c", T0);
    assertThatThrownBy(() -> spacing.startAt("c", T0, 0, 30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above zero");
  }
}

package io.contactcenter.routing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitEstimateTest {

  private static final Duration HANDLE = Duration.ofMinutes(3);

  @Test
  void theNextCallerWaitsOnlyForAFreeAgentAndIsToldAboutAMinute() {
    Duration wait = WaitEstimate.of(1, 2, HANDLE);
    assertThat(wait).isZero();
    assertThat(WaitEstimate.minutesToSay(wait)).isEqualTo(1);
  }

  @Test
  void callersAheadAreSharedAmongTheQueuesAgents() {
    assertThat(WaitEstimate.of(2, 1, HANDLE)).isEqualTo(Duration.ofMinutes(3));
    assertThat(WaitEstimate.of(5, 2, HANDLE)).isEqualTo(Duration.ofMinutes(6));
    assertThat(WaitEstimate.of(6, 2, HANDLE)).isEqualTo(Duration.ofMinutes(9));
  }

  @Test
  void noAgentLoggedInCountsAsOne() {
    assertThat(WaitEstimate.of(3, 0, HANDLE)).isEqualTo(Duration.ofMinutes(6));
  }

  @Test
  void minutesAreRoundedUp() {
    assertThat(WaitEstimate.minutesToSay(Duration.ofSeconds(61))).isEqualTo(2);
    assertThat(WaitEstimate.minutesToSay(Duration.ofSeconds(120))).isEqualTo(2);
  }

  @Test
  void aPositionStartsAtOne() {
    assertThatThrownBy(() -> WaitEstimate.of(0, 1, HANDLE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

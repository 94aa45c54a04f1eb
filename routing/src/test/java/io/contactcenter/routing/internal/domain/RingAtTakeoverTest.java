package io.contactcenter.routing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.routing.internal.domain.RingAtTakeover.Outcome;
import org.junit.jupiter.api.Test;

/** What a new routing leader does with a call whose agent's phone the last one rang (ADR 0043). */
class RingAtTakeoverTest {

  @Test
  void aPhoneStillRingingIsStoppedAndTheCallWaitsAgain() {
    assertThat(RingAtTakeover.decide(true, true, false))
        .isEqualTo(new RingAtTakeover(Outcome.WAITS_AGAIN, true));
  }

  @Test
  void aPhoneThatAnsweredKeepsTheCallAndIsNotHungUp() {
    // Hanging up a leg bridged with the caller would end the caller's call too.
    assertThat(RingAtTakeover.decide(true, true, true))
        .isEqualTo(new RingAtTakeover(Outcome.ANSWERED, false));
  }

  @Test
  void aRingThatIsOverLeavesTheCallWaitingWithNothingToStop() {
    assertThat(RingAtTakeover.decide(true, false, false))
        .isEqualTo(new RingAtTakeover(Outcome.WAITS_AGAIN, false));
  }

  @Test
  void aCallerWhoLeftIsAbandonedAndAPhoneStillUpForThemIsHungUp() {
    assertThat(RingAtTakeover.decide(false, true, false))
        .isEqualTo(new RingAtTakeover(Outcome.CALLER_LEFT, true));
    assertThat(RingAtTakeover.decide(false, true, true))
        .isEqualTo(new RingAtTakeover(Outcome.CALLER_LEFT, true));
    assertThat(RingAtTakeover.decide(false, false, false))
        .isEqualTo(new RingAtTakeover(Outcome.CALLER_LEFT, false));
  }

  @Test
  void aRingCannotBeAnsweredWithoutItsLeg() {
    assertThatThrownBy(() -> RingAtTakeover.decide(true, false, true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FramePacerTest {

  private static final long MS = 1_000_000L;

  private final FramePacer pacer = new FramePacer(60 * MS);

  @Test
  void theFirstFrameLeavesAtOnceAndEachNextOneTwentyMillisecondsAfterItsPredecessor() {
    assertThat(pacer.delayBeforeNext(1_000 * MS)).isZero();
    pacer.frameSent();
    // The send itself took 3 ms: the wait shortens so the schedule does not drift.
    assertThat(pacer.delayBeforeNext(1_003 * MS)).isEqualTo(17 * MS);
    pacer.frameSent();
    assertThat(pacer.delayBeforeNext(1_020 * MS)).isEqualTo(20 * MS);
  }

  @Test
  void aSenderSlightlyLateCatchesUpWithoutWaiting() {
    pacer.delayBeforeNext(0);
    pacer.frameSent();
    // Woke 30 ms late for the frame due at 20 ms: send now, and the next one (due 40) too.
    assertThat(pacer.delayBeforeNext(50 * MS)).isZero();
    pacer.frameSent();
    assertThat(pacer.delayBeforeNext(51 * MS)).isZero();
    pacer.frameSent();
    assertThat(pacer.delayBeforeNext(52 * MS)).isEqualTo(8 * MS);
  }

  @Test
  void afterALongPauseTheScheduleRestartsInsteadOfBurstingTheMissedFrames() {
    pacer.delayBeforeNext(0);
    pacer.frameSent();
    // Idle for 5 s, then a new prompt: one frame now, the next 20 ms later, not 250 at once.
    assertThat(pacer.delayBeforeNext(5_000 * MS)).isZero();
    pacer.frameSent();
    assertThat(pacer.delayBeforeNext(5_000 * MS)).isEqualTo(20 * MS);
  }
}

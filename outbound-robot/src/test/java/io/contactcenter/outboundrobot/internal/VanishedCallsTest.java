package io.contactcenter.outboundrobot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VanishedCallsTest {

  private final VanishedCalls vanished = new VanishedCalls(Duration.ofSeconds(5));
  private final Instant t0 = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void aCallGoneOnceIsNotGoneForGoodYet() {
    assertThat(vanished.goneForGood(List.of("a"), t0)).isEmpty();
    assertThat(vanished.goneForGood(List.of("a"), t0.plusSeconds(4))).isEmpty();
  }

  @Test
  void aCallStillGoneAfterTheConfirmationTimeIsGoneForGood() {
    vanished.goneForGood(List.of("a", "b"), t0);

    assertThat(vanished.goneForGood(List.of("a", "b", "c"), t0.plusSeconds(5)))
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void anAttemptNotMissingAnyMoreStartsAfreshWhenItIsMissedAgain() {
    vanished.goneForGood(List.of("a"), t0);
    // Its call was up in this pass (or it was settled elsewhere).
    vanished.goneForGood(List.of(), t0.plusSeconds(3));

    assertThat(vanished.goneForGood(List.of("a"), t0.plusSeconds(6))).isEmpty();
    assertThat(vanished.goneForGood(List.of("a"), t0.plusSeconds(11))).containsExactly("a");
  }
}

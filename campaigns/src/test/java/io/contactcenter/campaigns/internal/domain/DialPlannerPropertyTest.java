package io.contactcenter.campaigns.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.campaigns.internal.domain.PolicyArbitraries.Callee;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DialPlannerPropertyTest {

  private static final int TRIES = 200;

  private final CallWindowPolicy windows = new CallWindowPolicy();

  @Provide
  Arbitrary<CallWindow> windows() {
    return PolicyArbitraries.windows();
  }

  @Provide
  Arbitrary<Callee> callees() {
    return PolicyArbitraries.callees();
  }

  @Provide
  Arbitrary<Duration> callbackDelays() {
    return Arbitraries.longs().between(0, 3 * 24 * 60).map(Duration::ofMinutes);
  }

  @Property(tries = TRIES)
  void aDialTimeIsNoSoonerThanTheRetryAndInsideTheWindow(
      @ForAll("windows") CallWindow window,
      @ForAll("callees") Callee callee,
      @ForAll AttemptResult result,
      @ForAll @IntRange(min = 1, max = 4) int attempts,
      @ForAll @IntRange(min = 0, max = 3) int callbacks,
      @ForAll("callbackDelays") Duration callbackDelay,
      @ForAll @IntRange(min = 0, max = 10) int minRemainingMinutes) {
    ZoneId zone = callee.zone();
    Instant endedAt = callee.at();
    Duration minRemaining = Duration.ofMinutes(minRemainingMinutes);
    RetryPolicy retry = RetryPolicy.defaults();
    DialPlanner planner = new DialPlanner(retry, window, minRemaining);
    Instant callbackAt = endedAt.plus(callbackDelay);

    RetryDecision decision = retry.decide(result, attempts, callbacks, endedAt, callbackAt);
    Optional<Instant> dialAt =
        planner.nextDialTime(result, attempts, callbacks, endedAt, callbackAt, zone);

    switch (decision) {
      case RetryDecision.NoRetry noRetry -> assertThat(dialAt).isEmpty();
      case RetryDecision.RetryAt retryAt -> {
        assertThat(dialAt)
            .isEqualTo(windows.nextOpening(window, zone, retryAt.notBefore(), minRemaining));
        dialAt.ifPresent(
            t -> {
              assertThat(t).isAfterOrEqualTo(retryAt.notBefore()).isAfterOrEqualTo(endedAt);
              assertThat(windows.isOpen(window, zone, t, minRemaining)).isTrue();
            });
      }
    }
  }
}

package io.contactcenter.campaigns.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.campaigns.internal.domain.RetryDecision.NoRetry;
import io.contactcenter.campaigns.internal.domain.RetryDecision.RetryAt;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RetryPolicyPropertyTest {

  private static final int TRIES = 200;

  @Provide
  Arbitrary<RetryPolicy> policies() {
    Arbitrary<Map<AttemptResult, Duration>> spacing =
        Arbitraries.longs()
            .between(0, 24 * 60)
            .list()
            .ofSize(AttemptResult.values().length)
            .map(
                minutes -> {
                  Map<AttemptResult, Duration> map = new EnumMap<>(AttemptResult.class);
                  for (AttemptResult result : AttemptResult.values()) {
                    if (result != AttemptResult.FINAL) {
                      map.put(result, Duration.ofMinutes(minutes.get(result.ordinal())));
                    }
                  }
                  return map;
                });
    return Combinators.combine(
            Arbitraries.integers().between(1, 6), Arbitraries.integers().between(0, 3), spacing)
        .as(RetryPolicy::new);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return PolicyArbitraries.instants();
  }

  /** Callback offsets from the attempt's end, in minutes; null when no time was named. */
  @Provide
  Arbitrary<Long> callbackOffsets() {
    return Arbitraries.longs().between(-120, 3 * 24 * 60).injectNull(0.2);
  }

  @Property(tries = TRIES)
  void aRetryIsNeverSoonerThanTheSpacing(
      @ForAll("policies") RetryPolicy policy,
      @ForAll AttemptResult result,
      @ForAll @IntRange(min = 1, max = 8) int attempts,
      @ForAll @IntRange(min = 0, max = 4) int callbacks,
      @ForAll("instants") Instant endedAt,
      @ForAll("callbackOffsets") Long callbackOffset) {
    Instant callbackAt =
        callbackOffset == null ? null : endedAt.plus(Duration.ofMinutes(callbackOffset));

    RetryDecision decision = policy.decide(result, attempts, callbacks, endedAt, callbackAt);

    if (decision instanceof RetryAt retry) {
      assertThat(result).isNotEqualTo(AttemptResult.FINAL);
      if (result == AttemptResult.CALLBACK_REQUESTED
          && callbackAt != null
          && !callbackAt.isBefore(endedAt)) {
        assertThat(retry.notBefore()).isEqualTo(callbackAt);
      } else {
        assertThat(retry.notBefore()).isEqualTo(endedAt.plus(policy.spacingAfter(result)));
      }
    }
  }

  /**
   * A contact's whole life: dial, decide, dial again when told, until the policy says stop or the
   * generated outcomes run out.
   */
  @Property(tries = TRIES)
  void attemptsNeverExceedTheMaximum(
      @ForAll("policies") RetryPolicy policy,
      @ForAll @Size(min = 1, max = 15) List<AttemptResult> outcomes,
      @ForAll("instants") Instant firstDial) {
    int attempts = 0;
    int callbacks = 0;
    int ordinaryRetries = 0;
    Instant now = firstDial;
    for (AttemptResult outcome : outcomes) {
      attempts++;
      Instant endedAt = now.plus(Duration.ofMinutes(2));
      RetryDecision decision =
          policy.decide(outcome, attempts, callbacks, endedAt, endedAt.plus(Duration.ofHours(1)));
      if (decision instanceof NoRetry) {
        break;
      }
      if (outcome == AttemptResult.CALLBACK_REQUESTED) {
        callbacks++;
      } else {
        ordinaryRetries++;
        assertThat(attempts).isLessThan(policy.maxAttempts());
      }
      now = ((RetryAt) decision).notBefore();
    }

    assertThat(callbacks).isLessThanOrEqualTo(policy.maxCallbacks());
    assertThat(ordinaryRetries).isLessThan(policy.maxAttempts());
    assertThat(attempts).isLessThanOrEqualTo(policy.maxAttempts() + policy.maxCallbacks());
  }

  @Property(tries = TRIES)
  void aFinalOutcomeIsNeverRetried(
      @ForAll("policies") RetryPolicy policy,
      @ForAll @IntRange(min = 1, max = 8) int attempts,
      @ForAll @IntRange(min = 0, max = 4) int callbacks,
      @ForAll("instants") Instant endedAt) {
    assertThat(policy.decide(AttemptResult.FINAL, attempts, callbacks, endedAt, endedAt))
        .isInstanceOf(NoRetry.class);
  }
}

package io.contactcenter.campaigns.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.campaigns.internal.domain.RetryDecision.NoRetry;
import io.contactcenter.campaigns.internal.domain.RetryDecision.RetryAt;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RetryPolicyTest {

  private static final Instant ENDED = Instant.parse("2026-06-10T02:00:00Z");

  private final RetryPolicy policy = RetryPolicy.defaults();

  @ParameterizedTest(name = "{0} waits {1}")
  @CsvSource({
    "NO_ANSWER, PT2H",
    "BUSY, PT15M",
    "FAILED, PT30M",
    "VOICEMAIL, PT4H",
    "HUNG_UP, PT1H",
    "NO_RESPONSE, PT2H",
    "CALLBACK_REQUESTED, PT1H"
  })
  void defaultSpacing(AttemptResult result, Duration spacing) {
    assertThat(policy.spacingAfter(result)).isEqualTo(spacing);
    assertThat(policy.maxAttempts()).isEqualTo(3);
    assertThat(policy.maxCallbacks()).isEqualTo(2);
  }

  @Test
  void retriesAfterTheSpacingWhileAttemptsRemain() {
    RetryDecision decision = policy.decide(AttemptResult.BUSY, 2, 0, ENDED, null);

    assertThat(decision)
        .isEqualTo(
            new RetryAt(
                ENDED.plus(Duration.ofMinutes(15)), "BUSY: retry after PT15M (attempt 3 of 3)"));
  }

  @Test
  void stopsWhenTheAttemptsAreUsedUp() {
    assertThat(policy.decide(AttemptResult.NO_ANSWER, 3, 0, ENDED, null))
        .isEqualTo(new NoRetry("NO_ANSWER: 3 of 3 attempts made"));
  }

  @Test
  void neverRetriesAFinalOutcome() {
    assertThat(policy.decide(AttemptResult.FINAL, 1, 0, ENDED, null)).isInstanceOf(NoRetry.class);
  }

  @Test
  void callsBackAtTheNamedTimeEvenWhenTheAttemptsAreUsedUp() {
    Instant named = ENDED.plus(Duration.ofDays(1));

    RetryDecision decision = policy.decide(AttemptResult.CALLBACK_REQUESTED, 3, 1, ENDED, named);

    assertThat(decision)
        .isEqualTo(new RetryAt(named, "CALLBACK_REQUESTED: at the time named (callback 2 of 2)"));
  }

  @Test
  void aCallbackSoonerThanTheSpacingIsStillHonoured() {
    Instant named = ENDED.plus(Duration.ofMinutes(5));

    assertThat(policy.decide(AttemptResult.CALLBACK_REQUESTED, 1, 0, ENDED, named))
        .extracting(d -> ((RetryAt) d).notBefore())
        .isEqualTo(named);
  }

  @Test
  void aCallbackBeyondTheLimitEndsTheContact() {
    assertThat(
            policy.decide(
                AttemptResult.CALLBACK_REQUESTED, 4, 2, ENDED, ENDED.plus(Duration.ofHours(1))))
        .isEqualTo(new NoRetry("CALLBACK_REQUESTED: 2 callbacks already honoured, the limit"));
  }

  @Test
  void aCallbackWithoutAUsableTimeWaitsTheCallbackSpacing() {
    assertThat(policy.decide(AttemptResult.CALLBACK_REQUESTED, 1, 0, ENDED, null))
        .extracting(d -> ((RetryAt) d).notBefore())
        .isEqualTo(ENDED.plus(Duration.ofHours(1)));

    RetryDecision past =
        policy.decide(
            AttemptResult.CALLBACK_REQUESTED, 1, 0, ENDED, ENDED.minus(Duration.ofMinutes(1)));
    assertThat(past).isInstanceOf(RetryAt.class);
    assertThat(((RetryAt) past).notBefore()).isEqualTo(ENDED.plus(Duration.ofHours(1)));
    assertThat(past.reason()).contains("has passed");
  }

  @Test
  void aCallbackDialThatGoesUnansweredAfterTheAttemptsIsNotRetried() {
    assertThat(policy.decide(AttemptResult.NO_ANSWER, 4, 1, ENDED, null))
        .isInstanceOf(NoRetry.class);
  }

  @Test
  void callbackTimesAreIgnoredForOtherResults() {
    assertThat(
            policy.decide(AttemptResult.NO_ANSWER, 1, 0, ENDED, ENDED.plus(Duration.ofMinutes(5))))
        .extracting(d -> ((RetryAt) d).notBefore())
        .isEqualTo(ENDED.plus(Duration.ofHours(2)));
  }

  @Test
  void rejectsCountsThatCannotBe() {
    assertThatThrownBy(() -> policy.decide(AttemptResult.BUSY, 0, 0, ENDED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> policy.decide(AttemptResult.BUSY, 1, -1, ENDED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("callbacksSoFar must not be negative");
  }

  @ParameterizedTest
  @EnumSource(value = AttemptResult.class, names = "FINAL", mode = EnumSource.Mode.EXCLUDE)
  void requiresASpacingForEveryRetriedResult(AttemptResult missing) {
    Map<AttemptResult, Duration> spacing = new EnumMap<>(RetryPolicy.defaults().spacing());
    spacing.remove(missing);

    assertThatThrownBy(() -> new RetryPolicy(3, 2, spacing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spacing for " + missing + " is missing");
  }

  @Test
  void rejectsBadConfiguration() {
    Map<AttemptResult, Duration> spacing = new EnumMap<>(RetryPolicy.defaults().spacing());
    assertThatThrownBy(() -> new RetryPolicy(0, 2, spacing))
        .hasMessageContaining("maxAttempts must be at least 1");
    assertThatThrownBy(() -> new RetryPolicy(3, -1, spacing))
        .hasMessageContaining("maxCallbacks must not be negative");

    spacing.put(AttemptResult.FINAL, Duration.ZERO);
    assertThatThrownBy(() -> new RetryPolicy(3, 2, spacing))
        .hasMessageContaining("FINAL is never retried");

    spacing.remove(AttemptResult.FINAL);
    spacing.put(AttemptResult.BUSY, Duration.ofMinutes(-1));
    assertThatThrownBy(() -> new RetryPolicy(3, 2, spacing))
        .hasMessageContaining("spacing for BUSY must not be negative");
  }
}

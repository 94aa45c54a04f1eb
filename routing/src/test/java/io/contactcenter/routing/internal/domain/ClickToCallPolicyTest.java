package io.contactcenter.routing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.routing.internal.domain.ClickToCallPolicy.Refusal;
import io.contactcenter.routing.internal.domain.ClickToCallPolicy.Situation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClickToCallPolicyTest {

  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private final ClickToCallPolicy policy = new ClickToCallPolicy(Duration.ofSeconds(5));

  private static Situation free() {
    return new Situation(true, false, "agent-41@trunk-test", false, null);
  }

  @Test
  void aLoggedInFreeAgentWithAPhoneMayCallANumberNotOnTheList() {
    assertThat(policy.check(free(), NOW)).isEmpty();
  }

  @Test
  void aNumberOnTheDoNotCallListIsRefused() {
    Situation s = new Situation(true, false, "agent-41@trunk-test", true, null);
    assertThat(policy.check(s, NOW)).contains(Refusal.DO_NOT_CALL);
  }

  @Test
  void aLoggedOutAgentIsRefusedFirst() {
    Situation s = new Situation(false, true, "", true, NOW);
    assertThat(policy.check(s, NOW)).contains(Refusal.NOT_LOGGED_IN);
  }

  @Test
  void anAgentOnAnotherContactIsRefusedBeforeTheListIsConsidered() {
    Situation s = new Situation(true, true, "agent-41@trunk-test", true, null);
    assertThat(policy.check(s, NOW)).contains(Refusal.ON_CONTACT);
  }

  @Test
  void anAgentWithoutAPhoneIsRefused() {
    assertThat(policy.check(new Situation(true, false, "", false, null), NOW))
        .contains(Refusal.NO_PHONE);
    assertThat(policy.check(new Situation(true, false, " ", false, null), NOW))
        .contains(Refusal.NO_PHONE);
  }

  @Test
  void aSecondCallWithinTheIntervalIsRefusedAndAllowedOnceItPassed() {
    Situation justCalled =
        new Situation(true, false, "agent-41@trunk-test", false, NOW.minusSeconds(4));
    assertThat(policy.check(justCalled, NOW)).contains(Refusal.TOO_SOON);
    Situation calledBefore =
        new Situation(true, false, "agent-41@trunk-test", false, NOW.minusSeconds(5));
    assertThat(policy.check(calledBefore, NOW)).isEmpty();
  }

  @Test
  void noIntervalMeansNoLimit() {
    Situation justCalled = new Situation(true, false, "agent-41@trunk-test", false, NOW);
    assertThat(new ClickToCallPolicy(Duration.ZERO).check(justCalled, NOW)).isEmpty();
  }

  @Test
  void aNegativeIntervalIsAConfigurationError() {
    assertThatThrownBy(() -> new ClickToCallPolicy(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

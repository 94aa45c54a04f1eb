package io.contactcenter.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Outbound calls through the real Asterisk to SIPp phones behind the test trunk: the attempt id we
 * set comes back on every call event, and a busy line is reported as busy.
 */
@PbxIT
@WithSharedAsterisk
class OriginateIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  @Autowired CallControl calls;
  @Autowired CapturedEvents events;

  @Test
  void answeredCallCarriesTheAttemptIdFromStartToEnd() {
    String attempt = "it-" + UUID.randomUUID();
    try (Sipp.Answering phone =
        Sipp.scenario("uas-answer.xml")
            .timeout(Duration.ofSeconds(60))
            .answerOn(asterisk.ports().trunk())) {

      calls.originate(request(attempt));

      CallAnswered answered =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> first(CallAnswered.class, attempt), a -> a != null);
      CallEnded ended =
          await()
              .atMost(Duration.ofSeconds(45))
              .until(() -> first(CallEnded.class, attempt), e -> e != null);
      assertThat(answered.channel()).startsWith("PJSIP/trunk-test-");
      assertThat(ended.answeredAt()).isNotNull();
      assertThat(ended.callee()).isEqualTo("8613800138000");
      assertThat(phone.await(Duration.ofSeconds(30)).succeeded()).isTrue();
    }
  }

  @Test
  void busyLineIsReportedAsBusy() {
    String attempt = "it-" + UUID.randomUUID();
    try (Sipp.Answering phone =
        Sipp.scenario("uas-busy.xml")
            .timeout(Duration.ofSeconds(30))
            .answerOn(asterisk.ports().trunk())) {

      calls.originate(request(attempt));

      OriginateFailed failed =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> first(OriginateFailed.class, attempt), f -> f != null);
      assertThat(failed.outcome()).isEqualTo(OriginateFailed.DialOutcome.BUSY);
      assertThat(first(CallAnswered.class, attempt)).isNull();
    }
  }

  @Test
  void aTrunkThatIsNotConfiguredNeverReachesAsterisk() {
    OriginateRequest request =
        new OriginateRequest(
            "it-" + UUID.randomUUID(),
            PhoneNumber.parse("+8613800138000"),
            "other-carrier",
            null,
            Duration.ofSeconds(20),
            "robot",
            "s",
            Map.of());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> calls.originate(request))
        .isInstanceOf(UnknownTrunkException.class)
        .hasMessageContaining("trunk-test");
  }

  private static OriginateRequest request(String attempt) {
    return new OriginateRequest(
        attempt,
        PhoneNumber.parse("+8613800138000"),
        "trunk-test",
        "4000",
        Duration.ofSeconds(20),
        "robot",
        "s",
        Map.of("CC_CAMPAIGN", "it"));
  }

  private <T> T first(Class<T> type, String attempt) {
    return events.ofType(type).stream()
        .filter(
            e ->
                switch (e) {
                  case CallAnswered a -> attempt.equals(a.attemptId());
                  case CallEnded c -> attempt.equals(c.attemptId());
                  case OriginateFailed f -> attempt.equals(f.attemptId());
                  default -> false;
                })
        .findFirst()
        .orElse(null);
  }
}

package io.contactcenter.qa.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.qa.AppealRefusedException;
import io.contactcenter.qa.AppealState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppealPolicyTest {

  private static final Instant REVIEWED = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void anAgentAppealsAReviewWithinTheWindowOnce() {
    assertThat(AppealPolicy.mayOpen(REVIEWED, false, REVIEWED.plus(Duration.ofDays(6)), WEEK))
        .isInstanceOf(AppealPolicy.Allowed.class);
    assertThat(AppealPolicy.mayOpen(REVIEWED, true, REVIEWED.plusSeconds(60), WEEK))
        .isEqualTo(
            new AppealPolicy.Refused(
                AppealRefusedException.Reason.ALREADY_OPEN,
                "an appeal of this conversation is already open",
                List.of()));
    assertThat(AppealPolicy.mayOpen(null, false, REVIEWED, WEEK))
        .isInstanceOf(AppealPolicy.Refused.class);
    assertThat(AppealPolicy.mayOpen(REVIEWED, false, REVIEWED.plus(Duration.ofDays(8)), WEEK))
        .isInstanceOfSatisfying(
            AppealPolicy.Refused.class,
            r -> {
              assertThat(r.reason()).contains("7 days").contains("2026-12-08T10:00:00Z");
              assertThat(r.code()).isEqualTo(AppealRefusedException.Reason.WINDOW_CLOSED);
              assertThat(r.arguments()).containsExactly(7L, "2026-12-08T10:00:00Z");
            });
  }

  @Test
  void anotherReviewerDecidesOnce() {
    assertThat(AppealPolicy.mayDecide(AppealState.OPEN, "qa1", "agent1", "qa2"))
        .isInstanceOf(AppealPolicy.Allowed.class);
    assertThat(AppealPolicy.mayDecide(AppealState.OPEN, "qa1", "agent1", "qa1"))
        .isInstanceOfSatisfying(
            AppealPolicy.Refused.class, r -> assertThat(r.reason()).contains("different reviewer"));
    assertThat(AppealPolicy.mayDecide(AppealState.OPEN, "qa1", "agent1", "agent1"))
        .isInstanceOfSatisfying(
            AppealPolicy.Refused.class,
            r -> {
              assertThat(r.code()).isEqualTo(AppealRefusedException.Reason.OWN_APPEAL);
              assertThat(r.arguments()).containsExactly("agent1");
            });
    assertThat(AppealPolicy.mayDecide(AppealState.ACCEPTED, "qa1", "agent1", "qa2"))
        .isInstanceOfSatisfying(
            AppealPolicy.Refused.class, r -> assertThat(r.reason()).contains("already accepted"));
  }
}

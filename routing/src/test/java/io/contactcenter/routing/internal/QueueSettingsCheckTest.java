package io.contactcenter.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.common.OpeningHours;
import io.contactcenter.routing.QueueProblem;
import io.contactcenter.routing.QueueSettings;
import io.contactcenter.routing.internal.domain.QueueDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueSettingsCheckTest {

  private static final List<QueueSettings.Step> STEPS =
      List.of(new QueueSettings.Step(0, 3, null), new QueueSettings.Step(60, 1, "support"));

  @Test
  void aGoodQueueBecomesADefinitionAndHours() {
    QueueSettings q =
        new QueueSettings(
            "returns",
            "returns",
            5,
            "FEWEST_CONTACTS_TODAY",
            30,
            STEPS,
            new QueueSettings.Hours(
                "Asia/Shanghai",
                Map.of("sat", List.of("09:00-12:00")),
                List.of("2026-10-01"),
                List.of("2026-10-11"),
                List.of("09:00-18:00")));

    assertThat(QueueSettingsCheck.problems(q, Set.of("support"))).isEmpty();
    QueueDefinition d = QueueSettingsCheck.definition(q);
    assertThat(d.serviceLevelThreshold()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.stepAfter(Duration.ofSeconds(61)).overflow()).isPresent();
    OpeningHours hours = QueueSettingsCheck.hours(q).orElseThrow();
    // Saturday 2026-12-05 10:00 in Shanghai is open; Sunday is not; the make-up day 10-11 is.
    assertThat(hours.isOpen(Instant.parse("2026-12-05T02:00:00Z"))).isTrue();
    assertThat(hours.isOpen(Instant.parse("2026-12-06T02:00:00Z"))).isFalse();
    assertThat(hours.isOpen(Instant.parse("2026-10-11T02:00:00Z"))).isTrue();
  }

  @Test
  void aQueueWithoutHoursIsAlwaysOpen() {
    QueueSettings q = new QueueSettings("a", "a", 0, "LONGEST_IDLE", 20, STEPS.subList(0, 1), null);
    assertThat(QueueSettingsCheck.problems(q, Set.of())).isEmpty();
    assertThat(QueueSettingsCheck.hours(q)).isEmpty();
  }

  @Test
  void everyProblemIsNamedWithItsPlace() {
    QueueSettings q =
        new QueueSettings(
            "a",
            " ",
            -1,
            "ROUND_ROBIN",
            0,
            List.of(new QueueSettings.Step(5, 0, "a"), new QueueSettings.Step(5, 2, "zzz")),
            new QueueSettings.Hours(
                "Nowhere/City",
                Map.of("moon", List.of("18:00-09:00")),
                List.of("2026-13-01"),
                List.of(),
                List.of("x")));

    assertThat(QueueSettingsCheck.problems(q, Set.of("support")))
        .extracting(p -> p.field() + " " + p.code())
        .containsExactlyInAnyOrder(
            "skill skill-required",
            "weight weight-range",
            "strategy strategy-unknown",
            "serviceLevelSeconds service-level-range",
            "steps[0].afterSeconds step-first-not-zero",
            "steps[0].minimumLevel level-range",
            "steps[0].overflowQueue overflow-self",
            "steps[1].afterSeconds step-order",
            "steps[1].overflowQueue overflow-unknown",
            "hours.zone zone-unknown",
            "hours.weekly.moon day-unknown",
            "hours.weekly.moon[0] period-format",
            "hours.workdayHours[0] period-format",
            "hours.holidays[0] date-format");
  }

  @Test
  void everyCodeIsKnown() {
    assertThat(QueueProblem.CODES).doesNotHaveDuplicates().hasSize(15);
  }
}

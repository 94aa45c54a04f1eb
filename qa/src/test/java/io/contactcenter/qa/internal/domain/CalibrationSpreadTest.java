package io.contactcenter.qa.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.qa.Calibration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The spread of calibration scores, item by item and overall, against the lead's reference. */
class CalibrationSpreadTest {

  private static final UUID GREETING = UUID.randomUUID();
  private static final UUID CLOSING = UUID.randomUUID();
  private static final List<Calibration.Item> ITEMS =
      List.of(
          new Calibration.Item(GREETING, "Greeting", "opening", true),
          new Calibration.Item(CLOSING, "Closing", "closing", false));

  private static Calibration.Submission score(
      String who, double score, boolean greeting, boolean closing) {
    return new Calibration.Submission(
        who, score, Map.of(GREETING, greeting, CLOSING, closing), "", Instant.EPOCH);
  }

  @Test
  void reviewersAreComparedWithEachOtherAndWithTheLeadsReference() {
    Calibration.Result r =
        CalibrationSpread.of(
            ITEMS,
            "lead",
            List.of(
                score("lead", 80, true, false),
                score("ann", 70, true, true),
                score("bob", 90, true, false),
                score("cy", 50, false, true)));

    assertThat(r.reference()).isEqualTo(80);
    assertThat(r.reviewers()).isEqualTo(3);
    assertThat(r.meanScore()).isEqualTo(70);
    // (0 + 400 + 400) / 3
    assertThat(r.variance()).isEqualTo(266.67);
    // (100 + 100 + 900) / 3
    assertThat(r.varianceAgainstReference()).isEqualTo(366.67);
    assertThat(r.largestDifference()).isEqualTo(30);
    assertThat(r.items())
        .extracting(
            Calibration.ItemSpread::ruleName,
            Calibration.ItemSpread::met,
            Calibration.ItemSpread::notMet,
            Calibration.ItemSpread::reference,
            Calibration.ItemSpread::againstReference,
            Calibration.ItemSpread::agreement)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Greeting", 2, 1, true, 1, 0.667),
            org.assertj.core.groups.Tuple.tuple("Closing", 2, 1, false, 2, 0.333));
  }

  @Test
  void withoutTheLeadsScoreThereIsNoReferenceAndAgreementIsWithTheMajority() {
    Calibration.Result r =
        CalibrationSpread.of(
            ITEMS, "lead", List.of(score("ann", 60, true, true), score("bob", 60, true, false)));
    assertThat(r.reference()).isNull();
    assertThat(r.varianceAgainstReference()).isNull();
    assertThat(r.largestDifference()).isNull();
    assertThat(r.variance()).isEqualTo(0);
    assertThat(r.items().get(0).agreement()).isEqualTo(1.0);
    assertThat(r.items().get(1).agreement()).isEqualTo(0.5);

    Calibration.Result leadOnly =
        CalibrationSpread.of(ITEMS, "lead", List.of(score("lead", 75, true, true)));
    assertThat(leadOnly.reviewers()).isZero();
    assertThat(leadOnly.meanScore()).isNull();
    assertThat(leadOnly.reference()).isEqualTo(75);
  }
}

package io.contactcenter.qa.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnaroundsTest {

  private static final Duration TARGET = Duration.ofHours(48);

  @Test
  void theMedianOfAnEvenCountLiesBetweenTheTwoMiddleTurnarounds() {
    Turnarounds.Summary s = Turnarounds.of(hours(10, 30, 60, 100), TARGET);
    assertThat(s.count()).isEqualTo(4);
    assertThat(s.medianHours()).isEqualTo(45.0);
    // rank 0.95 × 3 = 2.85: 60 + 0.85 × (100 − 60)
    assertThat(s.p95Hours()).isEqualTo(94.0);
    assertThat(s.withinTarget()).isEqualTo(0.5);
  }

  @Test
  void aTurnaroundOfExactlyTheTargetIsWithinIt() {
    Turnarounds.Summary s =
        Turnarounds.of(List.of(TARGET, TARGET.plusSeconds(1), TARGET.minusSeconds(1)), TARGET);
    assertThat(s.withinTarget()).isEqualTo(0.667);
    assertThat(s.medianHours()).isEqualTo(48.0);
  }

  @Test
  void oneDecisionIsItsOwnMedianAndPercentile() {
    Turnarounds.Summary s = Turnarounds.of(List.of(Duration.ofMinutes(90)), TARGET);
    assertThat(s.medianHours()).isEqualTo(1.5);
    assertThat(s.p95Hours()).isEqualTo(1.5);
    assertThat(s.withinTarget()).isEqualTo(1.0);
  }

  @Test
  void noDecisionHasNoFigures() {
    assertThat(Turnarounds.of(List.of(), TARGET))
        .isEqualTo(new Turnarounds.Summary(0, null, null, null));
  }

  @Test
  void theOrderOfTheTurnaroundsDoesNotMatter() {
    assertThat(Turnarounds.of(hours(100, 10, 60, 30), TARGET))
        .isEqualTo(Turnarounds.of(hours(10, 30, 60, 100), TARGET));
  }

  @Test
  void percentilesInterpolateAsPercentileCont() {
    double[] twenty = new double[20];
    for (int i = 0; i < 20; i++) {
      twenty[i] = i + 1;
    }
    // PostgreSQL: percentile_cont(0.95) over 1..20 is 19.05, (0.5) is 10.5.
    assertThat(Turnarounds.percentile(twenty, 0.95)).isCloseTo(19.05, within());
    assertThat(Turnarounds.percentile(twenty, 0.5)).isCloseTo(10.5, within());
    assertThat(Turnarounds.percentile(twenty, 0)).isEqualTo(1);
    assertThat(Turnarounds.percentile(twenty, 1)).isEqualTo(20);
  }

  @Test
  void hoursAreRoundedToATenth() {
    assertThat(Turnarounds.hours(Duration.ofMinutes(100))).isEqualTo(1.7);
    assertThat(Turnarounds.hours(Duration.ofHours(72).plusMinutes(2))).isEqualTo(72.0);
  }

  @Test
  void badTargetsAndTurnaroundsAreRefused() {
    assertThatThrownBy(() -> Turnarounds.of(hours(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target");
    assertThatThrownBy(() -> Turnarounds.of(List.of(Duration.ofHours(-1)), TARGET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> Turnarounds.percentile(new double[0], 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Turnarounds.percentile(new double[] {1}, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Duration> hours(long... hours) {
    return java.util.Arrays.stream(hours).mapToObj(Duration::ofHours).toList();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}

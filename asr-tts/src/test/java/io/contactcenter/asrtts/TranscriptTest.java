package io.contactcenter.asrtts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranscriptTest {

  @Test
  void sharesByTextWeighEachAlternativeAndMergeTheSameText() {
    Transcript t =
        new Transcript(
            "right",
            List.of(),
            0.6,
            Duration.ofSeconds(2),
            List.of(
                new Transcript.Alternative("right", 10),
                new Transcript.Alternative("not right", 10 - Math.log(2)),
                new Transcript.Alternative("right", 10 - Math.log(4))));

    Map<String, Double> shares = t.sharesByText();

    // Weights 1, 1/2 and 1/4 of 1.75.
    assertThat(shares.keySet()).containsExactly("right", "not right");
    assertThat(shares.get("right")).isEqualTo(1.25 / 1.75, within(1e-9));
    assertThat(shares.get("not right")).isEqualTo(0.5 / 1.75, within(1e-9));
  }

  @Test
  void withoutAlternativesTheTextHoldsTheWholeWeight() {
    Transcript t = new Transcript("yes", List.of(), 0.9, Duration.ofSeconds(1));

    assertThat(t.sharesByText()).isEqualTo(Map.of("yes", 1.0));
  }
}

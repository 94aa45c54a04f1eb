package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.asrtts.Transcript;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark reads a read-back's answer as the IVR does ({@code SpokenYesNo}). */
class NumberTaskTest {

  @Test
  void aYesOrANoInTheCallersWordsAsTheIvrReadsThem() {
    assertThat(NumberTask.parse("[unk] yeah that's right")).isTrue();
    assertThat(NumberTask.parse("uh yes please")).isTrue();
    assertThat(NumberTask.parse("that's not right")).isFalse();
    assertThat(NumberTask.parse("no it's not")).isFalse();
    assertThat(NumberTask.parse("it is not")).isFalse();
    assertThat(NumberTask.parse("yes no")).isNull();
    assertThat(NumberTask.parse("[unk]")).isNull();
    assertThat(NumberTask.parse("okay")).isNull();
  }

  @Test
  void theOldReadingTookOnlyExactlyYesOrNo() {
    assertThat(NumberTask.exactYesNo("yes [unk]")).isTrue();
    assertThat(NumberTask.exactYesNo("no")).isFalse();
    assertThat(NumberTask.exactYesNo("yeah")).isNull();
  }

  @Test
  void aSureYesNeedsItsAlternativesToHoldIt() {
    assertThat(NumberTask.sureParse(heard("yep", "yep", 0, "yeah", -1, "yup", -2), Set.of()))
        .isTrue();
    // "that's not right" heard as "right", with "not right" close behind (the tune part's case).
    assertThat(NumberTask.sureParse(heard("right", "right", 0, "not right", -0.5), Set.of()))
        .isNull();
    assertThat(NumberTask.sureParse(heard("no", "no", 0, "yes", 1), Set.of())).isFalse();
  }

  @Test
  void aLoneRightIsUnsureEvenWhenItIsTheOnlyTranscript() {
    Transcript collapsed = heard("right", "right", 0);
    assertThat(NumberTask.sureParse(collapsed, Set.of())).isTrue();
    assertThat(NumberTask.sureParse(collapsed, NumberTask.UNSURE_ALONE)).isNull();
    assertThat(
            NumberTask.sureParse(heard("that's right", "that's right", 0), NumberTask.UNSURE_ALONE))
        .isTrue();
  }

  private static Transcript heard(String text, Object... textAndScore) {
    List<Transcript.Alternative> alternatives = new java.util.ArrayList<>();
    for (int i = 0; i < textAndScore.length; i += 2) {
      alternatives.add(
          new Transcript.Alternative(
              (String) textAndScore[i], ((Number) textAndScore[i + 1]).doubleValue()));
    }
    return new Transcript(text, List.of(), 0.5, Duration.ofSeconds(1), alternatives);
  }
}

package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark's copy of the IVR's yes/no reading reads as ivr's {@code SpokenYesNoTest} asks. */
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
  void everyPhraseOfTheGrammarIsReadAsItsOwnAnswer() {
    assertThat(NumberTask.YES).allSatisfy(p -> assertThat(NumberTask.parse(p)).isTrue());
    assertThat(NumberTask.NO).allSatisfy(p -> assertThat(NumberTask.parse(p)).isFalse());
  }

  @Test
  void theOldReadingTookOnlyExactlyYesOrNo() {
    assertThat(NumberTask.exactYesNo("yes [unk]")).isTrue();
    assertThat(NumberTask.exactYesNo("no")).isFalse();
    assertThat(NumberTask.exactYesNo("yeah")).isNull();
  }
}

package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;

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
}

package io.contactcenter.qa.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stretches of speech: one speaker's words joined across gaps of at most 300 ms. */
class StretchTest {

  private static TranscriptWord word(Speaker speaker, long startMs, long endMs) {
    return new TranscriptWord("w", startMs, endMs, 0.9, speaker);
  }

  @Test
  void wordsAtMostTheGapApartFormOneStretch() {
    List<TranscriptWord> words =
        List.of(
            word(Speaker.AGENT, 0, 400),
            word(Speaker.AGENT, 700, 1_000), // 300 ms after: same stretch
            word(Speaker.AGENT, 1_301, 1_500)); // 301 ms after: a new stretch

    assertThat(Stretch.of(words, Speaker.AGENT))
        .containsExactly(
            new Stretch(Speaker.AGENT, 0, 1_000), new Stretch(Speaker.AGENT, 1_301, 1_500));
  }

  @Test
  void onlyTheSpeakersOwnWordsCount() {
    List<TranscriptWord> words =
        List.of(
            word(Speaker.AGENT, 0, 400),
            word(Speaker.CUSTOMER, 500, 3_000),
            word(Speaker.UNKNOWN, 3_100, 3_200),
            word(Speaker.AGENT, 3_500, 3_800));

    assertThat(Stretch.of(words, Speaker.AGENT))
        .containsExactly(
            new Stretch(Speaker.AGENT, 0, 400), new Stretch(Speaker.AGENT, 3_500, 3_800));
    assertThat(Stretch.of(words, Speaker.CUSTOMER))
        .containsExactly(new Stretch(Speaker.CUSTOMER, 500, 3_000));
  }

  @Test
  void noWordsNoStretch() {
    assertThat(Stretch.of(List.of(), Speaker.AGENT)).isEmpty();
  }
}

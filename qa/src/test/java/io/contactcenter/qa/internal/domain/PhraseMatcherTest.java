package io.contactcenter.qa.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

  @Test
  void bitParallelDistanceIsTheTablesOnRandomTextsInEveryScript() {
    Random random = new Random(7);
    String alphabet = "abcde fghij' 订单退款物流到哪了";
    for (int run = 0; run < 20_000; run++) {
      String pattern = randomText(random, alphabet, 1 + random.nextInt(64));
      String text = randomText(random, alphabet, random.nextInt(80));
      assertThat(PhraseMatcher.BitPattern.of(pattern).distance(text))
          .as("%s / %s", text, pattern)
          .isEqualTo(PhraseMatcher.distance(text, pattern));
    }
  }

  @Test
  void theNearestStretchEndingAtEachCharacterIsTheBestOfEveryStart() {
    Random random = new Random(11);
    String alphabet = "abc d'订单";
    for (int run = 0; run < 2_000; run++) {
      String pattern = randomText(random, alphabet, 1 + random.nextInt(12));
      String text = randomText(random, alphabet, random.nextInt(30));
      int[] nearest = PhraseMatcher.BitPattern.of(pattern).nearestEndingAt(text);
      for (int end = 1; end <= text.length(); end++) {
        int best = Integer.MAX_VALUE;
        for (int start = 0; start <= end; start++) {
          best = Math.min(best, PhraseMatcher.distance(text.substring(start, end), pattern));
        }
        assertThat(nearest[end - 1]).as("%s / %s at %d", text, pattern, end).isEqualTo(best);
      }
    }
  }

  @Test
  void knownDistances() {
    assertThat(PhraseMatcher.BitPattern.of("kitten").distance("sitting")).isEqualTo(3);
    assertThat(PhraseMatcher.BitPattern.of("thank you for calling").distance("")).isEqualTo(21);
    assertThat(PhraseMatcher.BitPattern.of("您好").distance("你好")).isEqualTo(1);
    assertThat(PhraseMatcher.BitPattern.of("x".repeat(64)).distance("x".repeat(70))).isEqualTo(6);
    assertThat(PhraseMatcher.BitPattern.of("x".repeat(65))).isNull();
  }

  @Test
  void phrasesAreFoundDespiteRecognitionErrorsAndNotInUnrelatedSpeech() {
    List<TranscriptWord> words = new ArrayList<>();
    long at = 0;
    for (String w : "hello thank you for col in my name is anna".split(" ")) {
      words.add(new TranscriptWord(w, at, at + 300, 0.9, Speaker.AGENT));
      at += 400;
    }
    List<PhraseMatcher.Unit> units = PhraseMatcher.units(words);

    List<PhraseMatcher.Match> found = PhraseMatcher.find(units, "thank you for calling", 0.8);

    assertThat(found).hasSize(1);
    assertThat(found.getFirst().heard()).isEqualTo("thank you for col in");
    assertThat(found.getFirst().startMs()).isEqualTo(400);
    assertThat(PhraseMatcher.find(units, "shut up", 0.8)).isEmpty();
  }

  @Test
  void aPhraseLongerThanAWordOfBitsIsStillMatched() {
    String longPhrase = "this call may be recorded for quality and training purposes thank you";
    List<TranscriptWord> words = new ArrayList<>();
    long at = 0;
    for (String w : longPhrase.replace("training", "trainin").split(" ")) {
      words.add(new TranscriptWord(w, at, at + 300, 0.9, Speaker.AGENT));
      at += 400;
    }

    assertThat(PhraseMatcher.find(PhraseMatcher.units(words), longPhrase, 0.8)).hasSize(1);
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}

package io.contactcenter.asrtts.internal.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.asrtts.ReplyLanguage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The training file must not contain the evaluation sets' utterances or near-copies of them, or the
 * measured accuracy would mean nothing.
 */
class TrainingDataIsolationTest {

  // Jaccard overlap of word uni/bigrams (English) or character bigrams (Chinese) at or above which
  // two utterances count as near-copies. Distinct paraphrases of short replies sit below 0.6.
  private static final double NEAR_COPY = 0.6;

  private final ReplyAnalyzer analyzer = new ReplyAnalyzer();

  @Test
  void trainingFileSharesNoUtteranceWithTheDevSet() throws Exception {
    assertNoOverlap(TrainingExamples.fromFile(DevSet.locate()));
  }

  @Test
  void trainingFileSharesNoUtteranceWithTheHoldOutSet() throws Exception {
    try (var in = getClass().getResourceAsStream("/intents/holdout.tsv")) {
      assertNoOverlap(
          TrainingExamples.read(
              "holdout.tsv",
              new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)));
    }
  }

  @Test
  void trainingFileHasNoBadRows() {
    TrainingExamples training = TrainingExamples.fromClasspath();
    assertThat(training.problems()).isEmpty();
    assertThat(training.examples()).hasSizeGreaterThan(800);
  }

  private void assertNoOverlap(TrainingExamples evaluation) {
    List<TrainingExamples.Example> training = TrainingExamples.fromClasspath().examples();
    Set<String> trained = new HashSet<>();
    for (TrainingExamples.Example example : training) {
      trained.add(key(example));
    }
    List<String> copies = new ArrayList<>();
    List<String> nearCopies = new ArrayList<>();
    for (TrainingExamples.Example row : evaluation.examples()) {
      if (trained.contains(key(row))) {
        copies.add(row.utterance());
        continue;
      }
      Set<String> grams = grams(row);
      for (TrainingExamples.Example example : training) {
        if (example.language() == row.language() && jaccard(grams, grams(example)) >= NEAR_COPY) {
          nearCopies.add(row.utterance() + "  ~  " + example.utterance());
        }
      }
    }
    assertThat(copies).as("evaluation utterances found in the training file").isEmpty();
    assertThat(nearCopies)
        .as("near-copies of evaluation utterances in the training file")
        .isEmpty();
  }

  private String key(TrainingExamples.Example example) {
    return example.language().code()
        + ":"
        + analyzer.normalized(example.language(), example.utterance()).replace(" ", "");
  }

  private Set<String> grams(TrainingExamples.Example example) {
    String text = analyzer.normalized(example.language(), example.utterance());
    Set<String> grams = new HashSet<>();
    if (example.language() == ReplyLanguage.ZH) {
      String s = text.replace(" ", "");
      for (int i = 0; i + 2 <= s.length(); i++) {
        grams.add(s.substring(i, i + 2));
      }
      if (grams.isEmpty()) {
        grams.add(s);
      }
    } else {
      String[] words = text.split(" ");
      for (int i = 0; i < words.length; i++) {
        grams.add(words[i]);
        if (i + 1 < words.length) {
          grams.add(words[i] + " " + words[i + 1]);
        }
      }
    }
    return grams;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    return union.isEmpty() ? 0 : common.size() / (double) union.size();
  }
}

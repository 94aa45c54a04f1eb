package io.contactcenter.asrtts.internal.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.asrtts.ReplyLanguage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accuracy target, measured on the shared dev set (never trained on) and on this module's own
 * hold-out set.
 */
class ReplyClassifierDevSetTest {

  private static HybridReplyClassifier classifier;

  @BeforeAll
  static void train() {
    classifier = new HybridReplyClassifier(IntentProperties.defaults(), Clock.systemUTC());
  }

  @Test
  void devSetAccuracyIsAtLeast95PercentInEachLanguage() throws Exception {
    TrainingExamples dev = TrainingExamples.fromFile(DevSet.locate());
    assertThat(dev.problems()).isEmpty();

    IntentEvaluation.Report report = IntentEvaluation.evaluate(classifier, dev);
    print("dev set " + DevSet.locate(), report);

    for (ReplyLanguage language : ReplyLanguage.values()) {
      assertThat(report.count(language)).as("%s rows", language).isGreaterThan(0);
      assertThat(report.accuracy(language))
          .as("%s accuracy", language)
          .isGreaterThanOrEqualTo(0.95);
    }
  }

  @Test
  void holdOutAccuracyIsAtLeast90PercentInEachLanguage() throws Exception {
    TrainingExamples holdOut;
    try (var in = getClass().getResourceAsStream("/intents/holdout.tsv")) {
      holdOut =
          TrainingExamples.read(
              "holdout.tsv", new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    assertThat(holdOut.problems()).isEmpty();

    IntentEvaluation.Report report = IntentEvaluation.evaluate(classifier, holdOut);
    print("hold-out set", report);

    for (ReplyLanguage language : ReplyLanguage.values()) {
      assertThat(report.accuracy(language)).as("%s accuracy", language).isGreaterThanOrEqualTo(0.9);
    }
  }

  private static void print(String title, IntentEvaluation.Report report) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    report.print(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    System.out.println("== " + title + "\n" + buffer.toString(StandardCharsets.UTF_8));
  }
}

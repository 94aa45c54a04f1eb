package io.contactcenter.asrtts.internal.intent;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.common.CampaignType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Opens the reply classifier and the labelled reply rows to the speech benchmarks in the sibling
 * package: the noisy-reply benchmark labels what the recognizer heard with the same classifier, on
 * the same settings, as the robot.
 */
public final class ReplyEvaluationSet {

  /** One labelled reply of the evaluation set. */
  public record Row(String utterance, IntentLabel label, CampaignType campaign) {}

  private ReplyEvaluationSet() {}

  /** The rows of {@code tsv} in {@code language}, in file order. */
  public static List<Row> read(Path tsv, ReplyLanguage language) throws IOException {
    return TrainingExamples.fromFile(tsv).examples().stream()
        .filter(e -> e.language() == language)
        .map(e -> new Row(e.utterance(), e.label(), e.campaign()))
        .toList();
  }

  /** The classifier's own English training rows (the classpath resource). */
  public static List<Row> englishTrainingRows() {
    return TrainingExamples.fromClasspath().examples().stream()
        .filter(e -> e.language() == ReplyLanguage.EN)
        .map(e -> new Row(e.utterance(), e.label(), e.campaign()))
        .toList();
  }

  /** The classifier trained on its built-in rows plus {@code extra} (a training TSV). */
  public static ReplyClassifier classifier(Path extra) {
    return new HybridReplyClassifier(new IntentProperties(0.5, extra, null), Clock.systemUTC());
  }

  /** The shared dev set beside the clone, if there is one. */
  public static Optional<Path> devSet() {
    return DevSet.find(Path.of("").toAbsolutePath());
  }

  /** The classifier as the application builds it with its defaults (built-in training rows). */
  public static ReplyClassifier classifier() {
    return new HybridReplyClassifier(IntentProperties.defaults(), Clock.systemUTC());
  }
}

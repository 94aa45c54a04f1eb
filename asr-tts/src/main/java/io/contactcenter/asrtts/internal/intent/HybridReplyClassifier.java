package io.contactcenter.asrtts.internal.intent;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.ReplyClassification;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.ReplyRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labels replies with a logistic-regression model over n-grams and hand-written cue phrases ({@link
 * CuePatterns}), trained at start-up from {@code intents/training.tsv} on the classpath plus an
 * optional external file that ops can extend without a rebuild.
 *
 * <p>The external file is checked (one file-attribute read) on each call; when its modification
 * time has changed, the calling thread retrains (a few hundred milliseconds) while concurrent calls
 * keep using the previous model. A file that is missing or unreadable leaves the built-in examples
 * in force; bad rows are logged with their line numbers and skipped.
 */
final class HybridReplyClassifier implements ReplyClassifier {

  private static final Logger log = LoggerFactory.getLogger(HybridReplyClassifier.class);
  private static final IntentLabel[] LABELS = IntentLabel.values();

  /** The model in force and the modification time of the external file it was trained with. */
  private record Trained(IntentModel model, FileTime externalModified) {}

  private final ReplyAnalyzer analyzer = new ReplyAnalyzer();
  private final TrainingExamples builtIn;
  private final double unknownBelow;
  private final Path trainingFile;
  private final Clock clock;
  private final AtomicReference<Trained> trained = new AtomicReference<>();
  private final ReentrantLock retraining = new ReentrantLock();

  /**
   * Trains on the built-in examples and, if configured, the external file.
   *
   * @param clock gives "now" for requests without one; its zone is replaced by the configured one
   */
  HybridReplyClassifier(IntentProperties properties, Clock clock) {
    this.unknownBelow = properties.unknownBelow();
    this.trainingFile = properties.trainingFile();
    this.clock = Objects.requireNonNull(clock, "clock").withZone(properties.timeZone());
    this.builtIn = TrainingExamples.fromClasspath();
    report(builtIn);
    FileTime modified = modifiedTime();
    if (trainingFile != null && modified == null) {
      log.warn("Training file {} does not exist (yet); using the built-in examples", trainingFile);
    }
    trained.set(new Trained(train(modified), modified));
  }

  @Override
  public ReplyClassification classify(ReplyRequest request) {
    IntentModel model = current();
    ZonedDateTime now = request.now() != null ? request.now() : ZonedDateTime.now(clock);
    ReplyAnalyzer.Analysis analysis =
        analyzer.analyze(request.language(), request.campaign(), request.text(), now);
    Map<IntentLabel, Double> scores = new EnumMap<>(IntentLabel.class);
    if (analysis.normalized().isEmpty()) {
      // Only punctuation or symbols: nothing was said.
      for (IntentLabel label : LABELS) {
        scores.put(label, label == IntentLabel.UNKNOWN ? 1.0 : 0.0);
      }
      return new ReplyClassification(IntentLabel.UNKNOWN, 1.0, scores, Optional.empty());
    }
    double[] p = model.probabilities(request.language(), analysis.features());
    int best = 0;
    for (int k = 0; k < p.length; k++) {
      scores.put(LABELS[k], p[k]);
      if (p[k] > p[best]) {
        best = k;
      }
    }
    IntentLabel label = LABELS[best];
    double confidence = p[best];
    if (label != IntentLabel.UNKNOWN && confidence < unknownBelow) {
      label = IntentLabel.UNKNOWN;
      confidence = 1.0 - confidence;
    }
    Optional<ZonedDateTime> callbackAt =
        label == IntentLabel.CALL_BACK_LATER ? analysis.callbackAt() : Optional.empty();
    return new ReplyClassification(label, confidence, scores, callbackAt);
  }

  /** The current model, retrained first if the external file changed and nobody else is on it. */
  private IntentModel current() {
    Trained now = trained.get();
    if (trainingFile == null) {
      return now.model();
    }
    FileTime modified = modifiedTime();
    if (Objects.equals(modified, now.externalModified()) || !retraining.tryLock()) {
      return now.model();
    }
    try {
      Trained latest = trained.get();
      if (!Objects.equals(modified, latest.externalModified())) {
        log.info("Training file {} changed; retraining", trainingFile);
        latest = new Trained(train(modified), modified);
        trained.set(latest);
      }
      return latest.model();
    } finally {
      retraining.unlock();
    }
  }

  private IntentModel train(FileTime externalModified) {
    TrainingExamples examples = builtIn;
    if (trainingFile != null && externalModified != null) {
      try {
        TrainingExamples external = TrainingExamples.fromFile(trainingFile);
        report(external);
        examples = examples.plus(external);
      } catch (IOException e) {
        log.warn(
            "Cannot read training file {} ({}); using the built-in examples only",
            trainingFile,
            e.toString());
      }
    }
    long started = System.nanoTime();
    IntentModel model = IntentModel.train(examples.examples(), analyzer);
    log.info(
        "Reply intents trained on {} examples from {} in {} ms ({})",
        model.exampleCount(),
        examples.source(),
        (System.nanoTime() - started) / 1_000_000,
        model.describe());
    return model;
  }

  private FileTime modifiedTime() {
    if (trainingFile == null) {
      return null;
    }
    try {
      return Files.getLastModifiedTime(trainingFile);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      log.warn("Cannot read the modification time of {}: {}", trainingFile, e.toString());
      return null;
    }
  }

  private static void report(TrainingExamples examples) {
    for (TrainingExamples.Problem problem : examples.problems()) {
      log.warn("Skipped training row {} {}", examples.source(), problem);
    }
  }
}

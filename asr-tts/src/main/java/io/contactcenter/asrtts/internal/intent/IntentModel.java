package io.contactcenter.asrtts.internal.intent;

import io.contactcenter.asrtts.ReplyLanguage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One trained model per language. Immutable; thread-safe.
 *
 * <p>The hyper-parameters were chosen by five-fold cross-validation on the training file alone
 * (never on an evaluation set); the differences between reasonable settings were within a point.
 */
final class IntentModel {

  static final int EPOCHS = 25;
  static final double LEARNING_RATE = 0.2;
  static final double L2 = 1e-5;

  private final Map<ReplyLanguage, SoftmaxModel> models;
  private final int exampleCount;

  private IntentModel(Map<ReplyLanguage, SoftmaxModel> models, int exampleCount) {
    this.models = models;
    this.exampleCount = exampleCount;
  }

  /** Trains on every example; each language's model sees only that language's rows. */
  static IntentModel train(List<TrainingExamples.Example> examples, ReplyAnalyzer analyzer) {
    Map<ReplyLanguage, List<SoftmaxModel.Example>> byLanguage = new EnumMap<>(ReplyLanguage.class);
    for (ReplyLanguage language : ReplyLanguage.values()) {
      byLanguage.put(language, new ArrayList<>());
    }
    for (TrainingExamples.Example example : examples) {
      Set<String> features =
          analyzer.features(example.language(), example.campaign(), example.utterance());
      byLanguage.get(example.language()).add(new SoftmaxModel.Example(features, example.label()));
    }
    Map<ReplyLanguage, SoftmaxModel> models = new EnumMap<>(ReplyLanguage.class);
    byLanguage.forEach(
        (language, rows) ->
            models.put(language, SoftmaxModel.train(rows, EPOCHS, LEARNING_RATE, L2)));
    return new IntentModel(models, examples.size());
  }

  /** Label probabilities, indexed by ordinal. */
  double[] probabilities(ReplyLanguage language, Set<String> features) {
    return models.get(language).probabilities(features);
  }

  int exampleCount() {
    return exampleCount;
  }

  /** Features seen in training, per language, for logs. */
  String describe() {
    StringBuilder s = new StringBuilder();
    models.forEach(
        (language, model) ->
            s.append(s.isEmpty() ? "" : ", ")
                .append(language.code())
                .append(": ")
                .append(model.featureCount())
                .append(" features"));
    return s.toString();
  }
}

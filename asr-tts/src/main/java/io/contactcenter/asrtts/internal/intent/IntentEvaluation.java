package io.contactcenter.asrtts.internal.intent;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.asrtts.ReplyRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the classifier on a labelled TSV (the shape of the training file): accuracy overall, per
 * language and per label, and the confusion matrix.
 *
 * <p>Command line: {@code IntentEvaluation EVAL.tsv [--training EXTRA.tsv]}; the extra training
 * rows are added to the built-in ones, as {@code cc.asrtts.intents.training-file} would.
 */
public final class IntentEvaluation {

  private static final IntentLabel[] LABELS = IntentLabel.values();

  /** One evaluated row. */
  record Outcome(TrainingExamples.Example example, IntentLabel predicted, double confidence) {
    boolean correct() {
      return predicted == example.label();
    }
  }

  /** All outcomes of one evaluation run. */
  record Report(List<Outcome> outcomes, List<TrainingExamples.Problem> problems) {

    double accuracy() {
      return accuracy(outcomes);
    }

    double accuracy(ReplyLanguage language) {
      return accuracy(outcomes.stream().filter(o -> o.example().language() == language).toList());
    }

    long count(ReplyLanguage language) {
      return outcomes.stream().filter(o -> o.example().language() == language).count();
    }

    List<Outcome> errors() {
      return outcomes.stream().filter(o -> !o.correct()).toList();
    }

    private static double accuracy(List<Outcome> outcomes) {
      return outcomes.isEmpty()
          ? Double.NaN
          : outcomes.stream().filter(Outcome::correct).count() / (double) outcomes.size();
    }

    /** The human-readable report: totals, per language, per label, confusion, errors. */
    void print(PrintStream out) {
      for (TrainingExamples.Problem problem : problems) {
        out.println("skipped " + problem);
      }
      out.printf(Locale.ROOT, "overall  %6.2f%%  (%d rows)%n", 100 * accuracy(), outcomes.size());
      for (ReplyLanguage language : ReplyLanguage.values()) {
        out.printf(
            Locale.ROOT,
            "%-8s %6.2f%%  (%d rows)%n",
            language.code(),
            100 * accuracy(language),
            count(language));
      }
      out.println();
      out.println("per label (recall; precision)");
      for (IntentLabel label : LABELS) {
        long actual = outcomes.stream().filter(o -> o.example().label() == label).count();
        long predicted = outcomes.stream().filter(o -> o.predicted() == label).count();
        long hit =
            outcomes.stream().filter(o -> o.example().label() == label && o.correct()).count();
        if (actual == 0 && predicted == 0) {
          continue;
        }
        out.printf(
            Locale.ROOT,
            "  %-16s %3d/%-3d %6.2f%%   precision %s%n",
            label.code(),
            hit,
            actual,
            actual == 0 ? Double.NaN : 100.0 * hit / actual,
            predicted == 0 ? "-" : String.format(Locale.ROOT, "%6.2f%%", 100.0 * hit / predicted));
      }
      out.println();
      out.println("confusion (rows: expected, columns: predicted)");
      StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-16s", ""));
      for (IntentLabel label : LABELS) {
        header.append(String.format(Locale.ROOT, " %5s", abbreviate(label)));
      }
      out.println(header);
      for (IntentLabel expected : LABELS) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-16s", expected.code()));
        for (IntentLabel predicted : LABELS) {
          long n =
              outcomes.stream()
                  .filter(o -> o.example().label() == expected && o.predicted() == predicted)
                  .count();
          row.append(String.format(Locale.ROOT, " %5s", n == 0 ? "." : Long.toString(n)));
        }
        out.println(row);
      }
      List<Outcome> errors = errors();
      if (!errors.isEmpty()) {
        out.println();
        out.println("errors");
        for (Outcome o : errors) {
          out.printf(
              Locale.ROOT,
              "  %s %-10s expected %-15s got %-15s %.2f  %s%n",
              o.example().language().code(),
              o.example().campaign().code(),
              o.example().label().code(),
              o.predicted().code(),
              o.confidence(),
              o.example().utterance());
        }
      }
    }

    private static String abbreviate(IntentLabel label) {
      String code = label.code().replace("_", "");
      return code.length() <= 5 ? code : code.substring(0, 5);
    }
  }

  private IntentEvaluation() {}

  /** Classifies every row with its language and campaign and collects the outcomes. */
  static Report evaluate(ReplyClassifier classifier, TrainingExamples rows) {
    List<Outcome> outcomes = new ArrayList<>(rows.examples().size());
    for (TrainingExamples.Example row : rows.examples()) {
      var result =
          classifier.classify(
              new ReplyRequest(row.utterance(), row.language(), row.campaign(), null));
      outcomes.add(new Outcome(row, result.label(), result.confidence()));
    }
    return new Report(outcomes, rows.problems());
  }

  /**
   * Prints the evaluation of a TSV file.
   *
   * @param args {@code EVAL.tsv [--training EXTRA.tsv]}
   */
  public static void main(String[] args) throws IOException {
    Path eval = null;
    Path training = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--training") && i + 1 < args.length) {
        training = Path.of(args[++i]);
      } else if (eval == null && !args[i].startsWith("--")) {
        eval = Path.of(args[i]);
      } else {
        usage();
        return;
      }
    }
    if (eval == null) {
      usage();
      return;
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ReplyClassifier classifier =
        new HybridReplyClassifier(
            new IntentProperties(0.5, training, null), Clock.systemDefaultZone());
    Report report = evaluate(classifier, TrainingExamples.fromFile(eval));
    report.print(out);
  }

  private static void usage() {
    System.err.println("usage: IntentEvaluation EVAL.tsv [--training EXTRA.tsv]");
    System.exit(2);
  }
}

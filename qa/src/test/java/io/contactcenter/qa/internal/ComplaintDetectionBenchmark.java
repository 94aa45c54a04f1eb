package io.contactcenter.qa.internal;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.ReplyRequest;
import io.contactcenter.qa.Channel;
import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.RuleDefinition;
import io.contactcenter.qa.RuleKind;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import io.contactcenter.qa.internal.domain.ComplaintDetector;
import io.contactcenter.qa.internal.domain.ComplaintModel;
import io.contactcenter.qa.internal.domain.Scorer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Complaint detection measured on a hand-labelled set of customer utterances ({@code
 * complaints/utterances.tsv}, zh and en): precision and recall of the COMPLAINT rule with phrases
 * alone, with the speech module's reply classifier alone, with QA's own complaint model alone (ADR
 * 0028), and all together (what QA runs). Both thresholds are chosen on the "tune" rows (best F1,
 * ties to the higher threshold; the classifier's first) and then measured once on the "heldout"
 * rows. The classifier is the real one, trained from its built-in examples. Prints and writes
 * {@code qa/target/complaint-benchmark.txt}. Not part of the test suite: {@code ./mvnw -o -q test
 * -pl qa -am -Dtest=ComplaintDetectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; see
 * docs/benchmarks.md.
 */
class ComplaintDetectionBenchmark {

  private record Row(String split, String lang, boolean complaint, String text) {}

  private static final QaRule COMPLAINT =
      new QaRule(
          UUID.randomUUID(),
          new RuleDefinition(
              "Complaint",
              RuleKind.COMPLAINT,
              "signals",
              0,
              false,
              null,
              List.of(),
              null,
              null,
              null,
              null,
              null,
              null),
          Instant.EPOCH);

  @Test
  void precisionAndRecallOnTheLabelledUtterances() throws Exception {
    List<Row> rows = rows();
    StringBuilder out = new StringBuilder();
    try (var context = new AnnotationConfigApplicationContext()) {
      context.scan("io.contactcenter.asrtts.internal.intent");
      context.refresh();
      ReplyClassifier classifier = context.getBean(ReplyClassifier.class);

      List<Row> tune = rows.stream().filter(r -> r.split().equals("tune")).toList();
      List<Row> heldout = rows.stream().filter(r -> r.split().equals("heldout")).toList();
      double best = 0.5;
      double bestF1 = -1;
      out.append("tune (").append(tune.size()).append(" utterances), phrases + classifier:\n");
      for (int i = 1; i <= 9; i++) {
        double threshold = i / 10.0;
        double[] m = measure(tune, new ClassifierComplaints(classifier, threshold), true);
        out.append(
            String.format(
                Locale.ROOT,
                "  threshold %.1f: precision %.2f recall %.2f F1 %.2f%n",
                threshold,
                m[0],
                m[1],
                m[2]));
        if (m[2] >= bestF1) {
          bestF1 = m[2];
          best = threshold;
        }
      }
      out.append(String.format(Locale.ROOT, "chosen threshold %.1f%n", best));
      ComplaintDetector replyOnly = new ClassifierComplaints(classifier, best);
      // QA's own model (ADR 0028), trained on its rows; its threshold is tuned with the reply
      // classifier's fixed at the one chosen above.
      ComplaintModel model = ComplaintTraining.model();
      double bestModel = 0.5;
      double bestModelF1 = -1;
      out.append("tune, phrases + classifier + QA model:\n");
      for (int i = 1; i <= 9; i++) {
        double threshold = i / 10.0;
        double[] m =
            measure(tune, new ClassifierComplaints(classifier, best, model, threshold), true);
        out.append(
            String.format(
                Locale.ROOT,
                "  model threshold %.1f: precision %.2f recall %.2f F1 %.2f%n",
                threshold,
                m[0],
                m[1],
                m[2]));
        if (m[2] >= bestModelF1) {
          bestModelF1 = m[2];
          bestModel = threshold;
        }
      }
      out.append(String.format(Locale.ROOT, "chosen model threshold %.1f%n", bestModel));
      double modelThreshold = bestModel;
      ComplaintDetector modelOnly = (text, language) -> model.probability(text) >= modelThreshold;
      ComplaintDetector chosen = new ClassifierComplaints(classifier, best, model, bestModel);
      for (String lang : List.of("en", "zh", "both")) {
        List<Row> set =
            heldout.stream().filter(r -> lang.equals("both") || r.lang().equals(lang)).toList();
        out.append("heldout ").append(lang).append(" (").append(set.size()).append("):\n");
        line(out, "phrases alone", measure(set, ComplaintDetector.NONE, true));
        line(out, "classifier alone", measure(set, replyOnly, false));
        line(out, "QA model alone", measure(set, modelOnly, false));
        line(out, "phrases + classifier", measure(set, replyOnly, true));
        line(out, "phrases + both", measure(set, chosen, true));
      }
      // What the classifier says about each held-out miss or false alarm, for the record.
      out.append("heldout errors of phrases + classifier:\n");
      for (Row r : heldout) {
        boolean found = detected(r, chosen, true);
        if (found != r.complaint()) {
          double p =
              classifier.classify(ReplyRequest.of(r.text())).scores().get(IntentLabel.COMPLAINT);
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %s %s p(complaint)=%.2f model %.2f: %s%n",
                  r.complaint() ? "missed" : "false alarm",
                  r.lang(),
                  p,
                  model.probability(r.text()),
                  r.text()));
        }
      }
    }
    System.out.print(out);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.writeString(target.resolve("complaint-benchmark.txt"), out.toString());
    }
  }

  private static void line(StringBuilder out, String name, double[] m) {
    out.append(
        String.format(
            Locale.ROOT,
            "  %-22s precision %.2f recall %.2f F1 %.2f%n",
            name + ":",
            m[0],
            m[1],
            m[2]));
  }

  /** Precision, recall, F1 of the COMPLAINT rule on single utterances. */
  private static double[] measure(List<Row> rows, ComplaintDetector detector, boolean phrases) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (Row r : rows) {
      boolean found = detected(r, detector, phrases);
      if (found && r.complaint()) {
        tp++;
      } else if (found) {
        fp++;
      } else if (r.complaint()) {
        fn++;
      }
    }
    double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new double[] {precision, recall, f1};
  }

  private static boolean detected(Row r, ComplaintDetector detector, boolean phrases) {
    if (!phrases) {
      return detector.isComplaint(r.text(), r.lang());
    }
    return Scorer.score(List.of(COMPLAINT), r.lang(), Channel.CHAT, words(r), 1000, detector)
        .hits()
        .stream()
        .anyMatch(h -> !h.passed());
  }

  /** The utterance as a chat message of the customer's. */
  private static List<TranscriptWord> words(Row r) {
    return List.of(new TranscriptWord(r.text(), 0, 0, 1.0, Speaker.CUSTOMER));
  }

  private static List<Row> rows() throws Exception {
    List<Row> rows = new ArrayList<>();
    try (var in =
        new BufferedReader(
            new InputStreamReader(
                ComplaintDetectionBenchmark.class.getResourceAsStream("/complaints/utterances.tsv"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        rows.add(new Row(f[0], f[1], f[2].equals("1"), f[3]));
      }
    }
    return rows;
  }
}

package io.contactcenter.asrtts.internal.intent;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.asrtts.ReplyRequest;
import io.contactcenter.common.CampaignType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads labelled replies from a tab-separated file: {@code lang, campaign, label, utterance} per
 * line, {@code #} starts a comment line, blank lines are skipped. The same shape as the evaluation
 * sets, so ops can move a misclassified reply from a report into the training file.
 *
 * <p>A bad row is reported with its line number and reason and skipped; every good row is kept.
 *
 * @param source where the rows came from, for messages
 * @param examples the good rows, in file order
 * @param problems the bad rows
 */
record TrainingExamples(String source, List<Example> examples, List<Problem> problems) {

  /** The classpath resource every classifier trains on. */
  static final String DEFAULT_RESOURCE = "intents/training.tsv";

  /** One labelled reply. */
  record Example(
      ReplyLanguage language, CampaignType campaign, IntentLabel label, String utterance) {}

  /** A row that was skipped. */
  record Problem(int line, String reason) {
    @Override
    public String toString() {
      return "line " + line + ": " + reason;
    }
  }

  TrainingExamples {
    examples = List.copyOf(examples);
    problems = List.copyOf(problems);
  }

  /** Reads the default training rows from the classpath. */
  static TrainingExamples fromClasspath() {
    InputStream in = TrainingExamples.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read("classpath:" + DEFAULT_RESOURCE, reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath:" + DEFAULT_RESOURCE, e);
    }
  }

  /** Reads training rows from a UTF-8 file. */
  static TrainingExamples fromFile(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.toString(), reader);
    }
  }

  /** Reads training rows; {@code source} names them in problems. */
  static TrainingExamples read(String source, Reader reader) throws IOException {
    List<Example> examples = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t", -1);
      if (columns.length != 4) {
        problems.add(
            new Problem(
                number,
                "expected 4 tab-separated columns (lang, campaign, label, utterance), found "
                    + columns.length));
        continue;
      }
      try {
        String utterance = columns[3].strip();
        if (utterance.isEmpty()) {
          throw new IllegalArgumentException("utterance is empty");
        }
        if (utterance.length() > ReplyRequest.MAX_LENGTH) {
          throw new IllegalArgumentException(
              "utterance is longer than " + ReplyRequest.MAX_LENGTH + " characters");
        }
        examples.add(
            new Example(
                ReplyLanguage.fromCode(columns[0].strip()),
                CampaignType.fromCode(columns[1].strip()),
                IntentLabel.fromCode(columns[2].strip()),
                utterance));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(number, e.getMessage()));
      }
    }
    return new TrainingExamples(source, examples, problems);
  }

  /** These rows followed by {@code more}'s. */
  TrainingExamples plus(TrainingExamples more) {
    List<Example> all = new ArrayList<>(examples);
    all.addAll(more.examples);
    List<Problem> allProblems = new ArrayList<>(problems);
    allProblems.addAll(more.problems);
    return new TrainingExamples(source + " + " + more.source, all, allProblems);
  }
}

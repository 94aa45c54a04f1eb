package io.contactcenter.onlinechat.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The public 150-intent set with out-of-scope questions (CLINC150, clinc/oos-eval, CC-BY-3.0), in
 * DialoGLUE's CSV form ({@code text,category}, categories numbered, {@value #OUT_OF_SCOPE} the
 * out-of-scope questions), read from a directory outside the repository: the set is not committed
 * (its licence asks for attribution, and it is 1.3 MB). {@code train-clean.csv} holds 150 intents x
 * 100 questions and 250 out-of-scope ones, {@code test-clean.csv} 150 x 30 and 1,000; a copy
 * holding other counts stops the run rather than measuring on part of the set.
 */
final class Clinc150 {

  /** The category of the out-of-scope questions. */
  static final String OUT_OF_SCOPE = "42";

  static final int INTENTS = 150;

  /** What one file should hold: questions per intent and out-of-scope questions. */
  record Expected(String file, int perIntent, int outOfScope) {}

  static final Expected TRAIN = new Expected("train-clean.csv", 100, 250);
  static final Expected TEST = new Expected("test-clean.csv", 30, 1_000);

  private Clinc150() {}

  /**
   * The rows of one file, parsed as the FAQ import parses CSV ({@link CsvRows}).
   *
   * @throws IllegalStateException naming what is missing or wrong
   */
  static List<PublicIntentSet.Row> read(Path dir, Expected expected) throws IOException {
    Path file = dir.resolve(expected.file());
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no " + file + " (see docs/benchmarks.md)");
    }
    List<List<String>> cells = CsvRows.parse(Files.readString(file, StandardCharsets.UTF_8));
    if (cells.isEmpty() || !cells.get(0).equals(List.of("text", "category"))) {
      throw new IllegalStateException(file + ": the first line is not the header text,category");
    }
    List<PublicIntentSet.Row> rows = new ArrayList<>();
    for (int i = 1; i < cells.size(); i++) {
      List<String> row = cells.get(i);
      if (row.size() != 2 || row.get(0).isBlank() || !row.get(1).strip().matches("\\d+")) {
        throw new IllegalStateException(file + " row " + i + " is not text,number: " + row);
      }
      rows.add(
          new PublicIntentSet.Row(row.get(0).replaceAll("\\s+", " ").strip(), row.get(1).strip()));
    }
    Map<String, Integer> counts = PublicIntentSet.counts(rows);
    int outOfScope = counts.getOrDefault(OUT_OF_SCOPE, 0);
    long intents = counts.keySet().stream().filter(c -> !c.equals(OUT_OF_SCOPE)).count();
    List<String> uneven =
        counts.entrySet().stream()
            .filter(e -> !e.getKey().equals(OUT_OF_SCOPE) && e.getValue() != expected.perIntent())
            .map(e -> e.getKey() + " " + e.getValue())
            .toList();
    if (intents != INTENTS || outOfScope != expected.outOfScope() || !uneven.isEmpty()) {
      throw new IllegalStateException(
          String.format(
              "%s: %d intents (expected %d), %d out-of-scope rows (expected %d), intents without"
                  + " %d rows: %s",
              file,
              intents,
              INTENTS,
              outOfScope,
              expected.outOfScope(),
              expected.perIntent(),
              uneven));
    }
    return rows;
  }

  static boolean inScope(PublicIntentSet.Row row) {
    return !row.category().equals(OUT_OF_SCOPE);
  }

  /** The id of the out-of-scope entry {@link #faqCsv} writes. */
  static final String OUT_OF_SCOPE_ENTRY = "out-of-scope";

  /**
   * The rows as an FAQ import file ({@code faq_id,question,example,answer,lang,kind}): one FAQ per
   * in-scope intent, its id the intent's number; the out-of-scope rows, if any, as one entry of
   * kind {@value FaqImport#OUT_OF_SCOPE} ({@value #OUT_OF_SCOPE_ENTRY}, no answer: ADR 0061). The
   * categories are bare numbers, so unlike {@link PublicIntentSet#faqCsv} an entry's question is
   * its first example (a number as a question would be one more text the bot matches against);
   * every row is one example.
   */
  static String faqCsv(List<PublicIntentSet.Row> rows) {
    StringBuilder csv = new StringBuilder("faq_id,question,example,answer,lang,kind\n");
    Set<String> seen = new LinkedHashSet<>();
    for (PublicIntentSet.Row row : rows) {
      boolean outOfScope = !inScope(row);
      String id = outOfScope ? OUT_OF_SCOPE_ENTRY : row.category();
      boolean first = seen.add(id);
      csv.append(id)
          .append(',')
          .append(first ? cell(row.text()) : "")
          .append(',')
          .append(cell(row.text()))
          .append(',')
          .append(
              first && !outOfScope
                  ? "(Placeholder answer of the intent " + row.category() + ")"
                  : "")
          .append(",en,")
          .append(outOfScope ? FaqImport.OUT_OF_SCOPE : FaqImport.FAQ)
          .append('\n');
    }
    return csv.toString();
  }

  private static String cell(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}

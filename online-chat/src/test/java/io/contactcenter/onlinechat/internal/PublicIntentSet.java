package io.contactcenter.onlinechat.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The public 77-intent banking set (BANKING77, PolyAI, CC-BY-4.0; {@code banking_data/train.csv}
 * and {@code test.csv} of github.com/PolyAI-LDN/task-specific-datasets), read from a directory
 * outside the repository: the set is not committed (its licence asks for attribution, and it is 1
 * MB). Each file is either whole ({@code train.csv}, {@code test.csv}) or in numbered pieces
 * ({@code train/chunk-00.txt} … as it was copied to the offline machine), which are put together in
 * order; a missing piece stops the run rather than measuring on part of the set.
 *
 * <p>Lines are {@code text,category}. The category is what follows the last comma (category names
 * hold no comma); texts holding commas are quoted in one copy and not in the other, so surrounding
 * quotes are stripped and doubled quotes undone.
 */
final class PublicIntentSet {

  /** One labelled question. */
  record Row(String text, String category) {}

  /**
   * What one file should hold, to tell a whole copy from a cut one: its rows (a copy's size in
   * characters may differ from the public file's, which ends lines with CR LF and quotes every text
   * holding a comma).
   */
  record Expected(String name, int pieces, int rows) {}

  static final Expected TRAIN = new Expected("train", 53, 10_003);
  static final Expected TEST = new Expected("test", 15, 3_080);

  static final int CATEGORIES = 77;

  private PublicIntentSet() {}

  /**
   * The rows of one file.
   *
   * @param partial while the copy is still arriving: the leading pieces present, the last line cut
   *     off (a piece may end inside one), and no whole-set checks; never for reported figures
   * @throws IllegalStateException naming what is missing or wrong
   */
  static List<Row> read(Path dir, Expected file, boolean partial) throws IOException {
    String text = assemble(dir, file, partial);
    List<Row> rows = parse(text, file.name());
    if (partial) {
      return rows;
    }
    Map<String, Integer> counts = counts(rows);
    if (counts.size() != CATEGORIES) {
      throw new IllegalStateException(
          file.name() + ": " + counts.size() + " categories, expected " + CATEGORIES);
    }
    if (rows.size() != file.rows()) {
      throw new IllegalStateException(
          file.name() + ": " + rows.size() + " rows, the public file has " + file.rows());
    }
    return rows;
  }

  /** The file's text: {@code <name>.csv}, or its pieces put together in order. */
  static String assemble(Path dir, Expected file, boolean partial) throws IOException {
    Path whole = dir.resolve(file.name() + ".csv");
    if (Files.isRegularFile(whole)) {
      return Files.readString(whole, StandardCharsets.UTF_8);
    }
    StringBuilder text = new StringBuilder();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < file.pieces(); i++) {
      Path piece =
          dir.resolve(file.name()).resolve(String.format(Locale.ROOT, "chunk-%02d.txt", i));
      if (!Files.isRegularFile(piece)) {
        missing.add(piece.getFileName().toString());
        continue;
      }
      if (missing.isEmpty()) {
        text.append(Files.readString(piece, StandardCharsets.UTF_8));
      }
    }
    if (!missing.isEmpty() && !partial) {
      throw new IllegalStateException(
          "neither "
              + whole
              + " nor all pieces of it under "
              + dir.resolve(file.name())
              + ": missing "
              + missing);
    }
    if (!missing.isEmpty()) {
      int lastLine = text.lastIndexOf("\n");
      text.setLength(lastLine + 1);
    }
    return text.toString();
  }

  /**
   * A category name: words joined by underscores ("card_arrival", "Refund_not_showing_up"; one ends
   * in a question mark in the public files, "reverted_card_payment?").
   */
  private static final java.util.regex.Pattern CATEGORY =
      java.util.regex.Pattern.compile("[A-Za-z]+(?:_[A-Za-z]+)+\\??");

  /**
   * Rows after the {@code text,category} header. A few texts hold line breaks (quoted in one copy,
   * not in the other): a line not ending in a comma and a category name goes on to the next.
   * Whitespace inside a text is folded to single spaces.
   */
  static List<Row> parse(String text, String name) {
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).strip().equals("text,category")) {
      throw new IllegalStateException(name + ": the first line is not the header text,category");
    }
    List<Row> rows = new ArrayList<>();
    StringBuilder record = new StringBuilder();
    int from = 0;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (record.isEmpty()) {
        if (line.isBlank()) {
          continue;
        }
        from = i + 1;
      } else {
        record.append('\n');
      }
      record.append(line);
      int comma = line.lastIndexOf(',');
      if (comma < 0 || !CATEGORY.matcher(line.substring(comma + 1).strip()).matches()) {
        continue;
      }
      String whole = record.toString();
      record.setLength(0);
      int last = whole.lastIndexOf(',');
      String category = whole.substring(last + 1).strip();
      String question = whole.substring(0, last).strip();
      if (question.length() >= 2 && question.startsWith("\"") && question.endsWith("\"")) {
        question = question.substring(1, question.length() - 1).replace("\"\"", "\"");
      }
      question = question.replaceAll("\\s+", " ").strip();
      if (question.isEmpty()) {
        throw new IllegalStateException(name + " line " + from + " has no text");
      }
      rows.add(new Row(question, category));
    }
    if (!record.isEmpty()) {
      throw new IllegalStateException(
          name + " line " + from + " ends without a category: " + record);
    }
    return rows;
  }

  /**
   * The test file's categories not holding 40 questions, as "name count" (the public file holds 40
   * of each; a copy may differ).
   */
  static List<String> unevenTestCategories(List<Row> test) {
    return counts(test).entrySet().stream()
        .filter(e -> e.getValue() != 40)
        .map(e -> e.getKey() + " " + e.getValue())
        .toList();
  }

  static Map<String, Integer> counts(List<Row> rows) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    rows.forEach(r -> counts.merge(r.category(), 1, Integer::sum));
    return counts;
  }

  /**
   * The rows as an FAQ import file ({@code faq_id,question,example,answer,lang}): one FAQ per
   * category, its question the category's name made readable ("card_arrival" → "Card arrival"), the
   * first row carrying question and answer, every row one example.
   */
  static String faqCsv(List<Row> train) {
    StringBuilder csv = new StringBuilder("faq_id,question,example,answer,lang\n");
    Set<String> seen = new LinkedHashSet<>();
    for (Row row : train) {
      boolean first = seen.add(row.category());
      csv.append(cell(row.category()))
          .append(',')
          .append(first ? cell(readable(row.category())) : "")
          .append(',')
          .append(cell(row.text()))
          .append(',')
          .append(first ? cell("(Placeholder answer of the intent " + row.category() + ")") : "")
          .append(",en\n");
    }
    return csv.toString();
  }

  /** "card_arrival" → "Card arrival"; "Refund_not_showing_up" → "Refund not showing up". */
  static String readable(String category) {
    String words = category.replace('_', ' ').toLowerCase(Locale.ROOT).strip();
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String cell(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  /**
   * A validation split cut from the train rows: of each category's rows in file order, every {@code
   * every}-th (the last of each run of {@code every}) is held out. Methods are chosen on it; the
   * test file is never used to choose anything.
   */
  record Split(List<Row> fit, List<Row> validation) {}

  static Split validation(List<Row> train, int every) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    List<Row> fit = new ArrayList<>();
    List<Row> validation = new ArrayList<>();
    for (Row row : train) {
      int n = seen.merge(row.category(), 1, Integer::sum);
      (n % every == 0 ? validation : fit).add(row);
    }
    return new Split(fit, validation);
  }
}

package io.contactcenter.campaigns.internal.contacts;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An RFC 4180 reader that hands out one record at a time and survives bad rows. Apache Commons CSV
 * reads the records; this class feeds it the file line by line, so that a record it cannot read
 * costs only that record.
 *
 * <p>Fields may be quoted; inside quotes a doubled quote is a quote and line breaks are data. A
 * quote inside an unquoted field is kept as a character, as spreadsheets do. Records end at CRLF,
 * LF or a lone CR. The separator is a comma, or a tab or semicolon when the first non-blank line
 * has those and no comma.
 *
 * <p>A broken quote would otherwise swallow the rest of the file. So a quoted field that reaches
 * the end of the file, runs on for more than {@value #MAX_QUOTED_CHARS} characters of following
 * lines, or is followed by text other than spaces before the next separator ends its record as
 * {@link Malformed}; so does a record that spans lines through a quoted field and then has the
 * wrong number of columns (the quote that "closed" it was the next row's opening quote). Reading
 * then resumes at the line after the one the bad record started on, so every following row is read
 * as if the broken one were not there. Memory is bounded by {@value #MAX_RECORD_CHARS} characters
 * per record, whatever the file size.
 *
 * <p>Not thread-safe: one per file.
 */
final class CsvRecordReader {

  static final int MAX_QUOTED_CHARS = 10_000;
  static final int MAX_RECORD_CHARS = 100_000;

  private static final int SNIFF_CHARS = 64 * 1024;

  /** A record of the file; its row number counts every record before it, blank ones included. */
  sealed interface CsvRecord permits Fields, Malformed {
    int rowNumber();
  }

  /** A well-formed record: the cells as written, unquoted, not trimmed. */
  record Fields(int rowNumber, List<String> cells) implements CsvRecord {

    boolean isBlank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  /**
   * A record that could not be read; {@code column} is the 0-based column where the problem is, or
   * -1 for the record as a whole.
   */
  record Malformed(int rowNumber, Problem problem, int column) implements CsvRecord {}

  enum Problem {
    UNTERMINATED_QUOTE,
    TEXT_AFTER_CLOSING_QUOTE,
    TOO_LONG
  }

  private final CsvLines lines;
  private final char separator;
  private final CSVFormat format;
  private CSVParser parser;
  private Iterator<CSVRecord> records;
  private int rowNumber;
  private int expectedColumns;

  private CsvRecordReader(CsvLines lines, char separator) throws IOException {
    this.lines = lines;
    this.separator = separator;
    // RFC 4180 as spreadsheets write it; blank lines are records too, so row numbers match the
    // spreadsheet's (the caller skips them).
    this.format =
        CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
    restart();
  }

  /** A reader over {@code reader}, with the separator chosen from the first non-blank line. */
  static CsvRecordReader open(Reader reader) throws IOException {
    CsvLines lines = new CsvLines(reader);
    List<CsvLines.Line> head = new ArrayList<>();
    String firstLine = "";
    int read = 0;
    while (read < SNIFF_CHARS) {
      CsvLines.Line line = lines.nextLine();
      if (line == null) {
        break;
      }
      head.add(line);
      String content = line.content();
      firstLine = content.substring(0, Math.min(content.length(), SNIFF_CHARS - read));
      read += line.text().length();
      if (!content.isBlank()) {
        break;
      }
    }
    lines.unread(head);
    return new CsvRecordReader(lines, separatorOf(firstLine));
  }

  static char separatorOf(String headerLine) {
    if (headerLine.indexOf(',') >= 0) {
      return ',';
    }
    if (headerLine.indexOf('\t') >= 0) {
      return '\t';
    }
    if (headerLine.indexOf(';') >= 0) {
      return ';';
    }
    return ',';
  }

  /**
   * Whether a record with these cells fits a header of {@code columns} columns. Extra cells that
   * are empty are tolerated: spreadsheets write trailing separators for columns that are empty.
   */
  static boolean fits(List<String> cells, int columns) {
    if (cells.size() < columns) {
      return false;
    }
    for (int i = columns; i < cells.size(); i++) {
      if (!cells.get(i).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  char separator() {
    return separator;
  }

  /** Tells the reader how many columns the header has, to spot quotes that close too late. */
  void expectColumns(int columns) {
    this.expectedColumns = columns;
  }

  /** The next record, or null at the end of the file. */
  CsvRecord next() throws IOException {
    long linesBefore = parser.getCurrentLineNumber();
    CSVRecord record;
    try {
      if (!records.hasNext()) {
        return null;
      }
      record = records.next();
    } catch (UncheckedIOException e) {
      return unreadable(e.getCause());
    }
    int row = ++rowNumber;
    int spanned = (int) (parser.getCurrentLineNumber() - linesBefore);
    List<String> cells = record.toList();
    if (spanned > 1 && expectedColumns > 0 && !fits(cells, expectedColumns)) {
      return skip(new Malformed(row, Problem.UNTERMINATED_QUOTE, firstWithLineBreak(cells)), null);
    }
    if (lines.chars(spanned) > MAX_RECORD_CHARS) {
      return skip(new Malformed(row, Problem.TOO_LONG, -1), null);
    }
    lines.consumed(spanned);
    return new Fields(row, cells);
  }

  /** The record Commons CSV could not read, or that grew past the limits while it read it. */
  private Malformed unreadable(IOException cause) throws IOException {
    int row = ++rowNumber;
    return switch (cause) {
      case CsvLines.TooLong tooLong when lines.inRecord() ->
          skip(diagnose(row, lines.recordText(), Problem.UNTERMINATED_QUOTE), tooLong.line());
      case CsvLines.TooLong tooLong -> skip(new Malformed(row, Problem.TOO_LONG, -1), null);
      case CSVException malformed -> skip(diagnose(row, lines.recordText(), null), null);
      default -> throw cause;
    };
  }

  /**
   * Drops the bad record: reading goes on at the line after the one it started on, with a parser
   * that starts afresh there (the old one may be mid-record).
   */
  private Malformed skip(Malformed malformed, CsvLines.Line pending) throws IOException {
    lines.abandon(pending);
    restart();
    return malformed;
  }

  private void restart() throws IOException {
    parser = format.parse(lines);
    records = parser.iterator();
  }

  private static int firstWithLineBreak(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i).indexOf('\n') >= 0 || cells.get(i).indexOf('\r') >= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Which quoted field of a record Commons CSV rejected, and why: the first one left open (or open
   * for more than {@value #MAX_QUOTED_CHARS} characters), or followed by text other than spaces.
   * Scans as Commons CSV reads; only the row's error message needs the column.
   *
   * @param problem the problem when it is known, or null to tell it from the text
   */
  private Malformed diagnose(int row, String text, Problem problem) {
    int column = 0;
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '"') {
        int close = closingQuote(text, i + 1);
        if (close < 0 || close - i > MAX_QUOTED_CHARS) {
          return new Malformed(row, Problem.UNTERMINATED_QUOTE, column);
        }
        for (i = close + 1; i < text.length() && !endsField(text.charAt(i)); i++) {
          if (!Character.isWhitespace(text.charAt(i))) {
            return new Malformed(row, Problem.TEXT_AFTER_CLOSING_QUOTE, column);
          }
        }
      } else {
        while (i < text.length() && !endsField(text.charAt(i))) {
          i++;
        }
      }
      if (i >= text.length() || text.charAt(i) != separator) {
        break;
      }
      i++;
      column++;
    }
    return new Malformed(row, problem == null ? Problem.UNTERMINATED_QUOTE : problem, -1);
  }

  private boolean endsField(char c) {
    return c == separator || c == '\n' || c == '\r';
  }

  /** The index of the quote that closes a quoted field whose text starts at {@code from}, or -1. */
  private static int closingQuote(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == '"') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }
}

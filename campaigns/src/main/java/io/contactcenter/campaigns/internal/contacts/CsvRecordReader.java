package io.contactcenter.campaigns.internal.contacts;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader that hands out one record at a time and survives bad rows.
 *
 * <p>Fields may be quoted; inside quotes a doubled quote is a quote and line breaks are data. A
 * quote inside an unquoted field is kept as a character, as spreadsheets do. Records end at CRLF,
 * LF or a lone CR. The separator is a comma, or a tab or semicolon when the first non-blank line
 * has those and no comma.
 *
 * <p>A broken quote would otherwise swallow the rest of the file. So a quoted field that reaches
 * the end of the file, grows past {@value #MAX_QUOTED_CHARS} characters, or is followed by text
 * before the next separator ends its record as {@link Malformed}; so does a record that spans lines
 * through a quoted field and then has the wrong number of columns (the quote that "closed" it was
 * the next row's opening quote). Reading then resumes at the line after the one the bad record
 * started on, so every following row is read as if the broken one were not there. Memory is bounded
 * by {@value #MAX_RECORD_CHARS} characters per record, whatever the file size.
 *
 * <p>Not thread-safe: one per file.
 */
final class CsvRecordReader {

  static final int MAX_QUOTED_CHARS = 10_000;
  static final int MAX_RECORD_CHARS = 100_000;

  private static final int EOF = -1;
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

  private final Chars in;
  private final char separator;
  private final StringBuilder raw = new StringBuilder();
  private int rowNumber;
  private int expectedColumns;

  private CsvRecordReader(Chars in, char separator) {
    this.in = in;
    this.separator = separator;
  }

  /** A reader over {@code reader}, with the separator chosen from the first non-blank line. */
  static CsvRecordReader open(Reader reader) throws IOException {
    Chars chars = new Chars(reader);
    StringBuilder head = new StringBuilder();
    String firstLine = "";
    StringBuilder line = new StringBuilder();
    while (head.length() < SNIFF_CHARS) {
      int c = chars.read();
      if (c == EOF) {
        firstLine = line.toString();
        break;
      }
      head.append((char) c);
      if (c == '\n' || c == '\r') {
        if (!line.toString().isBlank()) {
          firstLine = line.toString();
          break;
        }
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }
    if (firstLine.isEmpty()) {
      firstLine = line.toString();
    }
    chars.unread(head);
    return new CsvRecordReader(chars, separatorOf(firstLine));
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
    if (in.peek() == EOF) {
      return null;
    }
    int row = ++rowNumber;
    raw.setLength(0);
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int multilineQuoteColumn = -1;
    while (true) {
      int column = cells.size();
      int c = take();
      if (c == '"') {
        while (true) {
          c = take();
          if (c == EOF) {
            return malformed(row, Problem.UNTERMINATED_QUOTE, column);
          }
          if (c == '"') {
            int after = in.peek();
            if (after == '"') {
              take();
              cell.append('"');
              continue;
            }
            if (after == separator || after == '\r' || after == '\n' || after == EOF) {
              c = take();
              break;
            }
            return malformed(row, Problem.TEXT_AFTER_CLOSING_QUOTE, column);
          }
          if ((c == '\n' || c == '\r') && multilineQuoteColumn < 0) {
            multilineQuoteColumn = column;
          }
          cell.append((char) c);
          if (cell.length() > MAX_QUOTED_CHARS) {
            return malformed(row, Problem.UNTERMINATED_QUOTE, column);
          }
          if (raw.length() > MAX_RECORD_CHARS) {
            return malformed(row, Problem.TOO_LONG, -1);
          }
        }
      } else {
        while (c != separator && c != '\r' && c != '\n' && c != EOF) {
          cell.append((char) c);
          if (raw.length() > MAX_RECORD_CHARS) {
            return malformed(row, Problem.TOO_LONG, -1);
          }
          c = take();
        }
      }
      cells.add(cell.toString());
      cell.setLength(0);
      if (c != separator) {
        if (c == '\r' && in.peek() == '\n') {
          take();
        }
        break;
      }
    }
    if (multilineQuoteColumn >= 0 && expectedColumns > 0 && !fits(cells, expectedColumns)) {
      return malformed(row, Problem.UNTERMINATED_QUOTE, multilineQuoteColumn);
    }
    return new Fields(row, List.copyOf(cells));
  }

  private int take() throws IOException {
    int c = in.read();
    if (c != EOF) {
      raw.append((char) c);
    }
    return c;
  }

  /** Skips the bad record: reading goes on at the line after the one it started on. */
  private Malformed malformed(int row, Problem problem, int column) throws IOException {
    int lineBreak = firstLineBreak(raw);
    if (lineBreak >= 0) {
      int resume = lineBreak + 1;
      if (raw.charAt(lineBreak) == '\r') {
        if (resume < raw.length() && raw.charAt(resume) == '\n') {
          resume++;
        } else if (resume == raw.length() && in.peek() == '\n') {
          in.read();
        }
      }
      in.unread(raw.substring(resume));
    } else {
      int c = in.read();
      while (c != '\n' && c != '\r' && c != EOF) {
        c = in.read();
      }
      if (c == '\r' && in.peek() == '\n') {
        in.read();
      }
    }
    raw.setLength(0);
    return new Malformed(row, problem, column);
  }

  private static int firstLineBreak(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return -1;
  }

  /** Characters from a reader with one character of look-ahead and push-back of any text. */
  private static final class Chars {

    private static final int NONE = -2;

    private final Reader reader;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private String pushedBack = "";
    private int pushedBackPosition;
    private int peeked = NONE;

    Chars(Reader reader) {
      this.reader = reader;
    }

    int read() throws IOException {
      if (peeked != NONE) {
        int c = peeked;
        peeked = NONE;
        return c;
      }
      return readAhead();
    }

    int peek() throws IOException {
      if (peeked == NONE) {
        peeked = readAhead();
      }
      return peeked;
    }

    /** Puts {@code text} back, to be read again before anything not read yet. */
    void unread(CharSequence text) {
      StringBuilder pending = new StringBuilder(text);
      if (peeked >= 0) {
        pending.append((char) peeked);
      }
      peeked = NONE;
      pending.append(pushedBack, pushedBackPosition, pushedBack.length());
      pushedBack = pending.toString();
      pushedBackPosition = 0;
    }

    private int readAhead() throws IOException {
      if (pushedBackPosition < pushedBack.length()) {
        return pushedBack.charAt(pushedBackPosition++);
      }
      if (position == limit) {
        int n;
        do {
          n = reader.read(buffer);
        } while (n == 0);
        if (n < 0) {
          return EOF;
        }
        position = 0;
        limit = n;
      }
      return buffer[position++];
    }
  }
}

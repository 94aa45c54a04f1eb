package io.contactcenter.campaigns.internal.contacts;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A contact file's physical lines, as Commons CSV reads them: handed out one line at a time, the
 * lines of the record being read remembered until it is done, so that a bad record can be given up
 * and the file read again from its second line. A record that runs on past {@value
 * CsvRecordReader#MAX_QUOTED_CHARS} characters of following lines, or a line longer than {@value
 * CsvRecordReader#MAX_RECORD_CHARS} characters, stops the read with {@link TooLong}: memory stays
 * bounded whatever a broken quote would swallow.
 *
 * <p>Not thread-safe: one per file.
 */
final class CsvLines extends Reader {

  private static final int EOF = -1;

  /**
   * One physical line with its line break (CRLF, LF, CR, or none at the end of the file); {@code
   * overlong} when it had more than {@value CsvRecordReader#MAX_RECORD_CHARS} characters, of which
   * it keeps none.
   */
  record Line(String text, boolean overlong) {

    /** The line without its line break. */
    String content() {
      int end = text.length();
      while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
        end--;
      }
      return text.substring(0, end);
    }
  }

  /** Reading stopped before {@code line} (null: a line too long to start a record with). */
  static final class TooLong extends IOException {
    private final transient Line line;

    TooLong(Line line) {
      super("record too long");
      this.line = line;
    }

    Line line() {
      return line;
    }
  }

  private final Reader in;
  private final char[] buffer = new char[8192];
  private final StringBuilder building = new StringBuilder();
  private final ArrayDeque<Line> pushedBack = new ArrayDeque<>();
  private final List<Line> delivered = new ArrayList<>();
  private int position;
  private int limit;
  private String current = "";
  private int offset;

  CsvLines(Reader in) {
    this.in = in;
  }

  @Override
  public int read(char[] into, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (offset == current.length()) {
      Line line = nextLine();
      if (line == null) {
        return EOF;
      }
      boolean runsOn =
          inRecord()
              && chars(1, delivered.size()) + line.text().length()
                  > CsvRecordReader.MAX_QUOTED_CHARS;
      if (line.overlong() || runsOn) {
        throw new TooLong(line.overlong() && !inRecord() ? null : line);
      }
      delivered.add(line);
      current = line.text();
      offset = 0;
    }
    int n = Math.min(len, current.length() - offset);
    current.getChars(offset, offset + n, into, off);
    offset += n;
    return n;
  }

  /** The next line, or null at the end of the file. */
  Line nextLine() throws IOException {
    if (!pushedBack.isEmpty()) {
      return pushedBack.pollFirst();
    }
    int c = readChar();
    if (c == EOF) {
      return null;
    }
    building.setLength(0);
    boolean overlong = false;
    while (c != EOF && c != '\n' && c != '\r') {
      if (building.length() < CsvRecordReader.MAX_RECORD_CHARS) {
        building.append((char) c);
      } else {
        overlong = true;
      }
      c = readChar();
    }
    if (overlong) {
      building.setLength(0);
    }
    if (c == '\r') {
      building.append('\r');
      if (peekChar() == '\n') {
        building.append((char) readChar());
      }
    } else if (c == '\n') {
      building.append('\n');
    }
    return new Line(building.toString(), overlong);
  }

  /** Puts {@code lines} back, to be read again, in order, before anything not read yet. */
  void unread(List<Line> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      pushedBack.addFirst(lines.get(i));
    }
  }

  /** Whether lines of a record not yet done have been read. */
  boolean inRecord() {
    return !delivered.isEmpty();
  }

  /** The characters of the first {@code count} lines read since the last record was done. */
  int chars(int count) {
    return chars(0, Math.min(count, delivered.size()));
  }

  private int chars(int from, int to) {
    int chars = 0;
    for (int i = from; i < to; i++) {
      chars += delivered.get(i).text().length();
    }
    return chars;
  }

  /** The text of the lines read since the last record was done. */
  String recordText() {
    StringBuilder text = new StringBuilder();
    delivered.forEach(line -> text.append(line.text()));
    return text.toString();
  }

  /** The record of the first {@code count} lines read is done. */
  void consumed(int count) {
    delivered.subList(0, Math.min(count, delivered.size())).clear();
  }

  /**
   * Gives up the record being read: the lines read after its first (and {@code pending}, if any)
   * are read again.
   */
  void abandon(Line pending) {
    List<Line> again =
        delivered.size() > 1
            ? new ArrayList<>(delivered.subList(1, delivered.size()))
            : new ArrayList<>();
    if (pending != null) {
      again.add(pending);
    }
    delivered.clear();
    current = "";
    offset = 0;
    unread(again);
  }

  @Override
  public void close() {
    // The caller owns the stream.
  }

  private int readChar() throws IOException {
    int c = peekChar();
    if (c != EOF) {
      position++;
    }
    return c;
  }

  private int peekChar() throws IOException {
    if (position == limit) {
      int n;
      do {
        n = in.read(buffer);
      } while (n == 0);
      if (n < 0) {
        return EOF;
      }
      position = 0;
      limit = n;
    }
    return buffer[position];
  }
}

package io.contactcenter.common;

import java.util.regex.Pattern;

/**
 * CSV for exports that spreadsheets open safely: injection-safe cells and the UTF-8 byte-order mark
 * Excel needs to read Chinese text.
 */
public final class CsvCells {

  /**
   * Written first: Excel takes a CSV without it for the system's code page (GBK on a Chinese
   * Windows), and every Chinese name comes out garbled.
   */
  public static final char BOM = '\uFEFF';

  /** What makes a spreadsheet run a cell as a formula (OWASP's CSV-injection list). */
  private static final String TRIGGERS = "=+-@\t\r";

  /**
   * A trigger right after a separator (comma, semicolon, tab, pipe) or line break inside a cell,
   * blanks allowed between: where a spreadsheet that splits on another separator than ours, or an
   * importer that ignores quotes, would start a new cell.
   */
  private static final Pattern TRIGGER_AFTER_SEPARATOR =
      Pattern.compile("([,;\\t|\\r\\n][ ]*)([=+\\-@])");

  private CsvCells() {}

  /** One CSV line of these cells, ended by CRLF. */
  public static String row(String... values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(values[i]));
    }
    return line.append("\r\n").toString();
  }

  /**
   * One cell: quoted when it holds a separator (comma, or semicolon and tab used by other locales),
   * quote or line break; an apostrophe before every spot a spreadsheet would run as a formula, at
   * the start ({@code =HYPERLINK(...)} or {@code +1 ...} typed by a customer must stay text: CSV
   * injection) and after a separator inside the cell ({@code x;=1+1}).
   */
  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text = TRIGGER_AFTER_SEPARATOR.matcher(value).replaceAll("$1'$2");
    if (!text.isEmpty() && TRIGGERS.indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",")
        || text.contains(";")
        || text.contains("\t")
        || text.contains("\"")
        || text.contains("\n")
        || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}

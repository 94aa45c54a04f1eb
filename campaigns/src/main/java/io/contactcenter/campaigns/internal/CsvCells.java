package io.contactcenter.campaigns.internal;

/** CSV cells for exports that spreadsheets open safely. */
final class CsvCells {

  private CsvCells() {}

  /**
   * One cell: quoted when it holds a separator, quote or line break; prefixed with an apostrophe
   * when a spreadsheet would run it as a formula (a name such as {@code =HYPERLINK(...)} or {@code
   * +1 ...} typed by a customer must stay text: CSV injection).
   */
  static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}

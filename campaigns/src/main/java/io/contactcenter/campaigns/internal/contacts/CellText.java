package io.contactcenter.campaigns.internal.contacts;

/** Cleaning of cell text: what stays is data, kept verbatim. */
final class CellText {

  static final int MAX_CHARS = 500;

  private CellText() {}

  /**
   * The cell with line breaks made {@code \n}, control characters and byte order marks removed, and
   * surrounding blanks trimmed. Quotes, commas, {@code &}, {@code |} and {@code ${...}} stay: they
   * are data, and only a {@code PhoneNumber} ever reaches a dial string.
   */
  static String clean(String cell) {
    StringBuilder out = null;
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      boolean keep = c == '\n' || (!Character.isISOControl(c) && c != '\uFEFF');
      if (c == '\r') {
        // CRLF and a lone CR inside a quoted cell both become one \n.
        keep = false;
        if (i + 1 >= cell.length() || cell.charAt(i + 1) != '\n') {
          out = copyUpTo(out, cell, i).append('\n');
          continue;
        }
      }
      if (keep) {
        if (out != null) {
          out.append(c);
        }
      } else {
        out = copyUpTo(out, cell, i);
      }
    }
    return (out == null ? cell : out.toString()).strip();
  }

  static int length(String cleaned) {
    return cleaned.codePointCount(0, cleaned.length());
  }

  /** Starts the copy lazily: most cells need no change. */
  private static StringBuilder copyUpTo(StringBuilder out, String cell, int end) {
    return out != null ? out : new StringBuilder(cell.length()).append(cell, 0, end);
  }
}

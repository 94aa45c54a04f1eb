package io.contactcenter.campaigns.internal.contacts;

import io.contactcenter.common.DisplayText;

/** Cleaning of cell text: what stays is data, kept verbatim. */
final class CellText {

  static final int MAX_CHARS = 500;

  private CellText() {}

  /**
   * The cell with line breaks made {@code \n}, control characters, bidi controls, zero-width spaces
   * and byte order marks removed, and surrounding blanks trimmed. Quotes, commas, {@code &}, {@code
   * |} and {@code ${...}} stay: they are data, and only a {@code PhoneNumber} ever reaches a dial
   * string.
   */
  static String clean(String cell) {
    StringBuilder out = null;
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      // Bidi controls (a right-to-left override in a name) would make the name read otherwise
      // wherever it is shown; zero-width spaces would make two names look alike.
      boolean keep =
          c == '\n'
              || (!Character.isISOControl(c)
                  && c != '\uFEFF'
                  && c != '\u200B'
                  && c != '\u2060'
                  && !DisplayText.isBidiControl(c));
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

package io.contactcenter.common;

/**
 * Text from outside (a contact's name from a CSV, a caller's words) made safe to show to people.
 *
 * <p>Bidirectional controls such as RIGHT-TO-LEFT OVERRIDE (U+202E) reorder what follows them on
 * screen, so {@code "Bob\u202Egnp.exe"} reads as {@code "Bobexe.png"}; they are removed, as are the
 * other invisible format characters that make two different names look alike. Letters of every
 * script, Chinese included, stay as they are.
 */
public final class DisplayText {

  private DisplayText() {}

  /**
   * The text without bidi controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) and
   * without control characters other than line breaks and tabs, zero-width spaces, word joiners and
   * byte order marks. Null stays null.
   */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isHidden(c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** Whether the character changes text direction without being seen. */
  public static boolean isBidiControl(char c) {
    return c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static boolean isHidden(char c) {
    if (isBidiControl(c)) {
      return true;
    }
    if (c == '\n' || c == '\t') {
      return false;
    }
    // Zero-width space, word joiner and BOM hide between letters; the zero-width (non-)joiners
    // U+200C/U+200D stay: Persian and Indic names and emoji sequences need them.
    return Character.isISOControl(c) || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
  }
}

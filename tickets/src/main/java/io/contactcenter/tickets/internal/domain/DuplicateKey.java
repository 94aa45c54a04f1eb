package io.contactcenter.tickets.internal.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What makes two subjects "the same" for duplicate detection: case, width (full-width Chinese
 * punctuation and letters), punctuation and spacing do not matter.
 */
public final class DuplicateKey {

  private DuplicateKey() {}

  /**
   * The subject's comparison key, e.g. "Broken parcel!" and "broken parcel" give "brokenparcel".
   */
  public static String of(String subject) {
    String folded = Normalizer.normalize(subject, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
    return out.toString();
  }
}

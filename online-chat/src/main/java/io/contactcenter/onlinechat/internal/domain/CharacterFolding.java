package io.contactcenter.onlinechat.internal.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * Characters folded to one form before matching, such as traditional Chinese to simplified (退貨 →
 * 退货), read from lines of two-character words {@code fromto} ({@code #} starts a comment). One
 * character to one character, so a folded text keeps its length. Immutable and thread-safe.
 */
public final class CharacterFolding {

  /** No folding: every text stays as it is. */
  public static final CharacterFolding NONE = new CharacterFolding(Map.of());

  private final Map<Integer, Integer> folds;

  private CharacterFolding(Map<Integer, Integer> folds) {
    this.folds = folds;
  }

  /**
   * The folding in {@code text}.
   *
   * @throws IllegalArgumentException naming the line of a word that is not two characters, or of a
   *     character folded two ways
   */
  public static CharacterFolding parse(String text) {
    Map<Integer, Integer> folds = new HashMap<>();
    String[] lines = text.split("\r?\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      int hash = line.indexOf('#');
      line = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (line.isEmpty()) {
        continue;
      }
      for (String pair : line.split("\\s+")) {
        int[] cps = pair.codePoints().toArray();
        if (cps.length != 2) {
          throw new IllegalArgumentException(
              "folding line " + (n + 1) + ": '" + pair + "' is not two characters");
        }
        Integer before = folds.put(cps[0], cps[1]);
        if (before != null && before != cps[1]) {
          throw new IllegalArgumentException(
              "folding line " + (n + 1) + ": '" + pair.substring(0, 1) + "' is folded two ways");
        }
      }
    }
    return new CharacterFolding(Map.copyOf(folds));
  }

  /** {@code text} with every folded character replaced. */
  public String fold(String text) {
    if (folds.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> out.appendCodePoint(folds.getOrDefault(cp, cp)));
    return out.toString();
  }

  /** A tokenizer that folds the text before {@code words} sees it. */
  public Tokenizer before(Tokenizer words) {
    return text -> words.terms(fold(text));
  }

  /** An encoder that folds the text before {@code encoder} sees it. */
  public SentenceEncoder before(SentenceEncoder encoder) {
    return text -> encoder.encode(fold(text));
  }
}

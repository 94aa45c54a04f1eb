package io.contactcenter.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks numbers a customer speaks or types in a conversation: phone numbers ({@code 13800138000},
 * {@code +8613800138000}), ID-card-like and bank-card-like digit strings. A number is a run of
 * seven or more digits, written as digits ({@code 138 0013 8000}, {@code 138-0013-8000}), as
 * English digit words the recognizer heard ({@code one three eight ...}) or as Chinese digit
 * characters ({@code 一三八...}), possibly spread over several recognized words. All digits but the
 * last four are replaced by {@code *}; a digit word becomes one {@code *}. Shorter runs (prices,
 * extensions, times) stay readable.
 */
public final class SpokenNumbers {

  /** Digits in a run before it counts as a number worth masking. */
  public static final int MASKED_RUN = 7;

  /** Digits kept visible at the end of a masked run. */
  public static final int KEPT_TAIL = 4;

  private static final Set<String> ENGLISH_DIGITS =
      Set.of("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

  private static final String CHINESE_DIGITS = "零〇一二三四五六七八九幺两";

  // A piece is a run of ASCII digits, a run of letters, one Chinese digit, or any other character.
  private static final Pattern PIECE =
      Pattern.compile("[0-9]+|\\p{IsLatin}+|[" + CHINESE_DIGITS + "]|.", Pattern.DOTALL);

  private SpokenNumbers() {}

  /** The text with every number in it masked; null stays null. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    return maskWords(List.of(text)).get(0);
  }

  /**
   * The words, in order, with every number masked, including numbers whose digits are spread over
   * several consecutive words ({@code "one", "three", "8", ...}). Same size and order as the input;
   * null words stay null.
   */
  public static List<String> maskWords(List<String> words) {
    List<Piece> pieces = new ArrayList<>();
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w);
      if (word == null) {
        continue;
      }
      if (w > 0 && !pieces.isEmpty()) {
        pieces.add(new Piece(-1, " ", Kind.SEPARATOR)); // a word boundary joins a run
      }
      Matcher m = PIECE.matcher(word);
      while (m.find()) {
        pieces.add(new Piece(w, m.group(), kindOf(m.group())));
      }
    }
    maskRuns(pieces);
    StringBuilder[] out = new StringBuilder[words.size()];
    for (Piece p : pieces) {
      if (p.word >= 0) {
        if (out[p.word] == null) {
          out[p.word] = new StringBuilder();
        }
        out[p.word].append(p.text);
      }
    }
    List<String> masked = new ArrayList<>(words.size());
    for (int w = 0; w < words.size(); w++) {
      masked.add(words.get(w) == null ? null : out[w] == null ? "" : out[w].toString());
    }
    return masked;
  }

  private static void maskRuns(List<Piece> pieces) {
    int i = 0;
    while (i < pieces.size()) {
      if (pieces.get(i).kind == Kind.OTHER || pieces.get(i).kind == Kind.SEPARATOR) {
        i++;
        continue;
      }
      // A run: digit pieces with at most separators between them.
      int lastDigit = i;
      int digits = 0;
      int j = i;
      while (j < pieces.size()) {
        Piece p = pieces.get(j);
        if (p.kind == Kind.DIGITS || p.kind == Kind.DIGIT_WORD) {
          digits += p.digits();
          lastDigit = j;
        } else if (p.kind != Kind.SEPARATOR) {
          break;
        }
        j++;
      }
      if (digits >= MASKED_RUN) {
        int keep = KEPT_TAIL;
        for (int k = lastDigit; k >= i; k--) {
          Piece p = pieces.get(k);
          if (p.kind == Kind.DIGIT_WORD) {
            if (keep > 0) {
              keep--;
            } else {
              p.text = "*";
            }
          } else if (p.kind == Kind.DIGITS) {
            char[] c = p.text.toCharArray();
            for (int d = c.length - 1; d >= 0; d--) {
              if (keep > 0) {
                keep--;
              } else {
                c[d] = '*';
              }
            }
            p.text = new String(c);
          }
        }
      }
      i = lastDigit + 1;
    }
  }

  private static Kind kindOf(String piece) {
    char first = piece.charAt(0);
    if (first >= '0' && first <= '9') {
      return Kind.DIGITS;
    }
    if (piece.length() == 1 && CHINESE_DIGITS.indexOf(first) >= 0) {
      return Kind.DIGIT_WORD;
    }
    if (ENGLISH_DIGITS.contains(piece.toLowerCase(Locale.ROOT))) {
      return Kind.DIGIT_WORD;
    }
    if (piece.length() == 1 && (Character.isWhitespace(first) || first == '-')) {
      return Kind.SEPARATOR;
    }
    return Kind.OTHER;
  }

  private enum Kind {
    DIGITS,
    DIGIT_WORD,
    SEPARATOR,
    OTHER
  }

  private static final class Piece {
    final int word;
    String text;
    final Kind kind;

    Piece(int word, String text, Kind kind) {
      this.word = word;
      this.text = text;
      this.kind = kind;
    }

    int digits() {
      return kind == Kind.DIGITS ? text.length() : 1;
    }
  }
}

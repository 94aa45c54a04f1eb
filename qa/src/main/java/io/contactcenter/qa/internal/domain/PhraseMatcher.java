package io.contactcenter.qa.internal.domain;

import io.contactcenter.qa.TranscriptWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds phrases in recognized speech, tolerant to recognition errors: a passage matches when its
 * characters are within an edit distance of the phrase (similarity = 1 - distance / longer length).
 * Chinese is compared character by character (Vosk's Chinese words are split into characters, so a
 * different word segmentation does not matter); other scripts word by word.
 */
public final class PhraseMatcher {

  private PhraseMatcher() {}

  /** A unit of comparison: a Latin word, or one CJK character with its word's timing. */
  public record Unit(String text, long startMs, long endMs) {}

  /**
   * A passage that matched a phrase.
   *
   * @param from the first unit's index
   * @param to one past the last unit's index
   */
  public record Match(
      int from, int to, long startMs, long endMs, String heard, double similarity) {}

  /** The words as units. */
  public static List<Unit> units(List<TranscriptWord> words) {
    List<Unit> units = new ArrayList<>();
    for (TranscriptWord w : words) {
      for (String text : split(w.word())) {
        units.add(new Unit(text, w.startMs(), w.endMs()));
      }
    }
    return units;
  }

  /** Every non-overlapping passage matching the phrase, by time. */
  public static List<Match> find(List<Unit> units, String phrase, double minSimilarity) {
    return new Passages(units).find(phrase, minSimilarity);
  }

  /**
   * The units of one conversation joined once into one text, so many phrases are matched against it
   * cheaply: one pass over the text per phrase gives, for every character, the least distance of
   * the phrase to any stretch ending there ({@link BitPattern#nearestEndingAt}); a window (a
   * passage of n-1..n+1 whole units) is compared in full only when that bound and its length allow
   * a match. Not thread-safe.
   */
  public static final class Passages {
    private final List<Unit> units;
    // The whole text, and where each unit starts and ends in it (lazily).
    private String all;
    private int[] starts;
    private int[] ends;

    public Passages(List<Unit> units) {
      this.units = List.copyOf(units);
    }

    /** Joins every unit as {@link #join} does, so that a window is a substring of the whole. */
    private String all() {
      if (all == null) {
        StringBuilder out = new StringBuilder();
        starts = new int[units.size()];
        ends = new int[units.size()];
        boolean previousLatin = false;
        for (int i = 0; i < units.size(); i++) {
          String part = units.get(i).text();
          boolean latin = !isCjk(part.codePointAt(0));
          if (latin && previousLatin) {
            out.append(' ');
          }
          starts[i] = out.length();
          out.append(part);
          ends[i] = out.length();
          previousLatin = latin;
        }
        all = out.toString();
      }
      return all;
    }

    /** Every non-overlapping passage matching the phrase, by time. */
    public List<Match> find(String phrase, double minSimilarity) {
      List<String> wanted = split(phrase);
      if (wanted.isEmpty() || units.isEmpty()) {
        return List.of();
      }
      String text = all();
      String target = join(wanted);
      BitPattern pattern = BitPattern.of(target);
      // A window ending at a character is at least this far from the phrase (none for a phrase too
      // long for the bit vectors: those are compared by their characters' counts first).
      int[] nearest = pattern == null ? null : pattern.nearestEndingAt(text);
      int[] targetHistogram = pattern == null ? histogram(target) : null;
      int n = wanted.size();
      List<Match> candidates = new ArrayList<>();
      int shortest = Math.max(1, n - 1);
      for (int i = 0; i < units.size(); i++) {
        Match best = null;
        for (int len = shortest; len <= n + 1 && i + len <= units.size(); len++) {
          int from = starts[i];
          int to = ends[i + len - 1];
          int heardLength = to - from;
          int longer = Math.max(heardLength, target.length());
          int maxDistance = (int) Math.floor((1 - minSimilarity) * longer + 1e-9);
          if (Math.abs(heardLength - target.length()) > maxDistance
              || (nearest != null && nearest[to - 1] > maxDistance)) {
            continue;
          }
          String heard = text.substring(from, to);
          int distance;
          if (pattern != null) {
            distance = Math.min(pattern.distance(heard), maxDistance + 1);
          } else if (lowerBound(histogram(heard), targetHistogram, maxDistance) > maxDistance) {
            continue;
          } else {
            distance = distance(heard, target, maxDistance);
          }
          if (distance > maxDistance) {
            continue;
          }
          double similarity = 1 - (double) distance / longer;
          if (best == null || similarity > best.similarity) {
            best =
                new Match(
                    i,
                    i + len,
                    units.get(i).startMs(),
                    units.get(i + len - 1).endMs(),
                    heard,
                    similarity);
          }
        }
        if (best != null) {
          candidates.add(best);
        }
      }
      candidates.sort(
          Comparator.comparingDouble(Match::similarity).reversed().thenComparingInt(Match::from));
      List<Match> chosen = new ArrayList<>();
      for (Match m : candidates) {
        if (chosen.stream().noneMatch(c -> m.from() < c.to() && c.from() < m.to())) {
          chosen.add(m);
        }
      }
      chosen.sort(Comparator.comparingInt(Match::from));
      return chosen;
    }
  }

  /** Characters counted in 64 buckets (by code modulo 64). */
  static int[] histogram(String text) {
    int[] counts = new int[64];
    for (int i = 0; i < text.length(); i++) {
      counts[text.charAt(i) & 63]++;
    }
    return counts;
  }

  /**
   * A lower bound of the edit distance of two strings from their bucketed character counts: each
   * edit changes at most two counts by one (merging characters into buckets only lowers it).
   */
  static int lowerBound(int[] a, int[] b, int limit) {
    int added = 0;
    int removed = 0;
    for (int i = 0; i < a.length; i++) {
      int d = a[i] - b[i];
      if (d > 0) {
        added += d;
      } else {
        removed -= d;
      }
      if (added > limit || removed > limit) {
        // Past the limit already: the exact bound does not matter.
        return limit + 1;
      }
    }
    return Math.max(added, removed);
  }

  /** Lower case, punctuation dropped, CJK split into characters, other scripts into words. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (isCjk(cp)) {
        flush(word, out);
        out.add(new String(Character.toChars(cp)));
      } else if (Character.isLetterOrDigit(cp) || cp == '\'') {
        word.appendCodePoint(cp);
      } else {
        flush(word, out);
      }
    }
    flush(word, out);
    return out;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (!word.isEmpty()) {
      out.add(word.toString());
      word.setLength(0);
    }
  }

  static boolean isCjk(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }

  /** Words separated by spaces, CJK characters run together. */
  static String join(List<String> parts) {
    StringBuilder out = new StringBuilder();
    boolean previousLatin = false;
    for (String part : parts) {
      boolean latin = !isCjk(part.codePointAt(0));
      if (latin && previousLatin) {
        out.append(' ');
      }
      out.append(part);
      previousLatin = latin;
    }
    return out.toString();
  }

  /**
   * A phrase of at most 64 characters as bit vectors, whose Levenshtein distance to any text is
   * computed a column of the dynamic programming table at a time in a few word operations (Myers'
   * bit-parallel algorithm in Hyyrö's form for the whole of both strings): the time goes with the
   * text's length only, where the table costs the product of both lengths. Scoring compares every
   * phrase with thousands of passages of a conversation, and this is where its time went.
   */
  static final class BitPattern {
    private final int length;
    private final long last;
    // Open addressing on the character: the positions where it occurs in the phrase.
    private final char[] keys = new char[128];
    private final long[] masks = new long[128];
    private final boolean[] used = new boolean[128];
    // The same for the characters of Latin text, looked up directly.
    private final long[] ascii = new long[128];

    private BitPattern(String pattern) {
      this.length = pattern.length();
      this.last = 1L << (length - 1);
      for (int i = 0; i < length; i++) {
        char c = pattern.charAt(i);
        if (c < 128) {
          ascii[c] |= 1L << i;
          continue;
        }
        int slot = slot(c);
        keys[slot] = c;
        used[slot] = true;
        masks[slot] |= 1L << i;
      }
    }

    /** The pattern, or null when it is empty or longer than 64 characters. */
    static BitPattern of(String pattern) {
      return pattern.isEmpty() || pattern.length() > 64 ? null : new BitPattern(pattern);
    }

    private int slot(char c) {
      int slot = c & 127;
      while (used[slot] && keys[slot] != c) {
        slot = (slot + 1) & 127;
      }
      return slot;
    }

    private long mask(char c) {
      if (c < 128) {
        return ascii[c];
      }
      int slot = slot(c);
      return used[slot] ? masks[slot] : 0;
    }

    /**
     * For each character of the text, the least Levenshtein distance between the pattern and a
     * stretch of the text that ends with that character (Myers' search: the table's first row is
     * all zeros, as a match may start anywhere).
     */
    int[] nearestEndingAt(String text) {
      int[] nearest = new int[text.length()];
      scan(text, 0, nearest);
      return nearest;
    }

    /** The Levenshtein distance between the text and the pattern. */
    int distance(String text) {
      // Shifting a 1 in: the table's first row grows by one each column (the whole text counts).
      return scan(text, 1, null);
    }

    /**
     * The table's last row, a column per character of the text, from bit vectors of its vertical
     * differences; {@code firstRowStep} is how the first row grows per column (0 or 1). Returns the
     * last column's score; each column's goes into {@code scores} when given.
     */
    private int scan(String text, long firstRowStep, int[] scores) {
      long positive = length == 64 ? -1L : (1L << length) - 1;
      long negative = 0;
      int score = length;
      for (int i = 0; i < text.length(); i++) {
        long equal = mask(text.charAt(i));
        long vertical = equal | negative;
        long horizontal = (((equal & positive) + positive) ^ positive) | equal;
        long plus = negative | ~(horizontal | positive);
        long minus = positive & horizontal;
        if ((plus & last) != 0) {
          score++;
        } else if ((minus & last) != 0) {
          score--;
        }
        plus = (plus << 1) | firstRowStep;
        minus <<= 1;
        positive = minus | ~(vertical | plus);
        negative = plus & vertical;
        if (scores != null) {
          scores[i] = score;
        }
      }
      return score;
    }
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    return distance(a, b, Integer.MAX_VALUE - 1);
  }

  /**
   * Levenshtein distance, or {@code limit + 1} as soon as it is certain to exceed {@code limit}
   * (every entry of a row above it).
   */
  static int distance(String a, String b, int limit) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

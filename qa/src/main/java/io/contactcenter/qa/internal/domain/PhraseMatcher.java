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
   * The units of one conversation with their passages joined once, so many phrases are matched
   * against them cheaply: a window is compared only when a lower bound of its edit distance (from
   * its length and its characters) allows a match, and then with a distance computation that stops
   * as soon as the limit is passed. Not thread-safe.
   */
  public static final class Passages {
    private final List<Unit> units;
    private final java.util.Map<Integer, String[]> joined = new java.util.HashMap<>();
    private final java.util.Map<Integer, int[][]> histograms = new java.util.HashMap<>();

    public Passages(List<Unit> units) {
      this.units = List.copyOf(units);
    }

    private String[] windows(int len) {
      return joined.computeIfAbsent(
          len,
          l -> {
            String[] out = new String[Math.max(0, units.size() - l + 1)];
            for (int i = 0; i < out.length; i++) {
              out[i] = join(units.subList(i, i + l).stream().map(Unit::text).toList());
            }
            return out;
          });
    }

    private int[][] histogramsOf(int len) {
      return histograms.computeIfAbsent(
          len,
          l -> {
            String[] w = windows(l);
            int[][] out = new int[w.length][];
            for (int i = 0; i < w.length; i++) {
              out[i] = histogram(w[i]);
            }
            return out;
          });
    }

    /** Every non-overlapping passage matching the phrase, by time. */
    public List<Match> find(String phrase, double minSimilarity) {
      List<String> wanted = split(phrase);
      if (wanted.isEmpty() || units.isEmpty()) {
        return List.of();
      }
      String target = join(wanted);
      int[] targetHistogram = histogram(target);
      int n = wanted.size();
      List<Match> candidates = new ArrayList<>();
      int shortest = Math.max(1, n - 1);
      String[][] windowsByLength = new String[3][];
      int[][][] histogramsByLength = new int[3][][];
      for (int len = shortest; len <= n + 1; len++) {
        windowsByLength[len - shortest] = windows(len);
        histogramsByLength[len - shortest] = histogramsOf(len);
      }
      for (int i = 0; i < units.size(); i++) {
        Match best = null;
        for (int len = shortest; len <= n + 1 && i + len <= units.size(); len++) {
          String heard = windowsByLength[len - shortest][i];
          int longer = Math.max(heard.length(), target.length());
          int maxDistance = (int) Math.floor((1 - minSimilarity) * longer + 1e-9);
          if (Math.abs(heard.length() - target.length()) > maxDistance
              || lowerBound(histogramsByLength[len - shortest][i], targetHistogram, maxDistance)
                  > maxDistance) {
            continue;
          }
          int distance = distance(heard, target, maxDistance);
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

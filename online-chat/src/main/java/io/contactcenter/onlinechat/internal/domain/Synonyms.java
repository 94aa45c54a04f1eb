package io.contactcenter.onlinechat.internal.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A lexicon of words that mean the same to a shopper ("到付", "货到付款"; "价保", "价格保护"), read from lines
 * {@code canonical: variant variant ...} ({@code #} starts a comment). Where variants overlap in a
 * text the longest wins, so "货到付款" is one match and not also "付款"; each group found yields its
 * canonical word once. A variant of one character is too ambiguous inside longer words (码 in 密码, 券
 * in 证券), so it counts only where the segmenter made it a word of its own. Immutable and
 * thread-safe.
 */
public final class Synonyms {

  /** No synonyms: every text yields no group. */
  public static final Synonyms NONE = new Synonyms(Map.of(), Map.of(), 0);

  private final Map<String, String> phrases;
  private final Map<String, String> singles;
  private final int longest;

  private Synonyms(Map<String, String> phrases, Map<String, String> singles, int longest) {
    this.phrases = phrases;
    this.singles = singles;
    this.longest = longest;
  }

  /**
   * The lexicon in {@code text}.
   *
   * @throws IllegalArgumentException naming the line of a group without a colon or variants, or of
   *     a variant listed in two groups
   */
  public static Synonyms parse(String text) {
    Map<String, String> phrases = new HashMap<>();
    Map<String, String> singles = new HashMap<>();
    int longest = 0;
    String[] lines = text.split("\r?\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash).strip();
      }
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      String canonical = colon < 0 ? "" : line.substring(0, colon).strip();
      if (canonical.isEmpty() || canonical.contains(" ")) {
        throw new IllegalArgumentException(
            "synonyms line " + (n + 1) + ": expected 'canonical: variant variant ...'");
      }
      Set<String> variants = new LinkedHashSet<>();
      variants.add(canonical);
      for (String v : line.substring(colon + 1).strip().split("\\s+")) {
        if (!v.isEmpty()) {
          variants.add(v.toLowerCase(Locale.ROOT));
        }
      }
      for (String v : variants) {
        Map<String, String> into = v.codePointCount(0, v.length()) == 1 ? singles : phrases;
        String before = into.put(v, canonical);
        if (before != null && !before.equals(canonical)) {
          throw new IllegalArgumentException(
              "synonyms line "
                  + (n + 1)
                  + ": '"
                  + v
                  + "' is already a variant of '"
                  + before
                  + "'");
        }
        longest = Math.max(longest, v.length());
      }
    }
    return new Synonyms(Map.copyOf(phrases), Map.copyOf(singles), longest);
  }

  /**
   * The canonical words of the groups whose variants occur in {@code text}, each once: those of
   * longer variants in order of appearance, then those of one-character variants.
   *
   * @param words the segmenter's words of the same text, where one-character variants count
   */
  public List<String> canonicalIn(String text, List<String> words) {
    if (phrases.isEmpty() && singles.isEmpty()) {
      return List.of();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    // Every place a variant occurs, longest first, then leftmost; a place taken by a longer
    // variant is not matched again by a shorter one inside or across it.
    List<int[]> hits = new ArrayList<>();
    for (int i = 0; i < lower.length(); i++) {
      for (int end = Math.min(lower.length(), i + longest); end > i + 1; end--) {
        if (phrases.containsKey(lower.substring(i, end)) && wholeWord(lower, i, end)) {
          hits.add(new int[] {i, end});
        }
      }
    }
    hits.sort((x, y) -> x[1] - x[0] != y[1] - y[0] ? (y[1] - y[0]) - (x[1] - x[0]) : x[0] - y[0]);
    boolean[] covered = new boolean[lower.length()];
    Map<Integer, String> byPlace = new TreeMap<>();
    for (int[] hit : hits) {
      boolean free = true;
      for (int k = hit[0]; k < hit[1] && free; k++) {
        free = !covered[k];
      }
      if (free) {
        Arrays.fill(covered, hit[0], hit[1], true);
        byPlace.put(hit[0], phrases.get(lower.substring(hit[0], hit[1])));
      }
    }
    Set<String> found = new LinkedHashSet<>(byPlace.values());
    if (!singles.isEmpty()) {
      for (String word : words) {
        String canonical = singles.get(word);
        if (canonical != null && !coveredEverywhere(lower, word, covered)) {
          found.add(canonical);
        }
      }
    }
    return new ArrayList<>(found);
  }

  /** True when every occurrence of {@code word} lies inside a longer variant already matched. */
  private static boolean coveredEverywhere(String text, String word, boolean[] covered) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (!covered[at]) {
        return false;
      }
    }
    return true;
  }

  /**
   * An English variant counts only as a whole word, or followed by a plural s: "ship" is not in
   * "shipping" nor "membership", "order" not in "border", but "orders" has "order".
   */
  private static boolean wholeWord(String text, int start, int end) {
    if (!isLatin(text.charAt(start)) || !isLatin(text.charAt(end - 1))) {
      return true;
    }
    boolean before = start == 0 || !isLatin(text.charAt(start - 1));
    int after = end < text.length() && text.charAt(end) == 's' ? end + 1 : end;
    return before && (after == text.length() || !isLatin(text.charAt(after)));
  }

  private static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * {@code text} with each English variant, as a whole word, replaced by its group's canonical word
   * ("refund多久到" → "退款多久到"), for a model that reads Chinese; other text is kept.
   */
  public String withEnglishAsCanonical(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < lower.length()) {
      if (isLatin(lower.charAt(i)) && (i == 0 || !isLatin(lower.charAt(i - 1)))) {
        int end = i;
        while (end < lower.length() && isLatin(lower.charAt(end))) {
          end++;
        }
        String word = lower.substring(i, end);
        String canonical = phrases.get(word);
        if (canonical == null && word.endsWith("s")) {
          canonical = phrases.get(word.substring(0, word.length() - 1));
        }
        out.append(canonical == null ? text.substring(i, end) : canonical);
        i = end;
      } else {
        out.append(text.charAt(i));
        i++;
      }
    }
    return out.toString();
  }
}

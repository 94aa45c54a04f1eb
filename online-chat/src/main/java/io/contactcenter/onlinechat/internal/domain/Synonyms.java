package io.contactcenter.onlinechat.internal.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lexicon of words that mean the same to a shopper ("到付", "货到付款"; "价保", "价格保护"; "cod", "cash on
 * delivery"), read from lines {@code canonical: variant variant "a multi-word variant" ...} ({@code
 * #} starts a comment; a variant with spaces is quoted). Where variants overlap in a text the
 * longest wins, so "货到付款" is one match and not also "付款", and "cash on delivery" is not also
 * "delivery". Each group found yields its canonical word once. Case does not count, and in a
 * multi-word variant any run of spaces or hyphens matches one space ("out-of-stock", "Out of
 * stock"). A variant that begins or ends with a Latin letter or digit counts there only at a word
 * boundary (or before a plural s), in English text as inside Chinese ("显示out of stock"). A variant
 * of one character is too ambiguous inside longer words (码 in 密码, 券 in 证券), so it counts only where
 * the segmenter made it a word of its own. Immutable and thread-safe.
 */
public final class Synonyms {

  /** No synonyms: every text yields no group. */
  public static final Synonyms NONE = new Synonyms(Map.of(), Map.of());

  private static final Pattern VARIANT = Pattern.compile("\"([^\"]*)\"|([^\\s\"]+)");

  private final Map<String, String> phrases;
  private final Map<String, String> singles;
  private final int longest;

  private Synonyms(Map<String, String> phrases, Map<String, String> singles) {
    this.phrases = Map.copyOf(phrases);
    this.singles = Map.copyOf(singles);
    this.longest = phrases.keySet().stream().mapToInt(String::length).max().orElse(0);
  }

  /**
   * The lexicon in {@code text}.
   *
   * @throws IllegalArgumentException naming the line of a group without a colon or variants, with
   *     an unclosed quote, or of a variant listed in two groups
   */
  public static Synonyms parse(String text) {
    Map<String, String> phrases = new HashMap<>();
    Map<String, String> singles = new HashMap<>();
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
      String rest = line.substring(colon + 1);
      if (rest.chars().filter(c -> c == '"').count() % 2 != 0) {
        throw new IllegalArgumentException(
            "synonyms line " + (n + 1) + ": a quoted variant is not closed");
      }
      Set<String> variants = new LinkedHashSet<>();
      variants.add(normalized(canonical));
      Matcher m = VARIANT.matcher(rest);
      while (m.find()) {
        String v = normalized(m.group(1) != null ? m.group(1) : m.group(2));
        if (!v.isEmpty()) {
          variants.add(v);
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
      }
    }
    return new Synonyms(phrases, singles);
  }

  /**
   * This lexicon with {@code own}'s groups added, as a shop's own groups over the shipped ones: a
   * variant {@code own} lists belongs to {@code own}'s group only.
   */
  public Synonyms with(Synonyms own) {
    if (own.phrases.isEmpty() && own.singles.isEmpty()) {
      return this;
    }
    Map<String, String> p = new HashMap<>(phrases);
    Map<String, String> s = new HashMap<>(singles);
    p.putAll(own.phrases);
    s.putAll(own.singles);
    return new Synonyms(p, s);
  }

  /** True when this lexicon has no group. */
  public boolean isEmpty() {
    return phrases.isEmpty() && singles.isEmpty();
  }

  /** Lower case, each run of spaces or hyphens one space, no space at either end. */
  private static String normalized(String variant) {
    return Normalized.of(variant.strip()).text();
  }

  /**
   * A text lower-cased with each run of spaces or hyphens as one space, remembering where each of
   * its characters came from, so a match can be mapped back.
   */
  private record Normalized(String text, int[] from) {

    static Normalized of(String original) {
      StringBuilder out = new StringBuilder(original.length());
      int[] from = new int[original.length() + 1];
      for (int i = 0; i < original.length(); i++) {
        char c = original.charAt(i);
        boolean gap = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-';
        if (gap) {
          if (out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
            from[out.length()] = i;
            out.append(' ');
          }
          continue;
        }
        String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
        // Lower-casing one char gives one char except for a few letters (İ); keep those as they
        // are.
        char l = lower.length() == 1 ? lower.charAt(0) : c;
        from[out.length()] = i;
        out.append(l);
      }
      from[out.length()] = original.length();
      return new Normalized(out.toString(), from);
    }

    /** The original text's end index of a match ending before {@code end}. */
    int endIn(int end) {
      return end == 0 ? 0 : from[end - 1] + 1;
    }
  }

  /**
   * Where variants occur in {@code text}, longest first, then leftmost; a place taken by a longer
   * variant is not matched again by a shorter one inside or across it. Sorted by place.
   */
  private List<int[]> places(String text) {
    List<int[]> hits = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ' ') {
        continue;
      }
      for (int end = Math.min(text.length(), i + longest); end > i + 1; end--) {
        if (text.charAt(end - 1) != ' '
            && phrases.containsKey(text.substring(i, end))
            && wholeWord(text, i, end)) {
          hits.add(new int[] {i, end});
        }
      }
    }
    hits.sort((x, y) -> x[1] - x[0] != y[1] - y[0] ? (y[1] - y[0]) - (x[1] - x[0]) : x[0] - y[0]);
    boolean[] covered = new boolean[text.length()];
    List<int[]> taken = new ArrayList<>();
    for (int[] hit : hits) {
      boolean free = true;
      for (int k = hit[0]; k < hit[1] && free; k++) {
        free = !covered[k];
      }
      if (free) {
        Arrays.fill(covered, hit[0], hit[1], true);
        taken.add(hit);
      }
    }
    taken.sort((x, y) -> x[0] - y[0]);
    return taken;
  }

  /**
   * The canonical words of the groups whose variants occur in {@code text}, each once: those of
   * longer variants in order of appearance, then those of one-character variants.
   *
   * @param words the segmenter's words of the same text, where one-character variants count
   */
  public List<String> canonicalIn(String text, List<String> words) {
    if (isEmpty()) {
      return List.of();
    }
    String lower = Normalized.of(text).text();
    boolean[] covered = new boolean[lower.length()];
    Set<String> found = new LinkedHashSet<>();
    for (int[] hit : places(lower)) {
      Arrays.fill(covered, hit[0], hit[1], true);
      found.add(phrases.get(lower.substring(hit[0], hit[1])));
    }
    if (!singles.isEmpty()) {
      for (String word : words) {
        String w = word.toLowerCase(Locale.ROOT);
        String canonical = singles.get(w);
        if (canonical != null && !coveredEverywhere(lower, w, covered)) {
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
   * A variant that begins or ends with a Latin letter or digit counts there only at a word
   * boundary, or followed by a plural s: "ship" is not in "shipping" nor "membership", "order" not
   * in "border", but "orders" has "order" and "out of stocks" has "out of stock".
   */
  private static boolean wholeWord(String text, int start, int end) {
    boolean before = !isLatin(text.charAt(start)) || start == 0 || !isLatin(text.charAt(start - 1));
    if (!isLatin(text.charAt(end - 1))) {
      return before;
    }
    int after = end < text.length() && text.charAt(end) == 's' ? end + 1 : end;
    return before && (after == text.length() || !isLatin(text.charAt(after)));
  }

  private static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /** True when a variant is English: Latin letters, digits and spaces only. */
  private static boolean english(String variant) {
    for (int i = 0; i < variant.length(); i++) {
      if (!isLatin(variant.charAt(i)) && variant.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code text} with each English variant, one word or several, replaced by its group's canonical
   * word ("refund多久到" → "退款多久到", "支持cash on delivery吗" → "支持货到付款吗"), for a model that reads
   * Chinese; other text is kept as it is.
   */
  public String withEnglishAsCanonical(String text) {
    return asCanonical(text, true);
  }

  /**
   * {@code text} with every variant of more than one character replaced by its group's canonical
   * word: how a model reads a shop's own groups, whose words (product nicknames, the shop's own
   * service names) it cannot know.
   */
  public String withVariantsAsCanonical(String text) {
    return asCanonical(text, false);
  }

  private String asCanonical(String text, boolean englishOnly) {
    if (isEmpty()) {
      return text;
    }
    Normalized n = Normalized.of(text);
    StringBuilder out = new StringBuilder(text.length());
    int kept = 0;
    for (int[] hit : places(n.text())) {
      String variant = n.text().substring(hit[0], hit[1]);
      if (englishOnly && !english(variant)) {
        continue;
      }
      boolean plural =
          isLatin(variant.charAt(variant.length() - 1))
              && hit[1] < n.text().length()
              && n.text().charAt(hit[1]) == 's';
      int end = plural ? hit[1] + 1 : hit[1];
      int from = n.from()[hit[0]];
      out.append(text, kept, from).append(phrases.get(variant));
      kept = n.endIn(end);
    }
    return out.append(text, kept, text.length()).toString();
  }

  /**
   * One group as an admin edits it.
   *
   * @param canonical the group's word, no spaces
   * @param variants the other ways to say it; one may have spaces ("cash on delivery")
   */
  public record Group(String canonical, List<String> variants) {}

  /**
   * The lexicon of {@code groups}, checked as {@link #parse} checks a file.
   *
   * @throws Rejected naming the group (1-based) that has no canonical word or one with spaces, no
   *     variant, a word with a quote, colon, {@code #} or line break, or a variant of an earlier
   *     group
   */
  public static Synonyms of(List<Group> groups) {
    StringBuilder text = new StringBuilder();
    Map<String, String> seen = new HashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      int n = g + 1;
      Group group = groups.get(g);
      String canonical = group.canonical() == null ? "" : group.canonical().strip();
      if (canonical.isEmpty() || canonical.chars().anyMatch(Character::isWhitespace)) {
        throw new Rejected(
            "no-canonical",
            "synonym group " + n + ": the group's word is required, without spaces",
            n);
      }
      List<String> words = new ArrayList<>();
      words.add(canonical);
      for (String v : group.variants() == null ? List.<String>of() : group.variants()) {
        if (v != null && !v.isBlank()) {
          words.add(v.strip());
        }
      }
      if (words.size() < 2) {
        throw new Rejected("no-variant", "synonym group " + n + ": no variant", n);
      }
      for (String w : words) {
        if (w.contains("\"") || w.contains("#") || w.contains(":") || w.contains("\n")) {
          throw new Rejected(
              "bad-character",
              "synonym group " + n + ": '" + w + "' may not contain \", #, : or a line break",
              n,
              w);
        }
        String before = seen.putIfAbsent(normalized(w), canonical);
        if (before != null && !before.equals(canonical)) {
          throw new Rejected(
              "repeated",
              "synonym group " + n + ": '" + w + "' is already a variant of '" + before + "'",
              n,
              w,
              before);
        }
      }
      text.append(canonical).append(':');
      for (String v : words.subList(1, words.size())) {
        text.append(" \"").append(v).append('"');
      }
      text.append('\n');
    }
    return parse(text.toString());
  }

  /**
   * Groups refused: {@code reason} names what is wrong ({@code no-canonical}, {@code no-variant},
   * {@code bad-character}, {@code repeated}), the arguments are the 1-based group first, then the
   * words concerned.
   */
  public static final class Rejected extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final transient Object[] arguments;

    Rejected(String reason, String english, Object... arguments) {
      super(english);
      this.reason = reason;
      this.arguments = arguments.clone();
    }

    public String reason() {
      return reason;
    }

    public Object[] arguments() {
      return arguments.clone();
    }
  }
}

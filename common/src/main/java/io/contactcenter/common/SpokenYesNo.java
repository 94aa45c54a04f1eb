package io.contactcenter.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a yes or a no from recognized speech, as callers answer a read-back: "yeah", "that's
 * right", "no it's not", 对的, 不对. A reply counts when its words hold at least one yes-phrase and no
 * no-phrase (or the other way round); other words and {@code [unk]} are ignored, so "yes [unk]" and
 * "uh yes please" are a yes, while "yes no" is unclear. Phrases are matched longest first, so "not
 * right" is a no although "right" is a yes, and 不是 a no although 是 is a yes. Chinese characters are
 * matched one by one, with or without spaces between them.
 *
 * <p>A read-back's yes must also be heard surely ({@link #parse(String, Map, double)}): on a noisy
 * line "that's not right" is often heard as "right" alone, with full word confidence, while the
 * recognizer's alternative transcripts still hold "not right" (docs/benchmarks.md, noisy replies
 * run 7; ADR 0050 addendum).
 */
public final class SpokenYesNo {

  /** What the caller answered. */
  public enum Answer {
    YES,
    NO,
    UNCLEAR
  }

  private record Phrases(List<String> yes, List<String> no) {}

  // What callers say to "is that right?" (Nuance's and Genesys's built-in yes/no grammars say much
  // the same). Every word must be in the recognizer's vocabulary: a missing one is dropped from
  // the grammar with a warning. "okay" and "sure" are left out: to a read-back they as often mean
  // "go on, I am listening" as "that is right".
  private static final Map<String, Phrases> PHRASES =
      Map.of(
          "en",
          new Phrases(
              List.of(
                  "yes",
                  "yeah",
                  "yep",
                  "yup",
                  "correct",
                  "right",
                  "exactly",
                  "that's right",
                  "that is right",
                  "that's correct",
                  "that is correct",
                  "yes it is",
                  "it is"),
              List.of(
                  "no",
                  "nope",
                  "wrong",
                  "incorrect",
                  "not right",
                  "not correct",
                  "that's wrong",
                  "that is wrong",
                  "it's not",
                  "it is not",
                  "it isn't",
                  "that's not right",
                  "that's not correct")),
          "zh",
          new Phrases(
              List.of("是", "是的", "对", "对的", "对啊", "没错", "不错", "正确", "嗯"),
              List.of("不", "不是", "不对", "错", "错了", "不正确", "不要")));

  /** Every phrase of both languages, longest first. */
  private static final List<Match> CANDIDATES = candidates();

  private SpokenYesNo() {}

  /** The recognizer's grammar for a yes or a no in a language (English unless {@code zh}). */
  public static List<String> grammar(String language) {
    Phrases p = PHRASES.get("zh".equals(language) ? "zh" : "en");
    List<String> all = new ArrayList<>(p.yes());
    all.addAll(p.no());
    return List.copyOf(all);
  }

  /** The answer in recognized text of either language; UNCLEAR for null or blank text. */
  public static Answer parse(String text) {
    List<String> units = units(text);
    boolean yes = false;
    boolean no = false;
    int at = 0;
    while (at < units.size()) {
      Match found = null;
      for (Match m : CANDIDATES) {
        if (m.matchesAt(units, at)) {
          found = m;
          break;
        }
      }
      if (found == null) {
        at++;
        continue;
      }
      yes |= found.yes();
      no |= !found.yes();
      at += found.units().size();
    }
    if (yes == no) {
      return Answer.UNCLEAR;
    }
    return yes ? Answer.YES : Answer.NO;
  }

  /**
   * The answer to a read-back heard as the recognizer's alternative transcripts: the best
   * transcript's reading, except that a yes counts only when the transcripts that read as a yes
   * hold at least {@code minYesShare} of the alternatives' weight; a yes heard less surely is
   * UNCLEAR (the caller is asked again, by keys). A no is taken as heard: a yes misheard as a no
   * costs the caller a question, a no misheard as a yes would use a wrong number.
   *
   * @param best the best transcript
   * @param alternatives the recognizer's alternative transcripts, each with its share of their
   *     weight (the shares sum to 1); a recognizer that gives none is passed {@code best → 1}
   * @param minYesShare 0 to 1; 0 takes every yes as heard
   */
  public static Answer parse(String best, Map<String, Double> alternatives, double minYesShare) {
    return parse(best, alternatives, minYesShare, Set.of());
  }

  /**
   * As {@link #parse(String, Map, double)}, and a yes whose best transcript is nothing but one of
   * {@code unsureAlone} (ignoring {@code [unk]} and case) is UNCLEAR however surely it was heard:
   * on a noisy line "that's not right" is heard as "right" alone, and when the recognizer's
   * alternatives collapse into that one transcript its share is 1 (docs/benchmarks.md, noisy
   * replies run 8; ADR 0050 second addendum).
   *
   * @param unsureAlone yes-phrases that do not count when they are all that was heard, e.g. {@code
   *     right}; empty: none
   */
  public static Answer parse(
      String best, Map<String, Double> alternatives, double minYesShare, Set<String> unsureAlone) {
    if (minYesShare < 0 || minYesShare > 1) {
      throw new IllegalArgumentException("minYesShare must be between 0 and 1, was " + minYesShare);
    }
    Answer answer = parse(best);
    if (answer == Answer.YES && share(Answer.YES, alternatives) < minYesShare) {
      return Answer.UNCLEAR;
    }
    if (answer == Answer.YES && isAlone(best, unsureAlone)) {
      return Answer.UNCLEAR;
    }
    return answer;
  }

  /**
   * Whether {@code text}, read as words without {@code [unk]}, is exactly one of {@code phrases}.
   */
  static boolean isAlone(String text, Set<String> phrases) {
    List<String> heard = units(text);
    for (String phrase : phrases) {
      if (!heard.isEmpty() && heard.equals(units(phrase))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The share of the alternatives' weight whose transcripts read as {@code answer}.
   *
   * @param alternatives transcripts, each with its share of the weight
   */
  public static double share(Answer answer, Map<String, Double> alternatives) {
    Objects.requireNonNull(answer, "answer");
    double share = 0;
    for (Map.Entry<String, Double> a : alternatives.entrySet()) {
      if (parse(a.getKey()) == answer) {
        share += a.getValue();
      }
    }
    // Shares are rounded sums: keep the figure a share.
    return Math.min(1, share);
  }

  private record Match(List<String> units, boolean yes) {

    boolean matchesAt(List<String> text, int at) {
      return at + units.size() <= text.size() && text.subList(at, at + units.size()).equals(units);
    }
  }

  private static List<Match> candidates() {
    List<Match> all = new ArrayList<>();
    for (Phrases p : PHRASES.values()) {
      p.yes().forEach(phrase -> all.add(new Match(units(phrase), true)));
      p.no().forEach(phrase -> all.add(new Match(units(phrase), false)));
    }
    all.sort(Comparator.comparingInt((Match m) -> m.units().size()).reversed());
    return List.copyOf(all);
  }

  /**
   * The text as words and single Chinese characters, lower case, without {@code [unk]}; a curly
   * apostrophe is read as a straight one.
   */
  static List<String> units(String text) {
    List<String> units = new ArrayList<>();
    if (text == null) {
      return units;
    }
    String t = text.toLowerCase(Locale.ROOT).replace("[unk]", " ").replace('’', '\'');
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < t.length(); ) {
      int c = t.codePointAt(i);
      i += Character.charCount(c);
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        flush(word, units);
        units.add(new String(Character.toChars(c)));
      } else if (Character.isLetterOrDigit(c) || c == '\'') {
        word.appendCodePoint(c);
      } else {
        flush(word, units);
      }
    }
    flush(word, units);
    return units;
  }

  private static void flush(StringBuilder word, List<String> units) {
    if (!word.isEmpty()) {
      units.add(word.toString());
      word.setLength(0);
    }
  }
}

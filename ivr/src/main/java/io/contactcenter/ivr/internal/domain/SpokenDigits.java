package io.contactcenter.ivr.internal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads digits from recognized speech: "four seven one one", "four seven double one" or "四 七 幺 幺"
 * become "4711". Callers say numbers digit by digit, with "oh" for zero and "double"/"triple"
 * before a repeated digit in English, and 幺 for 1 and 两 for 2 in Chinese.
 */
public final class SpokenDigits {

  /** English words that repeat the digit after them. */
  private static final Map<String, Integer> REPEATS = Map.of("double", 2, "triple", 3);

  private static final Map<String, Character> WORDS =
      Map.ofEntries(
          Map.entry("zero", '0'),
          Map.entry("oh", '0'),
          Map.entry("one", '1'),
          Map.entry("two", '2'),
          Map.entry("three", '3'),
          Map.entry("four", '4'),
          Map.entry("five", '5'),
          Map.entry("six", '6'),
          Map.entry("seven", '7'),
          Map.entry("eight", '8'),
          Map.entry("nine", '9'),
          Map.entry("零", '0'),
          Map.entry("〇", '0'),
          Map.entry("一", '1'),
          Map.entry("幺", '1'),
          Map.entry("二", '2'),
          Map.entry("两", '2'),
          Map.entry("三", '3'),
          Map.entry("四", '4'),
          Map.entry("五", '5'),
          Map.entry("六", '6'),
          Map.entry("七", '7'),
          Map.entry("八", '8'),
          Map.entry("九", '9'));

  private SpokenDigits() {}

  /** The grammar of a spoken number in a language. */
  public static List<String> grammar(String language) {
    List<String> words = new ArrayList<>();
    WORDS.keySet().stream()
        .filter(w -> "zh".equals(language) == (w.charAt(0) > 127))
        .sorted()
        .forEach(words::add);
    if (!"zh".equals(language)) {
      REPEATS.keySet().stream().sorted().forEach(words::add);
    }
    return words;
  }

  /**
   * The digits said, or empty if anything else was said ({@code [unk]}, other words, "double" not
   * followed by a digit); Chinese characters may come without spaces.
   */
  public static String parse(String text) {
    if (text == null) {
      return "";
    }
    List<String> tokens =
        new ArrayList<>(List.of(text.toLowerCase(Locale.ROOT).strip().split("\\s+")));
    tokens.removeIf(String::isEmpty);
    StringBuilder digits = new StringBuilder();
    int repeat = 1;
    for (String token : tokens) {
      Integer times = REPEATS.get(token);
      if (times != null) {
        if (repeat != 1) {
          return "";
        }
        repeat = times;
        continue;
      }
      Character d = WORDS.get(token);
      if (d != null) {
        digits.append(String.valueOf(d).repeat(repeat));
        repeat = 1;
        continue;
      }
      if (repeat != 1) {
        return "";
      }
      if (token.chars().allMatch(c -> c >= '0' && c <= '9')) {
        digits.append(token);
        continue;
      }
      for (int i = 0; i < token.length(); i++) {
        Character c = WORDS.get(token.substring(i, i + 1));
        if (c == null) {
          return "";
        }
        digits.append(c);
      }
    }
    return repeat == 1 ? digits.toString() : "";
  }
}

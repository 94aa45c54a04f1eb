package io.contactcenter.asrtts.internal.intent;

import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.common.CampaignType;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns a normalized reply into the sparse binary features the model weighs: English word unigrams
 * and bigrams over light stems, with the words after a negation marked; Chinese character 1-3-grams
 * (Chinese has no spaces, and character n-grams survive a mis-recognised character); trigrams of
 * the characters of longer English words, for typos; the cues that fire, alone and paired with the
 * campaign; the campaign itself; whether a time was named; and a length bucket (a one-word reply is
 * a different thing from a sentence).
 *
 * <p>Stateless and thread-safe.
 */
final class ReplyFeatures {

  private static final Set<String> EN_NEGATORS = Set.of("not", "no", "never", "without", "nothing");

  /** The features of one reply. */
  Set<String> extract(
      ReplyLanguage language, CampaignType campaign, String normalized, boolean namesTime) {
    Set<String> features = new LinkedHashSet<>(64);
    int units =
        language == ReplyLanguage.ZH
            ? chinese(normalized, features)
            : english(normalized, features);
    features.add("len:" + (units <= 1 ? "1" : units <= 3 ? "2-3" : units <= 6 ? "4-6" : "7+"));
    features.add("camp:" + campaign.code());
    for (CuePatterns.Cue cue : CuePatterns.matching(language, normalized)) {
      features.add("cue:" + cue.name());
      features.add("cue:" + cue.name() + "|" + campaign.code());
      features.add("cuelabel:" + cue.label().code());
    }
    if (namesTime) {
      features.add("time");
    }
    return features;
  }

  private static int english(String normalized, Set<String> features) {
    String[] words = normalized.isEmpty() ? new String[0] : normalized.split(" ");
    String previous = "<s>";
    int negatedFor = 0;
    for (String word : words) {
      String stem = stem(word);
      features.add("w:" + stem);
      // Character trigrams of longer words: a misspelt or mis-recognised word ("numbr",
      // "allready") still shares most of them with the right one.
      if (word.length() > 3) {
        String padded = "#" + word + "#";
        for (int k = 0; k + 3 <= padded.length(); k++) {
          features.add("g:" + padded.substring(k, k + 3));
        }
      }
      features.add("b:" + previous + "_" + stem);
      if (negatedFor > 0) {
        features.add("n:" + stem);
        negatedFor--;
      }
      if (EN_NEGATORS.contains(word)) {
        negatedFor = 3;
      }
      previous = stem;
    }
    features.add("b:" + previous + "_</s>");
    return words.length;
  }

  private static int chinese(String normalized, Set<String> features) {
    int units = 0;
    int i = 0;
    int n = normalized.length();
    while (i < n) {
      char c = normalized.charAt(i);
      if (c == ' ') {
        i++;
      } else if (TextNormalizer.isHan(c)) {
        int end = i;
        while (end < n && TextNormalizer.isHan(normalized.charAt(end))) {
          end++;
        }
        String run = normalized.substring(i, end);
        units += run.length();
        for (int k = 0; k < run.length(); k++) {
          features.add("c:" + run.charAt(k));
          if (k + 2 <= run.length()) {
            features.add("c:" + run.substring(k, k + 2));
          }
          if (k + 3 <= run.length()) {
            features.add("c:" + run.substring(k, k + 3));
          }
        }
        features.add("c:^" + run.charAt(0));
        features.add("c:" + run.charAt(run.length() - 1) + "$");
        i = end;
      } else {
        int end = i;
        while (end < n
            && normalized.charAt(end) != ' '
            && !TextNormalizer.isHan(normalized.charAt(end))) {
          end++;
        }
        features.add("w:" + normalized.substring(i, end));
        units++;
        i = end;
      }
    }
    return units;
  }

  /**
   * A deliberately light English stemmer: folds plurals and -ing/-ed so "calls", "calling" and
   * "called" meet, leaves short words and irregular forms ("paid", "got") alone, since those carry
   * the difference between agreeing and having done it.
   */
  static String stem(String word) {
    if (word.length() <= 3 || !Character.isLetter(word.charAt(0))) {
      return word;
    }
    String w = word;
    if (w.endsWith("ies") && w.length() > 4) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.endsWith("ing") && w.length() > 5) {
      w = w.substring(0, w.length() - 3);
    } else if (w.endsWith("ed") && w.length() > 4) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.endsWith("e") && w.length() > 3) {
      w = w.substring(0, w.length() - 1);
    }
    // calling → call, stopped → stopp → stop
    if (w.length() > 3
        && w.charAt(w.length() - 1) == w.charAt(w.length() - 2)
        && w.charAt(w.length() - 1) != 'l'
        && w.charAt(w.length() - 1) != 's') {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }
}

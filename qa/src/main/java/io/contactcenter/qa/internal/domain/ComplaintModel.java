package io.contactcenter.qa.internal.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * QA's own complaint model: naive Bayes over words and word pairs (English) and characters and
 * character pairs (Chinese), trained on what customers say to agents on calls and in chats (ADR
 * 0028). The reply classifier it complements was trained on replies to the outbound robot; this one
 * knows customer-service complaints (demands, past events, threats to escalate). Immutable and
 * thread-safe once trained; pure CPU, microseconds per utterance.
 */
public final class ComplaintModel {

  /** One labelled utterance. */
  public record Example(String language, boolean complaint, String text) {}

  private final Map<String, double[]> logLikelihood; // feature -> {complaint, not}
  private final double logPriorOdds;

  private ComplaintModel(Map<String, double[]> logLikelihood, double logPriorOdds) {
    this.logLikelihood = logLikelihood;
    this.logPriorOdds = logPriorOdds;
  }

  /**
   * Trains on labelled utterances (Laplace smoothing; each feature counts once per utterance).
   *
   * @throws IllegalArgumentException when either class has no example
   */
  public static ComplaintModel train(List<Example> examples) {
    Map<String, int[]> counts = new HashMap<>();
    int[] totals = new int[2];
    int[] docs = new int[2];
    for (Example e : examples) {
      int c = e.complaint() ? 0 : 1;
      docs[c]++;
      for (String f : features(e.text())) {
        counts.computeIfAbsent(f, k -> new int[2])[c]++;
        totals[c]++;
      }
    }
    if (docs[0] == 0 || docs[1] == 0) {
      throw new IllegalArgumentException(
          "the complaint model needs complaints and non-complaints to learn from");
    }
    int vocabulary = counts.size();
    Map<String, double[]> logLikelihood = new HashMap<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] n = e.getValue();
      logLikelihood.put(
          e.getKey(),
          new double[] {
            Math.log((n[0] + 1.0) / (totals[0] + vocabulary)),
            Math.log((n[1] + 1.0) / (totals[1] + vocabulary))
          });
    }
    return new ComplaintModel(Map.copyOf(logLikelihood), Math.log((double) docs[0] / docs[1]));
  }

  /**
   * The probability, 0 to 1, that the utterance is a complaint; the prior share of complaints in
   * the training rows when it has no word the model knows.
   */
  public double probability(String text) {
    double logOdds = logPriorOdds;
    for (String f : features(text)) {
      double[] l = logLikelihood.get(f);
      if (l != null) {
        logOdds += l[0] - l[1];
      }
    }
    return 1 / (1 + Math.exp(-logOdds));
  }

  /**
   * Reads training rows: {@code lang, complaint (1|0), utterance}, tab-separated; {@code #} starts
   * a comment line, blank lines are skipped.
   *
   * @throws IllegalArgumentException naming the line of a malformed row
   */
  public static List<Example> read(Reader reader) throws IOException {
    List<Example> examples = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 3
          || !(f[1].equals("1") || f[1].equals("0"))
          || f[2].isBlank()
          || !(f[0].equals("en") || f[0].equals("zh"))) {
        throw new IllegalArgumentException(
            "complaint training row "
                + number
                + ": expected lang (en|zh), complaint (1|0) and an utterance, tab-separated");
      }
      examples.add(new Example(f[0], f[1].equals("1"), f[2].strip()));
    }
    return examples;
  }

  /**
   * The features of an utterance: lower-cased words and adjacent word pairs of Latin text, Han
   * characters and adjacent character pairs of Chinese text (Chinese is not split into words).
   */
  static Set<String> features(String text) {
    Set<String> features = new LinkedHashSet<>();
    if (text == null) {
      return features;
    }
    String previousWord = null;
    StringBuilder word = new StringBuilder();
    int previousHan = -1;
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
      if (!han && (Character.isLetterOrDigit(cp) || cp == '\'')) {
        word.appendCodePoint(cp);
        previousHan = -1;
        continue;
      }
      if (!word.isEmpty()) {
        previousWord = addWord(features, previousWord, word.toString());
        word.setLength(0);
      }
      if (han) {
        String c = new String(Character.toChars(cp));
        features.add("c:" + c);
        if (previousHan >= 0) {
          features.add("cc:" + new String(Character.toChars(previousHan)) + c);
        }
        previousHan = cp;
        previousWord = null;
      } else {
        previousHan = -1;
      }
    }
    if (!word.isEmpty()) {
      addWord(features, previousWord, word.toString());
    }
    return features;
  }

  private static String addWord(Set<String> features, String previous, String word) {
    features.add("w:" + word);
    if (previous != null) {
      features.add("ww:" + previous + " " + word);
    }
    return word;
  }
}

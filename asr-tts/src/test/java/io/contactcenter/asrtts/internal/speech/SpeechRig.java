package io.contactcenter.asrtts.internal.speech;

import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Shared by the real-engine tests and the benchmark: feeding, digit strings, error rates. */
final class SpeechRig {

  static final List<String> DIGIT_WORDS =
      List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
  static final List<String> DIGIT_GRAMMAR = grammar();

  private SpeechRig() {}

  private static List<String> grammar() {
    List<String> g = new ArrayList<>(DIGIT_WORDS);
    g.add("oh");
    return List.copyOf(g);
  }

  /**
   * Streams 8 kHz PCM in 20 ms frames as a call would: the caller speaks after a second of silence
   * (the end of the prompt) and then stays silent.
   */
  static Transcript stream(SpeechRecognizer recognizer, byte[] pcm8k, RecognitionOptions options) {
    try (RecognitionStream stream = recognizer.open(options)) {
      byte[] padded = new byte[16000 + pcm8k.length + 16000];
      System.arraycopy(pcm8k, 0, padded, 16000, pcm8k.length);
      for (int at = 0; at < padded.length && !stream.endOfSpeech(); at += 320) {
        stream.accept(
            Arrays.copyOfRange(padded, at, Math.min(padded.length, at + 320)),
            AudioEncoding.PCM16_8K);
      }
      return stream.finish();
    }
  }

  static List<String> randomDigitStrings(int count, long seed) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int length = 4 + random.nextInt(5);
      StringBuilder digits = new StringBuilder();
      for (int d = 0; d < length; d++) {
        digits.append((char) ('0' + random.nextInt(10)));
      }
      out.add(digits.toString());
    }
    return out;
  }

  /** Digits as a caller says them, one at a time (MaryTTS runs them together without commas). */
  static String spoken(String digits) {
    List<String> words = new ArrayList<>();
    for (char c : digits.toCharArray()) {
      words.add(DIGIT_WORDS.get(c - '0'));
    }
    return String.join(", ", words);
  }

  /** The digits a transcript names ("oh" is zero); other words are dropped. */
  static String digitsOf(String text) {
    StringBuilder out = new StringBuilder();
    for (String w : words(text)) {
      int i = DIGIT_WORDS.indexOf(w);
      if (i >= 0) {
        out.append((char) ('0' + i));
      } else if (w.equals("oh")) {
        out.append('0');
      }
    }
    return out.toString();
  }

  static List<String> words(String text) {
    String t = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").strip();
    return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
  }

  /** Word error rate: word-level edit distance over the reference length. */
  static double wer(String reference, String hypothesis) {
    List<String> r = words(reference);
    List<String> h = words(hypothesis);
    return (double) editDistance(r, h) / Math.max(1, r.size());
  }

  static <T> int editDistance(List<T> a, List<T> b) {
    int[][] d = new int[a.size() + 1][b.size() + 1];
    for (int i = 0; i <= a.size(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.size(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.size(); i++) {
      for (int j = 1; j <= b.size(); j++) {
        int cost = a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
      }
    }
    return d[a.size()][b.size()];
  }

  static List<Character> chars(String s) {
    return s.chars().mapToObj(c -> (char) c).toList();
  }
}

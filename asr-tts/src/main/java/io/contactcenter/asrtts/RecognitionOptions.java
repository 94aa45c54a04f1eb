package io.contactcenter.asrtts;

import java.time.Duration;
import java.util.List;

/**
 * How to recognize one utterance. Validates itself.
 *
 * @param language the model's language, such as {@code en}; {@code null} means {@code en}. Whether
 *     a model exists for it is checked by the recognizer.
 * @param phrases an optional grammar: the words or phrases the caller is expected to say (digits,
 *     "yes", "no"); anything else is recognized as {@code [unk]}. Empty means free speech. A
 *     grammar makes short answers far more accurate. At most {@value #MAX_GRAMMAR_WORDS} words over
 *     all phrases.
 * @param trailingSilence how long the caller must be silent after speaking for the utterance to
 *     end, 100 ms to 10 s; {@code null} means the recognizer's configured default ({@code
 *     cc.asrtts.speech.trailing-silence}, 700 ms unless configured)
 * @param maxUtterance the longest utterance, counted from the first speech, 1 s to 5 min; {@code
 *     null} means the recognizer's configured default ({@code cc.asrtts.speech.max-utterance}, 15 s
 *     unless configured). {@link SpeechRecognizer#transcribe} takes a whole clip as one utterance
 *     when both timings are {@code null}.
 * @param alternatives 0 (the default): the transcript's words carry the recognizer's own word
 *     confidences; 1 to {@value #MAX_ALTERNATIVES}: the transcript also carries up to this many
 *     alternative transcripts, best first ({@link Transcript#alternatives()}), and its word
 *     confidences are derived from how many of them agree, because Vosk gives alternatives
 *     <em>instead of</em> word confidences
 */
public record RecognitionOptions(
    String language,
    List<String> phrases,
    Duration trailingSilence,
    Duration maxUtterance,
    int alternatives) {

  /** The most alternative transcripts one recognition may ask for. */
  public static final int MAX_ALTERNATIVES = 10;

  /** The most words a grammar may hold, over all its phrases. */
  public static final int MAX_GRAMMAR_WORDS = 200;

  private static final Duration LONGEST_UTTERANCE = Duration.ofMinutes(5);

  /** Options without alternatives: words carry the recognizer's confidences. */
  public RecognitionOptions(
      String language, List<String> phrases, Duration trailingSilence, Duration maxUtterance) {
    this(language, phrases, trailingSilence, maxUtterance, 0);
  }

  public RecognitionOptions {
    if (alternatives < 0 || alternatives > MAX_ALTERNATIVES) {
      throw new IllegalArgumentException(
          "alternatives must be between 0 and " + MAX_ALTERNATIVES + ", was " + alternatives);
    }
    if (language == null) {
      language = "en";
    }
    if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
      throw new IllegalArgumentException(
          "language '" + language + "' is not a language tag such as en or zh");
    }
    phrases = phrases == null ? List.of() : List.copyOf(phrases);
    int words = 0;
    for (String phrase : phrases) {
      if (phrase.isBlank()) {
        throw new IllegalArgumentException("phrases contain a blank phrase");
      }
      words += phrase.strip().split("\\s+").length;
    }
    // Vosk logs one warning line per grammar word missing from its vocabulary: without a cap one
    // request could write thousands of log lines.
    if (words > MAX_GRAMMAR_WORDS) {
      throw new IllegalArgumentException(
          "phrases hold " + words + " words; at most " + MAX_GRAMMAR_WORDS + " are allowed");
    }
    if (trailingSilence != null
        && (trailingSilence.compareTo(Duration.ofMillis(100)) < 0
            || trailingSilence.compareTo(Duration.ofSeconds(10)) > 0)) {
      throw new IllegalArgumentException(
          "trailingSilence must be between 100 ms and 10 s, was " + trailingSilence);
    }
    if (maxUtterance != null
        && (maxUtterance.compareTo(Duration.ofSeconds(1)) < 0
            || maxUtterance.compareTo(LONGEST_UTTERANCE) > 0)) {
      throw new IllegalArgumentException(
          "maxUtterance must be between 1 s and " + LONGEST_UTTERANCE + ", was " + maxUtterance);
    }
  }

  /** Free speech in a language with the default timings. */
  public static RecognitionOptions freeSpeech(String language) {
    return new RecognitionOptions(language, List.of(), null, null);
  }

  /** Only the given phrases (plus {@code [unk]}) in a language, with the default timings. */
  public static RecognitionOptions grammar(String language, List<String> phrases) {
    return new RecognitionOptions(language, phrases, null, null);
  }

  /** These options with other end-of-speech timings. */
  public RecognitionOptions withTimings(Duration trailingSilence, Duration maxUtterance) {
    return new RecognitionOptions(language, phrases, trailingSilence, maxUtterance, alternatives);
  }

  /** These options asking for up to {@code alternatives} alternative transcripts (0: none). */
  public RecognitionOptions withAlternatives(int alternatives) {
    return new RecognitionOptions(language, phrases, trailingSilence, maxUtterance, alternatives);
  }
}

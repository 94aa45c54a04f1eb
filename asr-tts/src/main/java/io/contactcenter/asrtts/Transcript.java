package io.contactcenter.asrtts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was said in an utterance.
 *
 * @param text the words separated by single spaces, lower case; empty for silence
 * @param words each word with its timing from the start of the audio stream
 * @param confidence the mean word confidence between 0 and 1; 0 for silence
 * @param audioDuration how much audio the stream had received when the utterance ended (for {@link
 *     SpeechRecognizer#transcribe}, the whole clip)
 * @param alternatives the recognizer's n best transcripts, best first, when {@link
 *     RecognitionOptions#alternatives()} asked for them (else empty); {@code text} is the first's.
 *     The words' confidences are then the share of the alternatives' weight that holds each word
 *     (Vosk gives no word confidences with alternatives)
 */
public record Transcript(
    String text,
    List<Word> words,
    double confidence,
    Duration audioDuration,
    List<Alternative> alternatives) {

  /**
   * How sharply an alternative's weight falls with its score: weight {@code exp(SCORE_SCALE ×
   * (score − best score))}. Chosen on the noisy-reply benchmark's tune part (docs/benchmarks.md).
   */
  public static final double SCORE_SCALE = 1.0;

  /** A transcript without alternatives. */
  public Transcript(String text, List<Word> words, double confidence, Duration audioDuration) {
    this(text, words, confidence, audioDuration, List.of());
  }

  public Transcript {
    text = text == null ? "" : text.strip();
    words = words == null ? List.of() : List.copyOf(words);
    alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
    }
    if (audioDuration == null || audioDuration.isNegative()) {
      throw new IllegalArgumentException("audioDuration must be zero or positive");
    }
  }

  /** The transcript of silence. */
  public static Transcript silence(Duration audioDuration) {
    return new Transcript("", List.of(), 0, audioDuration);
  }

  /** Whether nothing was recognized. */
  public boolean isEmpty() {
    return text.isEmpty();
  }

  /** This transcript over a clip of another duration. */
  public Transcript withAudioDuration(Duration duration) {
    return new Transcript(text, words, confidence, duration, alternatives);
  }

  /**
   * Each alternative's share of their total weight, in the order of {@link #alternatives()}; they
   * sum to 1 (empty without alternatives). See {@link Alternative#shares}.
   */
  public List<Double> alternativeShares() {
    return Alternative.shares(alternatives, SCORE_SCALE);
  }

  /**
   * Each distinct text of the alternatives with its share of their weight (alternatives that differ
   * only in {@code [unk]} are one text), best first; without alternatives the transcript's own text
   * holds the whole weight. What a reader that weighs answers needs, such as the IVR's read-back.
   */
  public Map<String, Double> sharesByText() {
    if (alternatives.isEmpty()) {
      return Map.of(text, 1.0);
    }
    List<Double> shares = alternativeShares();
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < alternatives.size(); i++) {
      out.merge(alternatives.get(i).text(), shares.get(i), Double::sum);
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * One of the recognizer's n best transcripts.
   *
   * @param text the words separated by single spaces, lower case, without {@code [unk]}; may be
   *     empty (the recognizer's guess that nothing was said)
   * @param score the recognizer's score, a log-likelihood: higher is likelier; only differences
   *     between the alternatives of one utterance mean anything
   */
  public record Alternative(String text, double score) {

    public Alternative {
      text = text == null ? "" : text.strip();
      if (!Double.isFinite(score)) {
        throw new IllegalArgumentException("score must be a finite number, was " + score);
      }
    }

    /**
     * Each alternative's share of the total weight, each weighed {@code exp(scale × (score − best
     * score))}: the best weighs 1, one whose score is {@code 1/scale} lower about 0.37.
     */
    public static List<Double> shares(List<Alternative> alternatives, double scale) {
      if (alternatives.isEmpty()) {
        return List.of();
      }
      double best = Double.NEGATIVE_INFINITY;
      for (Alternative a : alternatives) {
        best = Math.max(best, a.score());
      }
      double[] weights = new double[alternatives.size()];
      double total = 0;
      for (int i = 0; i < weights.length; i++) {
        weights[i] = Math.exp(scale * (alternatives.get(i).score() - best));
        total += weights[i];
      }
      List<Double> out = new ArrayList<>(weights.length);
      for (double w : weights) {
        out.add(w / total);
      }
      return List.copyOf(out);
    }
  }

  /**
   * One recognized word.
   *
   * @param word the word, lower case
   * @param start when it starts, from the start of the audio stream
   * @param end when it ends
   * @param confidence between 0 and 1
   */
  public record Word(String word, Duration start, Duration end, double confidence) {}
}

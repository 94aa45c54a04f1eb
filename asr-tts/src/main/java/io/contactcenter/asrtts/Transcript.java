package io.contactcenter.asrtts;

import java.time.Duration;
import java.util.List;

/**
 * What was said in an utterance.
 *
 * @param text the words separated by single spaces, lower case; empty for silence
 * @param words each word with its timing from the start of the audio stream
 * @param confidence the mean word confidence between 0 and 1; 0 for silence
 * @param audioDuration how much audio the stream had received when the utterance ended (for {@link
 *     SpeechRecognizer#transcribe}, the whole clip)
 */
public record Transcript(String text, List<Word> words, double confidence, Duration audioDuration) {

  public Transcript {
    text = text == null ? "" : text.strip();
    words = words == null ? List.of() : List.copyOf(words);
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

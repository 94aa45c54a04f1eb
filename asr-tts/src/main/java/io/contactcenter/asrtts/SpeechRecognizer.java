package io.contactcenter.asrtts;

import java.util.Set;

/**
 * Turns caller audio into text.
 *
 * <p>Thread-safe: one recognizer serves every call. Each audio stream gets its own {@link
 * RecognitionStream}, which holds native memory until it is closed.
 */
public interface SpeechRecognizer {

  /**
   * Opens a stream for one utterance of caller audio.
   *
   * @throws UnsupportedLanguageException when no model is configured for the options' language
   */
  RecognitionStream open(RecognitionOptions options);

  /**
   * Opens a stream that reports partial text and the end of speech to a listener, on the thread
   * that feeds the audio.
   *
   * @throws UnsupportedLanguageException when no model is configured for the options' language
   */
  RecognitionStream open(RecognitionOptions options, RecognitionListener listener);

  /**
   * Transcribes a whole clip: a convenience over {@link #open}. Silence gives an empty transcript.
   *
   * @throws AudioTooLargeException when the clip is longer or bigger than the configured limits
   * @throws UnsupportedLanguageException when no model is configured for the options' language
   */
  Transcript transcribe(AudioClip clip, RecognitionOptions options);

  /** The languages a model is configured for, such as {@code en}. */
  Set<String> languages();
}

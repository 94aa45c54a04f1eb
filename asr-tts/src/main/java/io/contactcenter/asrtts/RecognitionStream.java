package io.contactcenter.asrtts;

import java.time.Duration;

/**
 * One utterance of caller audio being recognized. Not thread-safe: one thread feeds it. Holds
 * native memory: close it, in a try-with-resources or a {@code finally}.
 *
 * <p>Audio is gated by a voice-activity detector: silence before the caller speaks costs almost no
 * CPU, and about 300 ms before the detected onset are still decoded so that word onsets are kept.
 * The utterance ends after the configured trailing silence or maximum length; audio after that is
 * ignored.
 */
public interface RecognitionStream extends AutoCloseable {

  /**
   * Feeds audio. Any length is accepted; a telephony frame is 20 ms (160 bytes of G.711, 320 bytes
   * of 8 kHz PCM).
   *
   * @throws AudioTooLargeException when the stream went past the configured maximum duration
   * @throws IllegalStateException when the stream is closed
   */
  void accept(byte[] data, AudioEncoding encoding);

  /** Whether the utterance has ended (trailing silence or maximum length). */
  boolean endOfSpeech();

  /**
   * How long the caller has been quiet since they last spoke in this utterance: zero before they
   * spoke, while they speak and once the utterance has ended. A caller of the stream may end the
   * utterance earlier than the configured trailing silence, with {@link #finish()}, when what was
   * said so far is already a complete answer.
   */
  Duration silenceAfterSpeech();

  /** The text recognized so far; empty before speech. */
  String partialText();

  /**
   * Ends the utterance (if it has not ended) and returns what was said. Silence gives an empty
   * transcript. Calling it again returns the same transcript.
   */
  Transcript finish();

  /** Releases the native recognizer. Idempotent. */
  @Override
  void close();
}

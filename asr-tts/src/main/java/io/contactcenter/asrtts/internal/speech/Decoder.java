package io.contactcenter.asrtts.internal.speech;

/**
 * One native decoding session at 16 kHz: the seam between the stream logic (VAD, end of speech,
 * resampling) and Vosk, so the logic is tested without a model. Results are Vosk JSON.
 */
interface Decoder extends AutoCloseable {

  /** Decodes samples; true when the decoder itself found an utterance boundary. */
  boolean accept(short[] samples, int length);

  /** The result up to the boundary reported by {@link #accept}. */
  String result();

  /** The hypothesis so far. */
  String partialResult();

  /** Ends decoding and returns the rest. */
  String finalResult();

  /**
   * Where this utterance starts on the decoder's clock, in seconds: word times in the results count
   * from there. Zero for a decoder that serves a single utterance.
   */
  default double timeOrigin() {
    return 0;
  }

  /** Ends the session: frees the native decoder or hands it back for another utterance. */
  @Override
  void close();
}

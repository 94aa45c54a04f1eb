package io.contactcenter.asrtts;

/**
 * Hears what a {@link RecognitionStream} makes of the audio, on the thread that calls {@link
 * RecognitionStream#accept}. Implementations must return quickly: they hold up the audio.
 */
public interface RecognitionListener {

  /** The text so far changed; it may still change. Not called for silence. */
  default void onPartial(String text) {}

  /**
   * The caller stopped talking (trailing silence) or talked too long (maximum utterance): called
   * once per stream with the final transcript, which {@link RecognitionStream#finish()} returns
   * too.
   */
  default void onEndOfSpeech(Transcript transcript) {}
}

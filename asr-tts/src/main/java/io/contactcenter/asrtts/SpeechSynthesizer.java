package io.contactcenter.asrtts;

import java.nio.file.Path;
import java.util.Collection;

/**
 * Turns prompt text into telephony audio: 8 kHz, 16-bit, mono.
 *
 * <p>Thread-safe. Results are cached by voice and text, in memory and on disk, so a prompt is
 * rendered once per machine; {@link #prerender} fills the cache ahead of a campaign.
 */
public interface SpeechSynthesizer {

  /**
   * Speaks a text.
   *
   * @param voice a voice name such as {@code cmu-slt-hsmm}; {@code null} for the configured default
   * @throws IllegalArgumentException when the text is blank or the voice is not installed
   */
  SynthesizedSpeech synthesize(String text, String voice);

  /**
   * Speaks a text into a WAV file (8 kHz, 16-bit, mono PCM) that Asterisk can play. The file is
   * named by a hash of voice and text in the cache directory and is reused.
   *
   * @return the file's absolute path; Asterisk's Playback wants it without the {@code .wav}
   */
  Path synthesizeToWav(String text, String voice);

  /** Renders texts with the default voice into the cache, so calls do not wait for them. */
  void prerender(Collection<String> texts);
}

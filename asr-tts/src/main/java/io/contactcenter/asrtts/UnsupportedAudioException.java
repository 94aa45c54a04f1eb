package io.contactcenter.asrtts;

/** Audio arrived in a format the speech engines cannot read. */
public class UnsupportedAudioException extends IllegalArgumentException {

  /** What {@link AudioClip#fromWav} accepts, for messages. */
  public static final String EXPECTED =
      "expected a WAV file: PCM 16-bit, µ-law or A-law, mono or stereo, 8-48 kHz";

  public UnsupportedAudioException(String problem) {
    super(problem + "; " + EXPECTED);
  }
}

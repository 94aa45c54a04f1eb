package io.contactcenter.asrtts;

import io.contactcenter.asrtts.internal.speech.Wav;
import java.time.Duration;

/**
 * A whole piece of mono audio in memory.
 *
 * @param pcm16le signed 16-bit little-endian mono PCM
 * @param sampleRate samples per second, 8000 to 48000
 */
public record AudioClip(byte[] pcm16le, int sampleRate) {

  public AudioClip {
    if (pcm16le == null || pcm16le.length % 2 != 0) {
      throw new IllegalArgumentException("pcm16le must hold whole 16-bit samples");
    }
    if (sampleRate < 8000 || sampleRate > 48000) {
      throw new IllegalArgumentException(
          "sampleRate must be between 8000 and 48000 Hz, was " + sampleRate);
    }
  }

  /**
   * Reads a WAV file: RIFF/WAVE with PCM 16-bit, or 8-bit µ-law or A-law, mono or stereo (mixed
   * down), at 8 to 48 kHz.
   *
   * @throws UnsupportedAudioException for anything else (MP3, 24-bit, garbage), naming the accepted
   *     formats
   */
  public static AudioClip fromWav(byte[] wav) {
    return Wav.read(wav);
  }

  /** How long the clip plays. */
  public Duration duration() {
    return Duration.ofNanos(pcm16le.length / 2 * 1_000_000_000L / sampleRate);
  }

  /** The clip as a WAV file (RIFF, PCM 16-bit, mono). */
  public byte[] toWav() {
    return Wav.write(pcm16le, sampleRate);
  }

  static byte[] wav(byte[] pcm16le, int sampleRate) {
    return Wav.write(pcm16le, sampleRate);
  }
}

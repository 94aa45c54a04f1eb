package io.contactcenter.asrtts;

import java.time.Duration;

/**
 * Spoken text as telephony audio.
 *
 * @param pcm16le8k signed 16-bit little-endian mono PCM at 8 kHz
 * @param duration how long it plays
 * @param cached whether it came from the cache rather than the synthesizer
 */
public record SynthesizedSpeech(byte[] pcm16le8k, Duration duration, boolean cached) {

  public SynthesizedSpeech {
    if (pcm16le8k == null || pcm16le8k.length % 2 != 0) {
      throw new IllegalArgumentException("pcm16le8k must hold whole 16-bit samples");
    }
  }

  /** The audio as a WAV file (RIFF, PCM 16-bit, mono, 8 kHz). */
  public byte[] toWav() {
    return AudioClip.wav(pcm16le8k, 8000);
  }

  /** The audio as a clip. */
  public AudioClip toClip() {
    return new AudioClip(pcm16le8k, 8000);
  }
}

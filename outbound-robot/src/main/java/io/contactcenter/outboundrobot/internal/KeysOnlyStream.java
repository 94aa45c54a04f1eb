package io.contactcenter.outboundrobot.internal;

import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.Transcript;
import java.time.Duration;

/**
 * The ears of a call in a language no recognition model serves (Chinese until a model is
 * configured): it hears nothing, so a listening turn runs into its timeout and the re-prompt offers
 * the step's keys, which the callee answers with. The call speaks and takes keys instead of failing
 * on the first turn.
 */
final class KeysOnlyStream implements RecognitionStream {

  private double audioSeconds;

  @Override
  public void accept(byte[] data, AudioEncoding encoding) {
    int bytesPerSample =
        encoding == AudioEncoding.ULAW_8K || encoding == AudioEncoding.ALAW_8K ? 1 : 2;
    audioSeconds += (double) data.length / bytesPerSample / encoding.sampleRate();
  }

  @Override
  public boolean endOfSpeech() {
    return false;
  }

  @Override
  public Duration silenceAfterSpeech() {
    return Duration.ZERO;
  }

  @Override
  public String partialText() {
    return "";
  }

  @Override
  public Transcript finish() {
    return Transcript.silence(Duration.ofMillis(Math.round(audioSeconds * 1000)));
  }

  @Override
  public void close() {}
}

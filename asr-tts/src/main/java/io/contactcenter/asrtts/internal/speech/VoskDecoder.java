package io.contactcenter.asrtts.internal.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.vosk.Model;
import org.vosk.Recognizer;

/** A Vosk {@link Recognizer} with word timings: native memory, freed by {@link #close()}. */
final class VoskDecoder implements Decoder {

  static final float SAMPLE_RATE = 16000f;
  private final Recognizer recognizer;

  VoskDecoder(Model model, List<String> phrases, String grammarJson) {
    try {
      this.recognizer =
          phrases.isEmpty()
              ? new Recognizer(model, SAMPLE_RATE)
              : new Recognizer(model, SAMPLE_RATE, grammarJson);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a Vosk recognizer", e);
    }
    try {
      recognizer.setWords(true);
    } catch (RuntimeException e) {
      recognizer.close();
      throw e;
    }
  }

  @Override
  public boolean accept(short[] samples, int length) {
    return recognizer.acceptWaveForm(samples, length);
  }

  @Override
  public String result() {
    return recognizer.getResult();
  }

  @Override
  public String partialResult() {
    return recognizer.getPartialResult();
  }

  @Override
  public String finalResult() {
    return recognizer.getFinalResult();
  }

  @Override
  public void close() {
    recognizer.close();
  }
}

package io.contactcenter.asrtts.internal.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * A Vosk {@link Recognizer} with word timings: native memory, freed by {@link #free()}.
 *
 * <p>A recognizer can serve one utterance after another ({@link VoskDecoderPool} reuses it): its
 * decoding graph is composed on the fly and cached inside the recognizer, and a fresh recognizer
 * spends most of its first utterance filling that cache. Between uses {@link #recycle()} finalizes
 * the utterance, so that the next one starts with a new feature pipeline (nothing of the previous
 * caller's voice adaptation is kept); Vosk then times words from the recognizer's creation, which
 * {@link #timeOrigin()} reports.
 */
final class VoskDecoder implements Decoder {

  static final float SAMPLE_RATE = 16000f;
  private static final short[] ONE_SAMPLE = new short[1];

  private final Recognizer recognizer;
  private final VoskDecoderPool pool;
  private final Object key;
  private long samplesFed;
  private long useStartSample;

  /** Vosk's own state, mirrored: whether it needs finishing before the next utterance. */
  private State state = State.IDLE;

  private enum State {
    IDLE,
    RUNNING,
    ENDPOINT
  }

  VoskDecoder(Model model, List<String> phrases, String grammarJson) {
    this(model, phrases, grammarJson, 0, null, null);
  }

  /**
   * A recognizer for a grammar ({@code phrases} empty: free speech) that gives up to {@code
   * alternatives} n-best transcripts (0: word confidences instead).
   */
  VoskDecoder(
      Model model,
      List<String> phrases,
      String grammarJson,
      int alternatives,
      VoskDecoderPool pool,
      Object key) {
    this.pool = pool;
    this.key = key;
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
      if (alternatives > 0) {
        recognizer.setMaxAlternatives(alternatives);
      }
    } catch (RuntimeException e) {
      recognizer.close();
      throw e;
    }
  }

  Object key() {
    return key;
  }

  @Override
  public boolean accept(short[] samples, int length) {
    state = State.RUNNING;
    samplesFed += length;
    return recognizer.acceptWaveForm(samples, length);
  }

  @Override
  public String result() {
    if (state == State.RUNNING) {
      state = State.ENDPOINT;
    }
    return recognizer.getResult();
  }

  @Override
  public String partialResult() {
    return recognizer.getPartialResult();
  }

  @Override
  public String finalResult() {
    if (state == State.RUNNING) {
      state = State.IDLE;
    }
    return recognizer.getFinalResult();
  }

  @Override
  public double timeOrigin() {
    return useStartSample / (double) SAMPLE_RATE;
  }

  /**
   * Ends the current utterance for good so that the recognizer can take the next: after {@link
   * #result()} (an endpoint Vosk found) Vosk would carry its feature pipeline over, so one more
   * sample and a final result force a full restart.
   */
  void recycle() {
    if (state == State.ENDPOINT) {
      accept(ONE_SAMPLE, 1);
    }
    if (state == State.RUNNING) {
      recognizer.getFinalResult();
    }
    state = State.IDLE;
    useStartSample = samplesFed;
  }

  /** Returns the recognizer to its pool, or frees it when it has none (or the pool is full). */
  @Override
  public void close() {
    if (pool == null) {
      free();
    } else {
      pool.release(this);
    }
  }

  void free() {
    recognizer.close();
  }
}

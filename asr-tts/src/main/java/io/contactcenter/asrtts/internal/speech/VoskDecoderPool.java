package io.contactcenter.asrtts.internal.speech;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.Model;

/**
 * Idle Vosk recognizers kept for the next utterance, per model and grammar. A recognizer composes
 * its decoding graph on the fly and caches it: a fresh one spends about three times the CPU of a
 * warm one on its first utterance, so reusing them is the largest single saving in free-speech
 * recognition. At most {@code maxIdle} are kept (least recently used go first); each holds native
 * memory, so the bound trades memory for CPU. Thread-safe.
 */
final class VoskDecoderPool implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(VoskDecoderPool.class);

  private final int maxIdle;

  /** Most recently released first. */
  private final Deque<VoskDecoder> idle = new ArrayDeque<>();

  private boolean closed;

  VoskDecoderPool(int maxIdle) {
    if (maxIdle < 0) {
      throw new IllegalArgumentException("maxIdle must not be negative");
    }
    this.maxIdle = maxIdle;
  }

  /** A recognizer for the model and grammar ({@code null}: free speech), warm when one is idle. */
  Decoder acquire(Model model, List<String> phrases, String grammarJson) {
    return acquire(model, phrases, grammarJson, 0);
  }

  /** As above, giving up to {@code alternatives} n-best transcripts (0: word confidences). */
  Decoder acquire(Model model, List<String> phrases, String grammarJson, int alternatives) {
    Key key = new Key(model, grammarJson, alternatives);
    synchronized (this) {
      for (Iterator<VoskDecoder> it = idle.iterator(); it.hasNext(); ) {
        VoskDecoder decoder = it.next();
        if (decoder.key().equals(key)) {
          it.remove();
          return decoder;
        }
      }
    }
    return new VoskDecoder(
        model, phrases, grammarJson, alternatives, maxIdle > 0 ? this : null, key);
  }

  /** Takes a recognizer back after its utterance, or frees it. */
  void release(VoskDecoder decoder) {
    try {
      decoder.recycle();
    } catch (RuntimeException e) {
      log.warn("freeing a Vosk recognizer that could not be reset", e);
      decoder.free();
      return;
    }
    List<VoskDecoder> evicted = new ArrayList<>(1);
    synchronized (this) {
      if (closed) {
        evicted.add(decoder);
      } else {
        idle.addFirst(decoder);
        while (idle.size() > maxIdle) {
          evicted.add(idle.removeLast());
        }
      }
    }
    evicted.forEach(VoskDecoder::free);
  }

  synchronized int idleCount() {
    return idle.size();
  }

  /** Frees the idle recognizers; those in use are freed when released. */
  @Override
  public void close() {
    List<VoskDecoder> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(idle);
      idle.clear();
    }
    all.forEach(VoskDecoder::free);
  }

  private record Key(Model model, String grammar, int alternatives) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.model == model
          && Objects.equals(k.grammar, grammar)
          && k.alternatives == alternatives;
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(model) * 31 + Objects.hashCode(grammar)) * 31 + alternatives;
    }
  }
}

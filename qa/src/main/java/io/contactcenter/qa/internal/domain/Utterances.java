package io.contactcenter.qa.internal.domain;

import io.contactcenter.qa.TranscriptWord;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one speaker's words into utterances a text classifier can label: a pause longer than {@link
 * #PAUSE_MS}, or {@link #MAX_WORDS} words, ends one; a chat message (an entry without duration) is
 * one on its own.
 */
public final class Utterances {

  /** A pause this long (ms) between two words ends an utterance. */
  static final long PAUSE_MS = 700;

  /** The most words in one utterance; the classifier labels short replies best. */
  static final int MAX_WORDS = 30;

  private Utterances() {}

  /** One utterance: its text (CJK characters run together, words spaced) and its time. */
  public record Utterance(String text, long startMs, long endMs) {}

  /** The utterances of these words (one speaker's, in time order). */
  public static List<Utterance> of(List<TranscriptWord> words) {
    List<Utterance> out = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    long start = -1;
    long end = -1;
    int count = 0;
    for (TranscriptWord w : words) {
      if (w.word() == null || w.word().isBlank()) {
        continue;
      }
      boolean message = w.endMs() <= w.startMs();
      if (start >= 0 && (message || w.startMs() - end > PAUSE_MS || count >= MAX_WORDS)) {
        out.add(new Utterance(PhraseMatcher.join(parts), start, end));
        parts.clear();
        start = -1;
        count = 0;
      }
      if (start < 0) {
        start = w.startMs();
        end = w.endMs();
      }
      parts.addAll(List.of(w.word().strip().split("\\s+")));
      end = Math.max(end, w.endMs());
      count++;
      if (message) {
        out.add(new Utterance(PhraseMatcher.join(parts), start, end));
        parts.clear();
        start = -1;
        count = 0;
      }
    }
    if (start >= 0) {
      out.add(new Utterance(PhraseMatcher.join(parts), start, end));
    }
    return out;
  }
}

package io.contactcenter.qa.internal.domain;

import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.util.ArrayList;
import java.util.List;

/** A stretch of one speaker's speech: their words with no gap longer than {@link #GAP_MS}. */
record Stretch(Speaker speaker, long startMs, long endMs) {

  /** Words of one speaker closer than this form one stretch of speech. */
  static final long GAP_MS = 300;

  /** The stretches of one speaker's words, in the order of the (sorted) words. */
  static List<Stretch> of(List<TranscriptWord> words, Speaker speaker) {
    List<Stretch> out = new ArrayList<>();
    long start = -1;
    long end = -1;
    for (TranscriptWord w : words) {
      if (w.speaker() != speaker) {
        continue;
      }
      if (start >= 0 && w.startMs() - end <= GAP_MS) {
        end = Math.max(end, w.endMs());
      } else {
        if (start >= 0) {
          out.add(new Stretch(speaker, start, end));
        }
        start = w.startMs();
        end = w.endMs();
      }
    }
    if (start >= 0) {
      out.add(new Stretch(speaker, start, end));
    }
    return out;
  }
}

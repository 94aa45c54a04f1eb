package io.contactcenter.qa.internal;

import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.qa.TranscriptWord;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves each recognized word's start and end onto the edges of its sound in the recording. The
 * recognizer times words on its own frames: between turns of telephone speech a silence measured
 * from its words came out 60–90 ms short and a talk-over 60–70 ms long on the median, and where it
 * gave a short first word no word (or timed it late) a silence came out up to 0.76 s long and a
 * talk-over as much short (docs/benchmarks.md, "Silence and talk-over against known timings"; ADR
 * 0012 addendum).
 *
 * <p>The audio is cut into 10 ms frames; a frame is sound when its level reaches {@link
 * Settings#floorDbfs} and {@link Settings#marginDb} over the recording's noise floor (the 10th
 * percentile of the frame levels), and quiet gaps of at most {@link Settings#hangoverMs} inside
 * sound are bridged (a stop consonant's closure is not a pause). A word's end moves to the end of
 * the last such run of sound that began by the word's end; its start to the start of the first run
 * that lasts past it, each by at most {@link Settings#maxShiftMs} and never across the neighbouring
 * words, so words keep their order and never overlap. A word with no sound near it keeps the
 * recognizer's times. Pure and deterministic: the same words and audio give the same times.
 */
final class SpeechEdges {

  /**
   * How the edges are found.
   *
   * @param floorDbfs the lowest frame level that counts as sound, however quiet the line
   * @param marginDb how far over the recording's noise floor a frame must be to count as sound
   * @param hangoverMs the longest quiet gap bridged inside a run of sound
   * @param maxShiftMs the most a start or end is moved, either way
   */
  record Settings(double floorDbfs, double marginDb, int hangoverMs, int maxShiftMs) {}

  /** Chosen on the tune calls of SilenceTimingBenchmark (docs/benchmarks.md). */
  static final Settings DEFAULTS = new Settings(-55, 6, 300, 1500);

  static final int FRAME_MS = 10;

  private SpeechEdges() {}

  /** {@link #refine(List, AudioClip, Settings)} with the {@link #DEFAULTS}. */
  static List<TranscriptWord> refine(List<TranscriptWord> words, AudioClip clip) {
    return refine(words, clip, DEFAULTS);
  }

  /**
   * The words with their times moved onto their sound.
   *
   * @param words one recording's words, in order of their start
   * @param clip the recording they were recognized in
   */
  static List<TranscriptWord> refine(List<TranscriptWord> words, AudioClip clip, Settings s) {
    if (words.isEmpty()) {
      return words;
    }
    boolean[] sound = bridge(sound(levels(clip), s), s.hangoverMs() / FRAME_MS);
    List<TranscriptWord> out = new ArrayList<>(words.size());
    long previousEnd = 0;
    for (int i = 0; i < words.size(); i++) {
      TranscriptWord w = words.get(i);
      long nextStart = i + 1 < words.size() ? words.get(i + 1).startMs() : Long.MAX_VALUE;
      long lo = Math.max(previousEnd, w.startMs() - s.maxShiftMs());
      long hi = Math.min(w.endMs(), w.startMs() + s.maxShiftMs());
      long start = clamp(soundStart(sound, w.startMs(), w.endMs()), lo, hi, w.startMs());
      lo = Math.max(start, w.endMs() - s.maxShiftMs());
      hi = Math.min(Math.max(nextStart, w.endMs()), w.endMs() + s.maxShiftMs());
      long end = clamp(soundEnd(sound, w.startMs(), w.endMs()), lo, hi, w.endMs());
      end = Math.max(end, start);
      out.add(new TranscriptWord(w.word(), start, end, w.confidence(), w.speaker()));
      previousEnd = end;
    }
    return List.copyOf(out);
  }

  private static long clamp(long value, long lo, long hi, long otherwise) {
    if (value < 0) {
      return otherwise;
    }
    return Math.max(lo, Math.min(hi, value));
  }

  /**
   * Where the first run of sound lasting past {@code startMs} and beginning before {@code endMs}
   * begins, in ms; -1 when there is none.
   */
  static long soundStart(boolean[] sound, long startMs, long endMs) {
    int from = frame(startMs);
    int to = Math.min(sound.length, Math.max(from + 1, frame(endMs)));
    for (int f = Math.max(0, from); f < to; f++) {
      if (sound[f]) {
        int a = f;
        while (a > 0 && sound[a - 1]) {
          a--;
        }
        return (long) a * FRAME_MS;
      }
    }
    return -1;
  }

  /**
   * Where the last run of sound that began by {@code endMs} and reaches past {@code startMs} ends,
   * in ms; -1 when there is none.
   */
  static long soundEnd(boolean[] sound, long startMs, long endMs) {
    int from = Math.max(0, frame(startMs));
    int last = Math.min(sound.length - 1, Math.max(from, frame(endMs - 1)));
    for (int f = last; f >= from; f--) {
      if (sound[f]) {
        int b = f;
        while (b + 1 < sound.length && sound[b + 1]) {
          b++;
        }
        return (long) (b + 1) * FRAME_MS;
      }
    }
    return -1;
  }

  private static int frame(long ms) {
    return (int) Math.min(Integer.MAX_VALUE, ms / FRAME_MS);
  }

  /** The level of each 10 ms frame in dBFS (-120 for digital silence). */
  static double[] levels(AudioClip clip) {
    byte[] pcm = clip.pcm16le();
    int frameSamples = clip.sampleRate() / 1000 * FRAME_MS;
    int frames = pcm.length / 2 / frameSamples;
    double[] levels = new double[frames];
    for (int f = 0; f < frames; f++) {
      long sum = 0;
      int base = f * frameSamples * 2;
      for (int i = 0; i < frameSamples; i++) {
        int s = (short) ((pcm[base + 2 * i] & 0xFF) | (pcm[base + 2 * i + 1] << 8));
        sum += (long) s * s;
      }
      double rms = Math.sqrt(sum / (double) frameSamples);
      levels[f] = rms < 1e-6 ? -120 : 20 * Math.log10(rms / 32768);
    }
    return levels;
  }

  /** Which frames are sound: over the floor and the margin above the noise floor. */
  static boolean[] sound(double[] levels, Settings s) {
    double threshold = Math.max(s.floorDbfs(), noiseFloor(levels) + s.marginDb());
    boolean[] sound = new boolean[levels.length];
    for (int f = 0; f < levels.length; f++) {
      sound[f] = levels[f] >= threshold;
    }
    return sound;
  }

  /**
   * The 10th percentile of the frame levels, to the dB (a histogram: a long call sorts nothing).
   */
  static double noiseFloor(double[] levels) {
    int[] histogram = new int[121];
    for (double l : levels) {
      histogram[(int) Math.max(0, Math.min(120, Math.floor(l + 120)))]++;
    }
    int rank = (int) Math.ceil(levels.length * 0.1);
    int seen = 0;
    for (int bin = 0; bin < histogram.length; bin++) {
      seen += histogram[bin];
      if (seen >= rank && seen > 0) {
        return bin - 120;
      }
    }
    return -120;
  }

  /** Quiet gaps of at most {@code frames} frames between sound become sound. */
  static boolean[] bridge(boolean[] sound, int frames) {
    boolean[] out = sound.clone();
    int lastSound = -1;
    for (int f = 0; f < sound.length; f++) {
      if (sound[f]) {
        if (lastSound >= 0 && f - lastSound - 1 <= frames) {
          for (int g = lastSound + 1; g < f; g++) {
            out[g] = true;
          }
        }
        lastSound = f;
      }
    }
    return out;
  }
}

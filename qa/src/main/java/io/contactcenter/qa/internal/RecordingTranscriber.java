package io.contactcenter.qa.internal;

import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.asrtts.UnsupportedAudioException;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Transcribes a whole recording of any length through the speech engine, keeping each word's time
 * from the start of the recording. A recognition stream ends at a pause (the engine's trailing
 * silence) or after {@code segment} of audio, and the next one starts where it ended, so a
 * three-hour call is many short recognitions and never one over the engine's audio limit.
 *
 * <p>Between recognitions a {@link SilenceGate} steps over silence, so a long pause, or on one leg
 * of a two-leg call the other party's turn, is not fed to the engine at all; the next recognition
 * starts {@link #LEAD} before the sound, so the engine still sees the quiet it settles on and its
 * own pre-roll before the first word. Word times stay exact: each recognition's words are offset by
 * where that recognition started.
 *
 * <p>Last, each word's start and end are moved onto the edges of its sound in the recording ({@link
 * SpeechEdges}): the engine's own word times put silences and talk-over 60–90 ms off on the median
 * and up to 0.76 s off where it missed a turn's short first word. The stored transcript holds the
 * moved times, so the review page's seeking, the rule hits and the scores all use the same ones.
 */
final class RecordingTranscriber {

  /** Audio is fed in 20 ms frames, the telephony frame, so a pause is noticed within one. */
  private static final int FRAME_MS = 20;

  private static final Duration TRAILING_SILENCE = Duration.ofMillis(500);

  /**
   * Quiet audio a recognition gets before the sound the gate found: more than the engine's 300 ms
   * pre-roll, so a soft onset under the gate's threshold is still decoded.
   */
  static final Duration LEAD = Duration.ofMillis(600);

  private final SpeechRecognizer recognizer;
  private final Duration segment;
  private final boolean refineEdges;

  RecordingTranscriber(SpeechRecognizer recognizer, Duration segment) {
    this(recognizer, segment, true);
  }

  /**
   * @param refineEdges whether each word's start and end are moved onto its sound ({@link
   *     SpeechEdges}); only the timing benchmark turns it off, to measure the recognizer's own
   *     times
   */
  RecordingTranscriber(SpeechRecognizer recognizer, Duration segment, boolean refineEdges) {
    this.recognizer = recognizer;
    this.segment = segment;
    this.refineEdges = refineEdges;
  }

  /** What a recording said. */
  record Result(List<TranscriptWord> words, long durationMs) {

    /** Two directions of one call on one timeline: the words by time, the longer duration. */
    static Result merge(Result a, Result b) {
      List<TranscriptWord> words = new ArrayList<>(a.words());
      words.addAll(b.words());
      words.sort(java.util.Comparator.comparingLong(TranscriptWord::startMs));
      return new Result(List.copyOf(words), Math.max(a.durationMs(), b.durationMs()));
    }
  }

  /**
   * Transcribes a recording.
   *
   * @param speaker who the words are attributed to (a mixed recording: {@link Speaker#UNKNOWN})
   * @param progress called between frames; it may throw to abandon the work (a lost lease)
   * @throws UnsupportedAudioException when the audio is neither 8 nor 16 kHz
   */
  Result transcribe(AudioClip clip, String language, Speaker speaker, Runnable progress) {
    AudioEncoding encoding =
        switch (clip.sampleRate()) {
          case 8000 -> AudioEncoding.PCM16_8K;
          case 16000 -> AudioEncoding.PCM16_16K;
          default ->
              throw new UnsupportedAudioException(
                  "recordings must be 8 or 16 kHz, this one is " + clip.sampleRate() + " Hz");
        };
    byte[] pcm = clip.pcm16le();
    int frameBytes = clip.sampleRate() / 1000 * FRAME_MS * 2;
    long segmentBytes = segment.toMillis() * clip.sampleRate() / 1000 * 2;
    RecognitionOptions options =
        RecognitionOptions.freeSpeech(language)
            .withTimings(
                TRAILING_SILENCE,
                segment.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : segment);
    SilenceGate gate = new SilenceGate(clip.sampleRate());
    int leadBytes = (int) (LEAD.toMillis() / FRAME_MS) * frameBytes;
    List<TranscriptWord> words = new ArrayList<>();
    int position = 0;
    while (true) {
      position = recognitionStart(gate, pcm, position, leadBytes);
      progress.run();
      if (position >= pcm.length) {
        break;
      }
      int start = position;
      try (RecognitionStream stream = recognizer.open(options)) {
        while (position < pcm.length && position - start < segmentBytes && !stream.endOfSpeech()) {
          int end = Math.min(pcm.length, position + frameBytes);
          stream.accept(Arrays.copyOfRange(pcm, position, end), encoding);
          position = end;
          progress.run();
        }
        long offsetMs = millis(start, clip.sampleRate());
        Transcript transcript = stream.finish();
        for (Transcript.Word w : transcript.words()) {
          words.add(
              new TranscriptWord(
                  w.word(),
                  offsetMs + w.start().toMillis(),
                  offsetMs + w.end().toMillis(),
                  w.confidence(),
                  speaker));
        }
      }
    }
    return new Result(
        refineEdges ? SpeechEdges.refine(words, clip) : List.copyOf(words),
        millis(pcm.length, clip.sampleRate()));
  }

  /**
   * Where the next recognition starts: {@code lead} bytes before the next sound, never before
   * {@code position}, in whole frames from {@code position}; the end of the audio when only silence
   * is left.
   */
  static int recognitionStart(SilenceGate gate, byte[] pcm, int position, int lead) {
    int sound = gate.nextSound(pcm, position);
    if (sound >= pcm.length) {
      return pcm.length;
    }
    return Math.max(position, sound - lead);
  }

  private static long millis(long bytes, int sampleRate) {
    return bytes / 2 * 1000 / sampleRate;
  }
}

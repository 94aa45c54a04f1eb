package io.contactcenter.qa.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.RecognitionListener;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.asrtts.UnsupportedAudioException;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The transcriber cuts a recording into recognitions at pauses and at the segment limit and keeps
 * each word's time from the start of the recording. The recognizer here is a stand-in that hears a
 * "word" in every run of loud audio, so the arithmetic is checked without a speech model.
 */
class RecordingTranscriberTest {

  private final CountingRecognizer recognizer = new CountingRecognizer();

  @Test
  void wordsKeepTheirTimeFromTheStartOfTheRecording() {
    // loud 1.0-1.5 s, loud 4.0-4.4 s, in 6 s of audio at 8 kHz
    byte[] pcm = new byte[6 * 16000];
    loud(pcm, 1000, 1500);
    loud(pcm, 4000, 4400);

    RecordingTranscriber.Result result =
        new RecordingTranscriber(recognizer, Duration.ofSeconds(90))
            .transcribe(new AudioClip(pcm, 8000), "en", Speaker.UNKNOWN, () -> {});

    assertThat(result.durationMs()).isEqualTo(6000);
    assertThat(result.words())
        .extracting(TranscriptWord::startMs, TranscriptWord::endMs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1000L, 1500L),
            org.assertj.core.groups.Tuple.tuple(4000L, 4400L));
    assertThat(recognizer.opened.get())
        .as("a new recognition after each pause, none for the silence after the last word")
        .isEqualTo(2);
  }

  @Test
  void silenceBetweenTurnsIsNotFedToTheEngine() {
    // one leg of a two-leg call: this party speaks 0.5 s at 2 s and at 40 s of 60 s
    byte[] pcm = new byte[60 * 16000];
    loud(pcm, 2000, 2500);
    loud(pcm, 40_000, 40_500);

    RecordingTranscriber.Result result =
        new RecordingTranscriber(recognizer, Duration.ofSeconds(90))
            .transcribe(new AudioClip(pcm, 8000), "en", Speaker.CUSTOMER, () -> {});

    assertThat(result.durationMs()).isEqualTo(60_000);
    assertThat(result.words())
        .extracting(TranscriptWord::startMs, TranscriptWord::endMs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2000L, 2500L),
            org.assertj.core.groups.Tuple.tuple(40_000L, 40_500L));
    // each word with the lead before it and the trailing silence after it, nothing else
    long perWord = RecordingTranscriber.LEAD.toMillis() + 500 + 500;
    assertThat(recognizer.totalFedMs).isEqualTo(2 * perWord);
  }

  @Test
  void aRecognitionStartsTheLeadBeforeTheSoundAndNeverBeforeWhereTheLastEnded() {
    SilenceGate gate = new SilenceGate(8000);
    int frame = gate.frameBytes();
    byte[] pcm = new byte[200 * frame];
    loud(pcm, 100 * 20, 101 * 20); // frame 100

    assertThat(RecordingTranscriber.recognitionStart(gate, pcm, 0, 30 * frame))
        .isEqualTo(70 * frame);
    assertThat(RecordingTranscriber.recognitionStart(gate, pcm, 80 * frame, 30 * frame))
        .isEqualTo(80 * frame);
    assertThat(RecordingTranscriber.recognitionStart(gate, pcm, 101 * frame, 30 * frame))
        .as("only silence left")
        .isEqualTo(pcm.length);
  }

  @Test
  void theGateHearsAnythingTheEngineCouldTakeForSpeech() {
    SilenceGate gate = new SilenceGate(8000);
    int frame = gate.frameBytes();
    byte[] pcm = new byte[10 * frame];
    level(pcm, 0, 5 * frame, -66); // line noise
    level(pcm, 5 * frame, 10 * frame, -57); // a very quiet caller, under the engine's -55 minimum

    assertThat(gate.nextSound(pcm, 0)).isEqualTo(5 * frame);
    assertThat(gate.nextSound(new byte[10 * frame], 0)).isEqualTo(10 * frame);
    assertThat(gate.nextSound(pcm, 7 * frame))
        .as("counted from where it starts")
        .isEqualTo(7 * frame);
  }

  @Test
  void aLongRecordingIsCutIntoSegmentsNoneOverTheLimit() {
    byte[] pcm = new byte[10 * 16000];
    loud(pcm, 0, 10_000); // ten seconds of speech without a pause

    RecordingTranscriber.Result result =
        new RecordingTranscriber(recognizer, Duration.ofSeconds(3))
            .transcribe(new AudioClip(pcm, 8000), "en", Speaker.AGENT, () -> {});

    assertThat(recognizer.longestFedMs).isLessThanOrEqualTo(3000);
    assertThat(result.words())
        .extracting(TranscriptWord::startMs)
        .containsExactly(0L, 3000L, 6000L, 9000L);
    assertThat(result.words()).allMatch(w -> w.speaker() == Speaker.AGENT);
  }

  @Test
  void progressMayAbandonTheWork() {
    byte[] pcm = new byte[2 * 16000];
    loud(pcm, 0, 2000);
    AtomicInteger frames = new AtomicInteger();

    assertThatThrownBy(
            () ->
                new RecordingTranscriber(recognizer, Duration.ofSeconds(90))
                    .transcribe(
                        new AudioClip(pcm, 8000),
                        "en",
                        Speaker.UNKNOWN,
                        () -> {
                          if (frames.incrementAndGet() == 10) {
                            throw new TranscriptionWorker.LeaseLostException("x");
                          }
                        }))
        .isInstanceOf(TranscriptionWorker.LeaseLostException.class);
    assertThat(recognizer.open.get()).as("the stream was closed").isZero();
  }

  @Test
  void audioOtherThan8Or16KhzIsRefused() {
    assertThatThrownBy(
            () ->
                new RecordingTranscriber(recognizer, Duration.ofSeconds(90))
                    .transcribe(
                        new AudioClip(new byte[4410], 44100), "en", Speaker.UNKNOWN, () -> {}))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining("44100");
  }

  private static void loud(byte[] pcm, int fromMs, int toMs) {
    for (int i = fromMs * 8; i < toMs * 8; i++) {
      pcm[i * 2 + 1] = 0x20;
    }
  }

  /** A square wave at the given RMS level from byte {@code from} to {@code to}. */
  private static void level(byte[] pcm, int from, int to, double dbfs) {
    short amplitude = (short) Math.round(32768 * Math.pow(10, dbfs / 20));
    for (int i = from; i + 1 < to; i += 2) {
      short s = (i / 2) % 2 == 0 ? amplitude : (short) -amplitude;
      pcm[i] = (byte) s;
      pcm[i + 1] = (byte) (s >> 8);
    }
  }

  /** Hears one word per run of loud audio; ends an utterance after 500 ms of quiet. */
  static final class CountingRecognizer implements SpeechRecognizer {
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();
    long longestFedMs;
    long totalFedMs;

    @Override
    public RecognitionStream open(RecognitionOptions options) {
      opened.incrementAndGet();
      open.incrementAndGet();
      return new RecognitionStream() {
        long fedMs;
        long wordStart = -1;
        long wordEnd = -1;
        long quietSince = -1;
        final List<Transcript.Word> words = new ArrayList<>();
        boolean ended;

        @Override
        public void accept(byte[] data, AudioEncoding encoding) {
          for (int i = 0; i + 1 < data.length; i += 16) {
            boolean isLoud = data[i + 1] != 0;
            long at = fedMs + i / 16;
            if (isLoud) {
              if (wordStart < 0) {
                wordStart = at;
              }
              wordEnd = at + 1;
              quietSince = -1;
            } else if (wordStart >= 0 && quietSince < 0) {
              quietSince = at;
            }
          }
          fedMs += data.length / 16;
          totalFedMs += data.length / 16;
          longestFedMs = Math.max(longestFedMs, fedMs);
          if (quietSince >= 0 && fedMs - quietSince >= 500) {
            ended = true;
          }
        }

        @Override
        public boolean endOfSpeech() {
          return ended;
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
          if (wordStart >= 0 && words.isEmpty()) {
            words.add(
                new Transcript.Word(
                    "w", Duration.ofMillis(wordStart), Duration.ofMillis(wordEnd), 1));
          }
          return new Transcript(
              words.isEmpty() ? "" : "w", words, words.isEmpty() ? 0 : 1, Duration.ofMillis(fedMs));
        }

        @Override
        public void close() {
          open.decrementAndGet();
        }
      };
    }

    @Override
    public RecognitionStream open(RecognitionOptions options, RecognitionListener listener) {
      return open(options);
    }

    @Override
    public Transcript transcribe(AudioClip clip, RecognitionOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> languages() {
      return Set.of("en");
    }
  }
}

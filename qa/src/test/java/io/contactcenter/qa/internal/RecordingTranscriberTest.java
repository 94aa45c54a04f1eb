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
    assertThat(recognizer.opened.get()).as("a new recognition after each pause").isEqualTo(3);
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

  /** Hears one word per run of loud audio; ends an utterance after 500 ms of quiet. */
  static final class CountingRecognizer implements SpeechRecognizer {
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();
    long longestFedMs;

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

package io.contactcenter.asrtts.internal.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.AudioTooLargeException;
import io.contactcenter.asrtts.RecognitionListener;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.common.G711;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The stream's VAD gating and end-of-speech logic, with a fake decoder instead of Vosk. */
class VoskRecognitionStreamTest {

  private static final int RATE = 8000;
  private final List<FakeDecoder> decoders = new ArrayList<>();
  private final List<Transcript> ended = new ArrayList<>();

  private VoskRecognitionStream stream(Duration trailing, Duration max) {
    return stream(trailing, max, new AdaptiveVoiceActivityDetector(-42, 10));
  }

  /** A stream with the configured defaults' VAD: minimum -55 dBFS, 10 dB above the floor. */
  private VoskRecognitionStream defaultStream() {
    SpeechProperties defaults = SpeechProperties.defaults();
    return stream(
        defaults.trailingSilence(),
        defaults.maxUtterance(),
        new AdaptiveVoiceActivityDetector(defaults.vadThreshold(), defaults.vadNoiseMargin()));
  }

  private VoskRecognitionStream stream(
      Duration trailing, Duration max, AdaptiveVoiceActivityDetector vad) {
    return new VoskRecognitionStream(
        () -> {
          FakeDecoder d = new FakeDecoder();
          decoders.add(d);
          return d;
        },
        vad,
        new RecognitionListener() {
          @Override
          public void onEndOfSpeech(Transcript transcript) {
            ended.add(transcript);
          }
        },
        trailing,
        max,
        Duration.ofSeconds(120));
  }

  private static void feedInFrames(VoskRecognitionStream stream, short[] samples) {
    byte[] pcm = Signals.bytes(samples);
    for (int at = 0; at < pcm.length; at += 320) {
      byte[] frame = java.util.Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + 320));
      stream.accept(frame, AudioEncoding.PCM16_8K);
    }
  }

  /**
   * What a stream with a -42 dBFS VAD, 700 ms of trailing silence and the usual limits makes of
   * {@code audio}, with its decoder taken from {@code decoders}.
   */
  private static Transcript transcribe(Supplier<Decoder> decoders, short[] audio) {
    VoskRecognitionStream stream =
        new VoskRecognitionStream(
            decoders,
            new AdaptiveVoiceActivityDetector(-42, 10),
            null,
            Duration.ofMillis(700),
            Duration.ofSeconds(15),
            Duration.ofSeconds(120));
    feedInFrames(stream, audio);
    return stream.finish();
  }

  @Test
  void withTheNoiseSuppressorSpeechAfterNoiseIsHeardAndNoSampleIsLost() {
    VoskRecognitionStream stream =
        new VoskRecognitionStream(
            () -> {
              FakeDecoder d = new FakeDecoder();
              decoders.add(d);
              return d;
            },
            new AdaptiveVoiceActivityDetector(-55, 10),
            null,
            Duration.ofMillis(700),
            Duration.ofSeconds(15),
            Duration.ofSeconds(120),
            -20,
            () -> {});
    // A second of line noise, then a word that stops with the audio (no silence after it): the
    // suppressor holds its last window back, and finishing must still hear it all.
    feedInFrames(
        stream,
        Signals.concat(
            Signals.noise(RATE, 1, -45, 3),
            Signals.mix(Signals.noise(RATE, 0.5, -45, 4), Signals.toneAt(440, RATE, 0.5, -20))));

    Transcript transcript = stream.finish();

    assertThat(decoders).as("the word after the noise was heard").hasSize(1);
    assertThat(transcript.audioDuration()).isEqualTo(Duration.ofMillis(1500));
    assertThat(transcript.text()).isEqualTo("hello");
  }

  @Test
  void silenceNeverReachesTheDecoderAndGivesAnEmptyTranscript() {
    try (VoskRecognitionStream stream = stream(Duration.ofMillis(700), Duration.ofSeconds(15))) {
      feedInFrames(stream, Signals.silence(RATE, 10));
      assertThat(stream.endOfSpeech()).isFalse();

      Transcript transcript = stream.finish();

      assertThat(stream.decodedFrames()).isZero();
      assertThat(decoders).isEmpty();
      assertThat(transcript.isEmpty()).isTrue();
      assertThat(transcript.audioDuration()).isEqualTo(Duration.ofSeconds(10));
    }
  }

  @Test
  void tellsHowLongTheCallerHasBeenQuietSinceTheyLastSpoke() {
    try (VoskRecognitionStream stream = stream(Duration.ofMillis(700), Duration.ofSeconds(15))) {
      feedInFrames(stream, Signals.silence(RATE, 1));
      assertThat(stream.silenceAfterSpeech()).as("before speech").isZero();

      feedInFrames(stream, Signals.tone(440, RATE, 0.5, 8000));
      assertThat(stream.silenceAfterSpeech()).as("while speaking").isZero();

      feedInFrames(stream, Signals.silence(RATE, 0.3));
      assertThat(stream.silenceAfterSpeech()).isEqualTo(Duration.ofMillis(300));

      feedInFrames(stream, Signals.tone(440, RATE, 0.2, 8000));
      assertThat(stream.silenceAfterSpeech()).as("speaking again").isZero();

      feedInFrames(stream, Signals.silence(RATE, 1));
      assertThat(stream.endOfSpeech()).isTrue();
      assertThat(stream.silenceAfterSpeech()).as("after the end").isZero();
    }
  }

  @Test
  void lineNoiseBelowTheThresholdIsSilence() {
    short[] noise = Signals.tone(300, RATE, 5, 100); // about -50 dBFS
    try (VoskRecognitionStream stream = stream(Duration.ofMillis(700), Duration.ofSeconds(15))) {
      feedInFrames(stream, noise);
      assertThat(stream.decodedFrames()).isZero();
    }
  }

  @Test
  void aQuietCallerIsHeardWhereTheOldFixedThresholdHeardNothing() {
    // 20 dB below a nominal caller (-26 dBFS), on a quiet line.
    short[] audio =
        Signals.concat(
            Signals.noise(RATE, 1, -75, 7),
            Signals.toneAt(440, RATE, 0.6, -48),
            Signals.noise(RATE, 1, -75, 8));
    try (VoskRecognitionStream stream = defaultStream()) {
      feedInFrames(stream, audio);

      assertThat(stream.endOfSpeech()).isTrue();
      assertThat(stream.finish().text()).isEqualTo("hello");
    }
  }

  @Test
  void noiseOnTheLineDoesNotHoldTheTurnOpenAfterTheReply() {
    // Noise at -35 dBFS, above the old fixed -42: the turn used to last to the longest utterance.
    short[] noise = Signals.noise(RATE, 6, -35, 9);
    short[] reply = Signals.concat(Signals.silence(RATE, 2), Signals.toneAt(440, RATE, 0.6, -20));
    try (VoskRecognitionStream stream = defaultStream()) {
      feedInFrames(stream, Signals.mix(noise, reply));

      assertThat(stream.endOfSpeech()).isTrue();
      // The turn ended by silence: 2.6 s of audio to the reply's end, 700 ms after it.
      assertThat(stream.finish().audioDuration()).isLessThanOrEqualTo(Duration.ofMillis(3400));
    }
  }

  @Test
  void decodesFromThePreRollUntilTheTrailingSilenceEndsTheUtterance() {
    short[] audio =
        Signals.concat(
            Signals.silence(RATE, 2), Signals.tone(440, RATE, 1, 8000), Signals.silence(RATE, 3));
    try (VoskRecognitionStream stream = stream(Duration.ofMillis(700), Duration.ofSeconds(15))) {
      feedInFrames(stream, audio);

      assertThat(stream.endOfSpeech()).isTrue();
      // 300 ms pre-roll (15 frames, holding the 2 onset frames) + the rest of 1 s of speech
      // (48 frames) + 700 ms trailing silence (35 frames); nothing of the 2.3 s after.
      assertThat(stream.decodedFrames()).isEqualTo(15 + 48 + 35);
      assertThat(decoders).hasSize(1);
      assertThat(decoders.getFirst().closed).isTrue();
      assertThat(decoders.getFirst().samples).isEqualTo((15 + 48 + 35) * 320);
      Transcript transcript = stream.finish();
      assertThat(transcript.text()).isEqualTo("hello");
      assertThat(ended).containsExactly(transcript);
      // Word times count from the stream start: decoding began 260 ms before the onset at 2 s.
      assertThat(transcript.words().getFirst().start()).isEqualTo(Duration.ofMillis(1840));
      // The audio up to the end of the utterance: 2 s + 1 s + 700 ms.
      assertThat(transcript.audioDuration()).isEqualTo(Duration.ofMillis(3700));
    }
  }

  @Test
  void shortPausesDoNotEndTheUtterance() {
    short[] audio =
        Signals.concat(
            Signals.tone(440, RATE, 0.5, 8000),
            Signals.silence(RATE, 0.5),
            Signals.tone(440, RATE, 0.5, 8000),
            Signals.silence(RATE, 0.5));
    try (VoskRecognitionStream stream = stream(Duration.ofMillis(700), Duration.ofSeconds(15))) {
      feedInFrames(stream, audio);
      assertThat(stream.endOfSpeech()).isFalse();
      feedInFrames(stream, Signals.silence(RATE, 0.2));
      assertThat(stream.endOfSpeech()).isTrue();
    }
  }

  @Test
  void cutsAnUtteranceAtTheMaximumLength() {
    // A steady tone: it would become the VAD's noise floor after 1.5 s, so the limit is shorter.
    short[] audio = Signals.tone(440, RATE, 10, 8000);
    try (VoskRecognitionStream stream = stream(Duration.ofMillis(700), Duration.ofSeconds(1))) {
      feedInFrames(stream, audio);

      assertThat(stream.endOfSpeech()).isTrue();
      assertThat(stream.decodedFrames()).isEqualTo(1000 / 20);
      assertThat(ended).hasSize(1);
      assertThat(decoders.getFirst().closed).isTrue();
    }
  }

  @Test
  void aClickIsNotAnOnset() {
    short[] audio =
        Signals.concat(
            Signals.silence(RATE, 1),
            Signals.tone(440, RATE, 0.02, 20000),
            Signals.silence(RATE, 1));
    try (VoskRecognitionStream stream = stream(Duration.ofMillis(700), Duration.ofSeconds(15))) {
      feedInFrames(stream, audio);
      assertThat(stream.decodedFrames()).isZero();
    }
  }

  @Test
  void decodesG711AndOddSizedPcmBuffers() {
    short[] tone = Signals.tone(440, RATE, 1, 8000);
    byte[] ulaw = new byte[tone.length];
    byte[] alaw = new byte[tone.length];
    for (int i = 0; i < tone.length; i++) {
      ulaw[i] = G711.linearToUlaw(tone[i]);
      alaw[i] = G711.linearToAlaw(tone[i]);
    }
    for (AudioEncoding encoding : List.of(AudioEncoding.ULAW_8K, AudioEncoding.ALAW_8K)) {
      try (VoskRecognitionStream stream = stream(Duration.ofMillis(700), Duration.ofSeconds(15))) {
        stream.accept(encoding == AudioEncoding.ULAW_8K ? ulaw : alaw, encoding);
        assertThat(stream.decodedFrames()).as("%s", encoding).isEqualTo(50);
      }
    }
    try (VoskRecognitionStream stream = stream(Duration.ofMillis(700), Duration.ofSeconds(15))) {
      byte[] pcm = Signals.bytes(tone);
      for (int at = 0; at < pcm.length; at += 33) {
        stream.accept(
            java.util.Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + 33)),
            AudioEncoding.PCM16_8K);
      }
      assertThat(stream.decodedFrames()).isEqualTo(50);
      stream.finish();
      // Every sample reached the decoder, upsampled to 16 kHz, between the quiet padding that
      // stands in for the pre-roll the tone began without (all but the 2 onset frames) and the
      // 300 ms after it the audio ended without.
      int leading = (VoskRecognitionStream.PRE_ROLL_FRAMES - 2) * 320;
      int trailing = 300 * 16;
      assertThat(decoders.getLast().samples).isEqualTo(leading + 16000 + trailing);
    }
  }

  @Test
  void refusesAudioBeyondTheConfiguredDuration() {
    VoskRecognitionStream stream =
        new VoskRecognitionStream(
            FakeDecoder::new,
            new AdaptiveVoiceActivityDetector(-42, 10),
            null,
            Duration.ofMillis(700),
            Duration.ofSeconds(15),
            Duration.ofSeconds(2));
    try (stream) {
      assertThatThrownBy(() -> feedInFrames(stream, Signals.silence(RATE, 3)))
          .isInstanceOf(AudioTooLargeException.class)
          .hasMessageContaining("limit of 2 s");
    }
  }

  @Test
  void closingMidUtteranceFreesTheDecoder() {
    VoskRecognitionStream stream = stream(Duration.ofMillis(700), Duration.ofSeconds(15));
    feedInFrames(stream, Signals.tone(440, RATE, 0.5, 8000));
    assertThat(decoders.getFirst().closed).isFalse();

    stream.close();
    stream.close();

    assertThat(decoders.getFirst().closed).isTrue();
    assertThatThrownBy(() -> stream.accept(new byte[320], AudioEncoding.PCM16_8K))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void reportsItsCloseOnceHoweverOftenItIsClosed() {
    AtomicInteger open = new AtomicInteger(1);
    VoskRecognitionStream stream =
        new VoskRecognitionStream(
            FakeDecoder::new,
            new AdaptiveVoiceActivityDetector(-42, 10),
            null,
            Duration.ofMillis(700),
            Duration.ofSeconds(15),
            Duration.ofSeconds(120),
            0,
            open::decrementAndGet);
    feedInFrames(stream, Signals.tone(440, RATE, 0.5, 8000));

    stream.close();
    stream.close();

    assertThat(open).hasValue(0);
  }

  @Test
  void speechFromTheFirstSampleGetsQuietPaddingInsteadOfAMissingPreRollAndKeepsItsTimes() {
    try (VoskRecognitionStream stream = stream(Duration.ofMillis(700), Duration.ofSeconds(15))) {
      feedInFrames(stream, Signals.concat(Signals.tone(440, RATE, 1, 8000)));
      Transcript transcript = stream.finish();

      // 13 frames of padding make the 2 onset frames a whole 300 ms pre-roll; the audio ended
      // in speech, so 300 ms of padding follow it.
      assertThat(decoders.getFirst().samples).isEqualTo(13 * 320 + 16000 + 300 * 16);
      assertThat(stream.decodedFrames()).isEqualTo(50);
      // The decoder's 0.1 s is 260 ms of padding before the stream's first sample.
      assertThat(transcript.words().getFirst().start()).isEqualTo(Duration.ZERO);
      assertThat(transcript.audioDuration()).isEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void feedsTheDecoderInBlocksAndTimesWordsFromTheUtterancesOwnOrigin() {
    List<Integer> calls = new ArrayList<>();
    Transcript transcript =
        transcribe(
            () ->
                new FakeDecoder() {
                  @Override
                  public boolean accept(short[] s, int length) {
                    calls.add(length);
                    return super.accept(s, length);
                  }

                  @Override
                  public double timeOrigin() {
                    // A pooled recognizer that has decoded 42 s before this utterance.
                    return 42;
                  }

                  @Override
                  public String finalResult() {
                    return "{\"result\":[{\"conf\":0.9,\"start\":42.1,\"end\":42.5,"
                        + "\"word\":\"hello\"}],\"text\":\"hello\"}";
                  }
                },
            Signals.concat(
                Signals.silence(RATE, 2),
                Signals.tone(440, RATE, 1, 8000),
                Signals.silence(RATE, 3)));

    int block = 16000 * VoskRecognitionStream.FEED_MS / 1000;
    assertThat(calls.subList(0, calls.size() - 1)).allMatch(n -> n >= block && n < block + 320);
    assertThat(calls.stream().mapToInt(Integer::intValue).sum()).isEqualTo((15 + 48 + 35) * 320);
    assertThat(transcript.words().getFirst().start()).isEqualTo(Duration.ofMillis(1840));
  }

  @Test
  void nBestAlternativesFollowTheWordsOfEarlierSegmentsAndGiveWordsTheirAgreement() {
    // Vosk found an endpoint inside the reply ("call me"), then gave three alternatives for the
    // rest; with alternatives it gives no word confidences.
    Transcript transcript =
        transcribe(
            () ->
                new FakeDecoder() {
                  private boolean resultTaken;

                  @Override
                  public boolean accept(short[] s, int length) {
                    super.accept(s, length);
                    // As Vosk: the boundary is reported on every call until its result is taken.
                    return !resultTaken && samples > 16000;
                  }

                  @Override
                  public String result() {
                    resultTaken = true;
                    return "{\"alternatives\":[{\"confidence\":210.0,\"result\":["
                        + "{\"start\":0.1,\"end\":0.3,\"word\":\"call\"},"
                        + "{\"start\":0.3,\"end\":0.5,\"word\":\"me\"}],"
                        + "\"text\":\"call me\"}]}";
                  }

                  @Override
                  public String finalResult() {
                    return "{\"alternatives\":["
                        + "{\"confidence\":200.0,\"result\":["
                        + "{\"start\":0.6,\"end\":0.9,\"word\":\"tomorrow\"},"
                        + "{\"start\":0.9,\"end\":1.2,\"word\":\"morning\"}],"
                        + "\"text\":\"tomorrow morning\"},"
                        + "{\"confidence\":200.0,\"result\":["
                        + "{\"start\":0.6,\"end\":0.9,\"word\":\"tomorrow\"},"
                        + "{\"start\":0.9,\"end\":1.0,\"word\":\"tomorrow\"},"
                        + "{\"start\":1.0,\"end\":1.2,\"word\":\"mourning\"}],"
                        + "\"text\":\"tomorrow tomorrow mourning\"},"
                        + "{\"confidence\":-1000.0,\"result\":[],\"text\":\"[unk]\"}]}";
                  }
                },
            Signals.concat(
                Signals.silence(RATE, 1),
                Signals.tone(440, RATE, 1.5, 8000),
                Signals.silence(RATE, 1)));

    assertThat(transcript.text()).isEqualTo("call me tomorrow morning");
    assertThat(transcript.alternatives())
        .extracting(Transcript.Alternative::text)
        .containsExactly(
            "call me tomorrow morning", "call me tomorrow tomorrow mourning", "call me");
    assertThat(transcript.alternativeShares().get(0)).isCloseTo(0.5, within(1e-9));
    // Each word's confidence is the weight of the alternatives holding it (a word an alternative
    // repeats counts once).
    assertThat(transcript.words())
        .extracting(Transcript.Word::confidence)
        .containsExactly(1.0, 1.0, 1.0, 0.5);
    assertThat(transcript.confidence()).isCloseTo(0.875, within(1e-9));
  }

  @Test
  void aBoundaryTheDecoderFindsWhileTheCallerIsStillSpeakingIsTakenOnlyOnceTheyPause() {
    // Vosk's endpointer took a weak word for silence 400 ms into 1.5 s of speech and keeps
    // reporting it: the stream takes the boundary only after 300 ms of its own silence.
    List<Long> resultsAt = new ArrayList<>();
    Transcript transcript =
        transcribe(
            () ->
                new FakeDecoder() {
                  private boolean resultTaken;

                  @Override
                  public boolean accept(short[] s, int length) {
                    super.accept(s, length);
                    // Decoding starts 260 ms before the onset at 1 s: 700 ms of 16 kHz audio in.
                    return !resultTaken && samples > 11200;
                  }

                  @Override
                  public String result() {
                    resultTaken = true;
                    resultsAt.add(samples);
                    return "{\"result\":[{\"conf\":1,\"start\":0.3,\"end\":0.7,"
                        + "\"word\":\"one\"}],\"text\":\"one\"}";
                  }
                },
            Signals.concat(
                Signals.silence(RATE, 1),
                Signals.tone(440, RATE, 1.5, 8000),
                Signals.silence(RATE, 1)));

    assertThat(resultsAt).hasSize(1);
    // Not before the end of the speech (260 ms of pre-roll + 1.5 s) and 300 ms of silence.
    assertThat(resultsAt.getFirst()).isGreaterThanOrEqualTo((260 + 1500 + 300) * 16L);
    assertThat(transcript.text()).isEqualTo("one hello");
  }

  @Test
  void withoutAlternativesATranscriptCarriesNone() {
    try (VoskRecognitionStream stream = stream(Duration.ofMillis(700), Duration.ofSeconds(15))) {
      feedInFrames(
          stream,
          Signals.concat(
              Signals.silence(RATE, 1),
              Signals.tone(440, RATE, 1, 8000),
              Signals.silence(RATE, 1)));

      assertThat(stream.finish().alternatives()).isEmpty();
    }
  }

  @Test
  void refusesToSwitchEncodingMidStream() {
    try (VoskRecognitionStream stream = stream(Duration.ofMillis(700), Duration.ofSeconds(15))) {
      stream.accept(new byte[160], AudioEncoding.ULAW_8K);
      assertThatThrownBy(() -> stream.accept(new byte[160], AudioEncoding.ALAW_8K))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Counts what it is fed and always hears "hello". */
  static class FakeDecoder implements Decoder {
    long samples;
    boolean closed;

    @Override
    public boolean accept(short[] s, int length) {
      samples += length;
      return false;
    }

    @Override
    public String result() {
      return "{\"text\":\"\"}";
    }

    @Override
    public String partialResult() {
      return "{\"partial\":\"hel\"}";
    }

    @Override
    public String finalResult() {
      return "{\"result\":[{\"conf\":0.9,\"start\":0.1,\"end\":0.5,\"word\":\"hello\"}],"
          + "\"text\":\"hello\"}";
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}

package io.contactcenter.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.RecognitionListener;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.asrtts.SynthesizedSpeech;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.common.SpokenYesNo;
import io.contactcenter.ivr.internal.domain.CallerInput;
import io.contactcenter.ivr.internal.domain.IvrStep;
import io.contactcenter.ivr.internal.domain.Prompt;
import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The speech transport over a scripted media stream and a scripted recognizer. */
class SpeechCallerChannelTest {

  private static final Prompt MENU =
      new Prompt(Map.of("en", "Press 1 or say order status.", "zh", "请按1或说订单状态。"), List.of());

  /**
   * A prompt plays for five waits for an event, unless stopped; returns the scripted events, then
   * nothing.
   */
  static final class ScriptedMedia implements MediaSession {
    final Deque<MediaEvent> events = new ArrayDeque<>();
    final List<String> log = new ArrayList<>();
    int playing;
    boolean closed;

    @Override
    public String callId() {
      return "1.1";
    }

    @Override
    public Optional<MediaEvent> next(Duration timeout) {
      playing = Math.max(0, playing - 1);
      return Optional.ofNullable(events.pollFirst());
    }

    @Override
    public void play(byte[] pcm16le8k) {
      log.add("play " + pcm16le8k.length);
      playing = 5;
    }

    @Override
    public void stopPlayback() {
      log.add("stop");
      playing = 0;
    }

    @Override
    public boolean isPlaying() {
      return playing > 0;
    }

    @Override
    public Duration played() {
      return Duration.ZERO;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Hears {@code said} once it has been fed {@code frames} frames. */
  static SpeechRecognizer recognizer(String said, int frames, List<RecognitionOptions> opened) {
    return new SpeechRecognizer() {
      @Override
      public RecognitionStream open(RecognitionOptions options) {
        opened.add(options);
        return new RecognitionStream() {
          int fed;

          @Override
          public void accept(byte[] data, AudioEncoding encoding) {
            fed++;
          }

          @Override
          public boolean endOfSpeech() {
            return fed >= frames;
          }

          @Override
          public Duration silenceAfterSpeech() {
            return Duration.ZERO;
          }

          @Override
          public String partialText() {
            return fed > 0 ? said : "";
          }

          @Override
          public Transcript finish() {
            if (options.alternatives() == 0) {
              return new Transcript(said, List.of(), 1.0, Duration.ofSeconds(1));
            }
            // Asked for alternatives: the second weighs a third of the first.
            return new Transcript(
                said,
                List.of(),
                0.75,
                Duration.ofSeconds(1),
                List.of(
                    new Transcript.Alternative(said, 0),
                    new Transcript.Alternative("not " + said, -Math.log(3))));
          }

          @Override
          public void close() {}
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
        return Set.of("en", "zh");
      }
    };
  }

  /**
   * Each stream opened hears the next of {@code utterances}: a word every two frames, the utterance
   * ending three frames after its last word; what a stream finished early heard is the words so
   * far.
   */
  static SpeechRecognizer utterances(List<RecognitionOptions> opened, String... utterances) {
    Deque<String> next = new ArrayDeque<>(List.of(utterances));
    return new SpeechRecognizer() {
      @Override
      public RecognitionStream open(RecognitionOptions options) {
        opened.add(options);
        List<String> words = next.isEmpty() ? List.of() : List.of(next.pollFirst().split(" "));
        return new RecognitionStream() {
          int fed;

          @Override
          public void accept(byte[] data, AudioEncoding encoding) {
            fed++;
          }

          @Override
          public boolean endOfSpeech() {
            return !words.isEmpty() && fed >= 2 * words.size() + 3;
          }

          @Override
          public Duration silenceAfterSpeech() {
            return Duration.ZERO;
          }

          @Override
          public String partialText() {
            return String.join(" ", words.subList(0, Math.min(words.size(), fed / 2)));
          }

          @Override
          public Transcript finish() {
            return new Transcript(partialText(), List.of(), 1.0, Duration.ofSeconds(1));
          }

          @Override
          public void close() {}
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
    };
  }

  /**
   * Each stream opened hears the next of {@code utterances}: a word every two frames, then silence
   * that {@link RecognitionStream#silenceAfterSpeech()} counts (20 ms a frame), the utterance
   * ending {@code trailingFrames} frames after its last word, as the recognizer's trailing silence
   * does.
   */
  static SpeechRecognizer pausing(
      List<RecognitionOptions> opened, int trailingFrames, String... utterances) {
    Deque<String> next = new ArrayDeque<>(List.of(utterances));
    return new SpeechRecognizer() {
      @Override
      public RecognitionStream open(RecognitionOptions options) {
        opened.add(options);
        List<String> words = next.isEmpty() ? List.of() : List.of(next.pollFirst().split(" "));
        return new RecognitionStream() {
          int fed;

          @Override
          public void accept(byte[] data, AudioEncoding encoding) {
            fed++;
          }

          @Override
          public boolean endOfSpeech() {
            return !words.isEmpty() && fed >= 2 * words.size() + trailingFrames;
          }

          @Override
          public Duration silenceAfterSpeech() {
            int quiet = fed - 2 * words.size();
            return words.isEmpty() || quiet <= 0 || endOfSpeech()
                ? Duration.ZERO
                : Duration.ofMillis(20L * quiet);
          }

          @Override
          public String partialText() {
            return String.join(" ", words.subList(0, Math.min(words.size(), fed / 2)));
          }

          @Override
          public Transcript finish() {
            return new Transcript(partialText(), List.of(), 1.0, Duration.ofSeconds(1));
          }

          @Override
          public void close() {}
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
    };
  }

  static final SpeechSynthesizer TTS =
      new SpeechSynthesizer() {
        @Override
        public SynthesizedSpeech synthesize(String text, String voice) {
          return new SynthesizedSpeech(new byte[320], Duration.ofMillis(20), false);
        }

        @Override
        public Path synthesizeToWav(String text, String voice) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void prerender(Collection<String> texts) {}
      };

  private final ScriptedMedia media = new ScriptedMedia();
  private final List<RecognitionOptions> opened = new ArrayList<>();

  private SpeechCallerChannel channel(String said, int frames) {
    FakeChannelSession call = new FakeChannelSession("1.1");
    call.media(media);
    return new SpeechCallerChannel(
        call, TTS, recognizer(said, frames, opened), Duration.ofMillis(200), Duration.ZERO);
  }

  private static IvrStep.Ask menu() {
    return new IvrStep.Ask("main", MENU, Map.of(), 1, List.of("order status", "agent"), false);
  }

  @Test
  void speechAnswersAMenuWithItsGrammarAndStopsThePrompt() {
    for (int i = 0; i < 3; i++) {
      media.events.add(new MediaEvent.Audio(new byte[320]));
    }

    CallerInput input = channel("order status", 3).ask(menu(), "en");

    assertThat(input).isEqualTo(new CallerInput.Speech("order status"));
    assertThat(opened.get(0).phrases()).containsExactly("order status", "agent");
    assertThat(opened.get(0).alternatives()).as("a menu needs no alternatives").isZero();
    assertThat(media.log).containsExactly("play 320", "stop");
  }

  @Test
  void aQuestionThatAsksForAlternativesGetsTheirShares() {
    for (int i = 0; i < 3; i++) {
      media.events.add(new MediaEvent.Audio(new byte[320]));
    }
    IvrStep.Ask readBack =
        new IvrStep.Ask("order", MENU, Map.of(), 1, List.of("right", "not right"), false, 5);

    CallerInput input = channel("right", 3).ask(readBack, "en");

    assertThat(opened.get(0).alternatives()).isEqualTo(5);
    assertThat(input)
        .isInstanceOfSatisfying(
            CallerInput.Speech.class,
            s -> {
              assertThat(s.text()).isEqualTo("right");
              assertThat(s.alternatives().get("right")).isCloseTo(0.75, within(1e-9));
              assertThat(s.alternatives().get("not right")).isCloseTo(0.25, within(1e-9));
            });
  }

  @Test
  void aKeyAnswersAtOnceAndStopsThePrompt() {
    media.events.add(new MediaEvent.Dtmf('1'));

    CallerInput input = channel("", 99).ask(menu(), "en");

    assertThat(input).isEqualTo(new CallerInput.Keys("1"));
    assertThat(media.log).containsExactly("play 320", "stop");
  }

  @Test
  void keysEndWithHash() {
    for (char c : "4711#".toCharArray()) {
      media.events.add(new MediaEvent.Dtmf(c));
    }
    IvrStep.Ask number = new IvrStep.Ask("order", MENU, Map.of(), 12, List.of(), false);

    assertThat(channel("", 99).ask(number, "en")).isEqualTo(new CallerInput.Keys("4711"));
    assertThat(opened).as("a keys-only question opens no recognizer").isEmpty();
  }

  @Test
  void aHangUpEndsTheCall() {
    media.events.add(new MediaEvent.Hangup());

    assertThatThrownBy(() -> channel("", 99).ask(menu(), "en"))
        .isInstanceOf(CallerHungUpException.class);
  }

  @Test
  void silenceAfterThePromptIsNoInputOnceTheTimeoutHasPassed() {
    SpeechCallerChannel channel = channel("", 99);
    media.events.add(new MediaEvent.Audio(new byte[320]));

    assertThat(channel.ask(menu(), "en")).isInstanceOf(CallerInput.NoInput.class);
  }

  @Test
  void promptsAreWordedForTheLanguage() {
    Prompt found =
        new Prompt(
            Map.of(
                "en", "Order {order_number:digits} arrives {eta}.",
                "zh", "订单{order_number:digits}预计{eta}送达。"),
            List.of());
    Map<String, Object> values =
        Map.of("order_number", "4711", "eta", LocalDate.parse("2026-12-05"));

    assertThat(SpeechCallerChannel.render(found, values, "en"))
        .isEqualTo("Order four, seven, one, one arrives Saturday, December fifth.");
    assertThat(SpeechCallerChannel.render(found, values, "zh")).isEqualTo("订单4 7 1 1预计12月5日送达。");
  }

  @Test
  void aPromptIsCutAfterEachSentenceAndBeforeTheFirstValueOfTheFirst() {
    assertThat(
            SpeechCallerChannel.parts(
                "I heard {order_number:digits}. Is that right? Please say yes or no."))
        .containsExactly(
            "I heard", "{order_number:digits}.", "Is that right?", "Please say yes or no.");
    assertThat(SpeechCallerChannel.parts("我听到的订单号是{order_number:digits}，对吗？请说“对”。"))
        .containsExactly("我听到的订单号是", "{order_number:digits}，对吗？", "请说“对”。");
    assertThat(SpeechCallerChannel.parts("Press 1 or say order status."))
        .containsExactly("Press 1 or say order status.");
    assertThat(SpeechCallerChannel.parts("{order_number:digits} costs 1.50 {x.y}. Thanks"))
        .as("no cut inside a value or a number, nor before a value that starts the text")
        .containsExactly("{order_number:digits} costs 1.50 {x.y}.", "Thanks");
  }

  @Test
  void everyPartOfAPromptIsSpokenInOrder() {
    List<String> synthesized = new java.util.concurrent.CopyOnWriteArrayList<>();
    SpeechSynthesizer tts =
        new SpeechSynthesizer() {
          @Override
          public SynthesizedSpeech synthesize(String text, String voice) {
            synthesized.add(text);
            return new SynthesizedSpeech(new byte[2 * text.length()], Duration.ofMillis(20), false);
          }

          @Override
          public Path synthesizeToWav(String text, String voice) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void prerender(Collection<String> texts) {}
        };
    FakeChannelSession call = new FakeChannelSession("1.1");
    call.media(media);
    Prompt readBack = new Prompt(Map.of("en", "I heard {n:digits}. Is that right?"), List.of());

    new SpeechCallerChannel(
            call, tts, recognizer("", 99, opened), Duration.ofMillis(200), Duration.ZERO)
        .say(readBack, Map.of("n", "47"), "en");

    assertThat(synthesized).containsExactly("I heard", "four,", "seven.", "Is that right?");
    assertThat(media.log).containsExactly("play 14", "play 10", "play 12", "play 28");
  }

  @Test
  void aNumberIsReadBackOneCharacterAtATimeSoEveryTextIsTheSameOnEveryCall() {
    Map<String, Object> values = Map.of("n", "4711", "status", "shipped");

    assertThat(SpeechCallerChannel.pieces("{n:digits}.", values, "en"))
        .extracting(SpeechCallerChannel.Piece::text)
        .containsExactly("four,", "seven,", "one,", "one.");
    assertThat(SpeechCallerChannel.pieces("{n:digits}.", values, "en"))
        .extracting(SpeechCallerChannel.Piece::tight)
        .as("the pause after each character but the last is kept short")
        .containsExactly(true, true, true, false);
    assertThat(SpeechCallerChannel.pieces("Order {n:digits} is {status}.", values, "en"))
        .extracting(SpeechCallerChannel.Piece::text)
        .containsExactly("Order", "four,", "seven,", "one,", "one is shipped.");
    assertThat(SpeechCallerChannel.pieces("{n:digits}，对吗？", values, "zh"))
        .extracting(SpeechCallerChannel.Piece::text)
        .containsExactly("4，", "7，", "1，", "1，对吗？");
    assertThat(SpeechCallerChannel.pieces("Is that right?", values, "en"))
        .containsExactly(new SpeechCallerChannel.Piece("Is that right?", false));
    assertThat(SpeechCallerChannel.pieces("{n:digits}.", Map.of("n", "A-7"), "en"))
        .extracting(SpeechCallerChannel.Piece::text)
        .as("what is not a letter or a digit is not said")
        .containsExactly("A,", "seven.");
    assertThat(SpeechCallerChannel.pieces("{n:digits}.", Map.of("n", "7"), "en"))
        .as("one character is said as it is")
        .containsExactly(new SpeechCallerChannel.Piece("seven.", false));
  }

  @Test
  void aTightPieceKeepsOnlyAShortPauseAfterItsSound() {
    // 100 ms of sound (800 samples), then a second of quiet.
    byte[] pcm = new byte[2 * (800 + 8000)];
    for (int i = 0; i < 800; i++) {
      pcm[2 * i + 1] = 0x10; // 4096
    }

    assertThat(SpeechCallerChannel.tightTail(pcm, 200)).hasSize(2 * (800 + 1600));
    assertThat(SpeechCallerChannel.tightTail(SpeechCallerChannel.tightTail(pcm, 200), 2000))
        .as("a pause already shorter is kept")
        .hasSize(2 * (800 + 1600));
  }

  private static final List<String> DIGITS =
      List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

  /** The order number's question: six to ten digits, said or keyed. */
  private static IvrStep.Ask orderNumber() {
    return new IvrStep.Ask("order", MENU, Map.of(), 10, DIGITS, false, 0, 6);
  }

  private SpeechCallerChannel numberChannel(
      SpeechRecognizer asr, Duration inputTimeout, Duration numberPause) {
    FakeChannelSession call = new FakeChannelSession("1.1");
    call.media(media);
    return new SpeechCallerChannel(call, TTS, asr, inputTimeout, Duration.ZERO, true, numberPause);
  }

  private void audioFrames(int n) {
    for (int i = 0; i < n; i++) {
      media.events.add(new MediaEvent.Audio(new byte[320]));
    }
  }

  @Test
  void aNumberSaidInTwoGroupsIsOneAnswerThoughTheRecognizerEndedAfterTheFirst() {
    audioFrames(9 + 9);
    SpeechRecognizer asr = utterances(opened, "two four six", "eight one zero");

    CallerInput input =
        numberChannel(asr, Duration.ofSeconds(30), Duration.ofSeconds(30)).ask(orderNumber(), "en");

    assertThat(input).isEqualTo(new CallerInput.Speech("two four six eight one zero"));
    assertThat(opened).hasSize(2);
  }

  @Test
  void aNumberOfEnoughDigitsEndsWithItsUtterance() {
    audioFrames(15 + 9);
    SpeechRecognizer asr = utterances(opened, "two four six eight one zero", "one two three");

    CallerInput input =
        numberChannel(asr, Duration.ofSeconds(30), Duration.ofSeconds(30)).ask(orderNumber(), "en");

    assertThat(input).isEqualTo(new CallerInput.Speech("two four six eight one zero"));
    assertThat(opened).hasSize(1);
  }

  @Test
  void aShortNumberWithNothingAfterItIsTheAnswerOnceThePauseHasPassed() {
    audioFrames(9);
    SpeechRecognizer asr = utterances(opened, "two four six");

    CallerInput input =
        numberChannel(asr, Duration.ofSeconds(30), Duration.ofMillis(1)).ask(orderNumber(), "en");

    assertThat(input)
        .as("what was said, for the flow to ask again; not a no-input")
        .isEqualTo(new CallerInput.Speech("two four six"));
  }

  @Test
  void withoutANumberPauseAShortNumberEndsWithItsUtterance() {
    audioFrames(9 + 9);
    SpeechRecognizer asr = utterances(opened, "two four six", "eight one zero");

    CallerInput input =
        numberChannel(asr, Duration.ofSeconds(30), Duration.ZERO).ask(orderNumber(), "en");

    assertThat(input).isEqualTo(new CallerInput.Speech("two four six"));
  }

  @Test
  void theInputTimeoutDoesNotCutACallerWhoseWordsAreBeingHeard() {
    // The timeout has passed as soon as the prompt is stopped; the caller is still speaking.
    audioFrames(15);
    SpeechRecognizer asr = utterances(opened, "two four six eight one zero");

    CallerInput input =
        numberChannel(asr, Duration.ofNanos(1), Duration.ofSeconds(30)).ask(orderNumber(), "en");

    assertThat(input).isEqualTo(new CallerInput.Speech("two four six eight one zero"));
  }

  @Test
  void aWholeAnswerIsCompleteButAPhraseThatALongerOneBeginsWithIsNot() {
    IvrStep.Ask menu =
        new IvrStep.Ask("main", MENU, Map.of(), 1, List.of("order", "order status", "no"), false);
    IvrStep.Ask number = new IvrStep.Ask("order", MENU, Map.of(), 6, List.of("one", "two"), false);

    assertThat(SpeechCallerChannel.complete("order status", menu)).isTrue();
    assertThat(SpeechCallerChannel.complete("no", menu)).isTrue();
    assertThat(SpeechCallerChannel.complete("order", menu)).isFalse();
    assertThat(SpeechCallerChannel.complete("[unk] no", menu)).isFalse();
    assertThat(SpeechCallerChannel.complete("", menu)).isFalse();
    assertThat(SpeechCallerChannel.complete("one", number)).as("one digit of six").isFalse();
    assertThat(SpeechCallerChannel.complete("one two one two one two", number)).isTrue();

    IvrStep.Ask readBack =
        new IvrStep.Ask("order", MENU, Map.of(), 1, SpokenYesNo.grammar("en"), false, 5);
    assertThat(SpeechCallerChannel.complete("yes", readBack))
        .as("'yes it is' goes on to the same answer")
        .isTrue();
    assertThat(SpeechCallerChannel.complete("no", readBack)).isTrue();
    assertThat(SpeechCallerChannel.complete("it is", readBack))
        .as("'it is not' would turn it into a no")
        .isFalse();
  }

  /** The order number's question on a channel whose early end is 100 ms (five frames). */
  private SpeechCallerChannel knownNumbersChannel(
      SpeechRecognizer asr, Duration numberPause, Predicate<String> wholeNumber) {
    FakeChannelSession call = new FakeChannelSession("1.1");
    call.media(media);
    return new SpeechCallerChannel(
        call,
        TTS,
        asr,
        Duration.ofSeconds(30),
        Duration.ofMillis(100),
        true,
        numberPause,
        wholeNumber);
  }

  @Test
  void aNumberTheOrderDataKnowsToBeWholeEndsAfterTheShortPauseNotTheTrailingSilence() {
    // Six words (12 frames), then 40 frames of silence before the recognizer would end.
    audioFrames(12 + 40);
    List<String> asked = new ArrayList<>();
    SpeechRecognizer asr = pausing(opened, 40, "two four six eight one zero");

    CallerInput input =
        knownNumbersChannel(
                asr,
                Duration.ofSeconds(30),
                digits -> {
                  asked.add(digits);
                  return digits.equals("246810");
                })
            .ask(orderNumber(), "en");

    assertThat(input).isEqualTo(new CallerInput.Speech("two four six eight one zero"));
    assertThat(media.events)
        .as("ended five frames into the pause, not after the recognizer's forty")
        .hasSize(40 - 5);
    assertThat(asked)
        .as("asked once, though every frame of the pause checks")
        .containsExactly("246810");
  }

  @Test
  void aNumberThatALongerKnownOneBeginsWithWaitsForTheTrailingSilence() {
    audioFrames(12 + 40 + 10);
    SpeechRecognizer asr = pausing(opened, 40, "two four six eight one zero");

    // The data says no: an order 2468101 exists too (or 246810 is not an order at all).
    CallerInput input =
        knownNumbersChannel(asr, Duration.ofSeconds(30), digits -> false).ask(orderNumber(), "en");

    assertThat(input).isEqualTo(new CallerInput.Speech("two four six eight one zero"));
    assertThat(media.events).as("ended with the recognizer's utterance").hasSize(10);
  }

  @Test
  void aNumberShorterThanTheFewestDigitsIsNotAskedAboutAndWaitsForItsNextGroup() {
    audioFrames(6 + 40 + 6 + 40);
    List<String> asked = new ArrayList<>();
    SpeechRecognizer asr = pausing(opened, 40, "two four six", "eight one zero");

    CallerInput input =
        knownNumbersChannel(
                asr,
                Duration.ofSeconds(30),
                digits -> {
                  asked.add(digits);
                  return true;
                })
            .ask(orderNumber(), "en");

    assertThat(input).isEqualTo(new CallerInput.Speech("two four six eight one zero"));
    assertThat(asked)
        .as("three digits of at least six are never a whole number")
        .containsExactly("246810");
    assertThat(opened).hasSize(2);
  }
}

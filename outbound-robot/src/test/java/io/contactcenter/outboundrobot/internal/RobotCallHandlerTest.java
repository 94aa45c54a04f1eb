package io.contactcenter.outboundrobot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.RecognitionListener;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.ReplyClassification;
import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.asrtts.ReplyRequest;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.asrtts.SynthesizedSpeech;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.common.CampaignType;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.outboundrobot.Turn;
import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.DtmfInput;
import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import io.contactcenter.testinfra.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Bad input and broken parts on a call, with a scripted phone and fake speech engines: whatever
 * happens, the attempt gets a defined outcome, the call is hung up (unless the callee did) and
 * every recognition stream is closed. The same cases on a live call: {@code RobotBadInputIT}.
 */
class RobotCallHandlerTest {

  private static final String ATTEMPT = "robot-test-1";
  private static final Instant START = Instant.parse("2026-11-02T02:00:00Z");
  private static final String APOLOGY = "We're sorry, we can't continue this call right now.";

  private final MutableClock clock = new MutableClock(START);
  private final JdbcRobotAttempts attempts = mock(JdbcRobotAttempts.class);
  private final DialogueScripts scripts = mock(DialogueScripts.class);
  private final List<Object> events = new ArrayList<>();
  private final List<ReplyRequest> classified = new ArrayList<>();
  private final ScriptedMedia media = new ScriptedMedia(clock);
  private final ScriptedCall call = new ScriptedCall(media);

  RobotCallHandlerTest() {
    when(attempts.load(ATTEMPT))
        .thenReturn(
            Optional.of(
                new JdbcRobotAttempts.Stored(
                    ATTEMPT,
                    PhoneNumber.parse("+8613800138000"),
                    "balance-reminder",
                    1,
                    "en",
                    Map.of(
                        "merchant", "Acme Shop",
                        "customer_name", "Li Lei",
                        "order_number", "A2026113",
                        "amount_due", "1299.50 CNY",
                        "deadline", "2026-11-30"),
                    "DIALING")));
    when(scripts.find("balance-reminder", 1))
        .thenReturn(Optional.of(new YamlDialogueScripts().builtIn(CampaignType.BALANCE)));
  }

  private RobotCallHandler handler(SpeechSynthesizer tts, FakeRecognizer asr) {
    return new RobotCallHandler(
        attempts,
        scripts,
        tts,
        asr,
        request -> {
          classified.add(request);
          return new ReplyClassification(IntentLabel.AGREE, 0.9, Map.of(), Optional.empty());
        },
        events::add,
        TestRobotProperties.config(),
        clock,
        new SimpleMeterRegistry());
  }

  // Timeline with two-second prompts: disclosure 0-2 s, question 2-4 s, listening from 4 s.

  @Test
  void aRecognizerThatFailsMidReplyEndsTheCallFailedWithAnApology() {
    FakeSynthesizer tts = new FakeSynthesizer(text -> false);
    FakeRecognizer asr = new FakeRecognizer(true);
    media.voice(3000, 4500);

    handler(tts, asr).handle(call);

    assertThat(finished("FAILED", "native recognizer crashed")).isNotEmpty();
    assertThat(tts.spoken.getLast()).startsWith(APOLOGY);
    assertReleased(asr);
    assertThat(call.hungUp).isTrue();
  }

  @Test
  void aSynthesizerThatFailsForTheQuestionEndsTheCallFailedWithAnApology() {
    FakeSynthesizer tts = new FakeSynthesizer(text -> text.contains("reminder"));
    FakeRecognizer asr = new FakeRecognizer(false);

    handler(tts, asr).handle(call);

    assertThat(finished("FAILED", "MaryTTS failed")).isNotEmpty();
    assertThat(tts.spoken.getLast()).startsWith(APOLOGY);
    assertReleased(asr);
    assertThat(call.hungUp).isTrue();
  }

  @Test
  void aSynthesizerThatIsDownEndsTheCallFailedWithoutLastWords() {
    FakeSynthesizer tts = new FakeSynthesizer(text -> !text.startsWith("Hello"));
    FakeRecognizer asr = new FakeRecognizer(false);

    handler(tts, asr).handle(call);

    assertThat(finished("FAILED", "MaryTTS failed")).isNotEmpty();
    assertThat(tts.spoken).hasSize(1);
    assertReleased(asr);
    assertThat(call.hungUp).isTrue();
  }

  @Test
  void keysTheQuestionDoesNotOfferAreRepromptedThenGivenUpOn() {
    FakeSynthesizer tts = new FakeSynthesizer(text -> false);
    FakeRecognizer asr = new FakeRecognizer(false);
    // While listening after the question, then while listening after the re-prompt.
    media.key(5000, '7');
    media.key(8000, '#');

    handler(tts, asr).handle(call);

    List<Turn> turns = finished("NO_RESPONSE", null);
    List<Turn> keys = turns.stream().filter(t -> t.dtmf().isPresent()).toList();
    assertThat(keys).extracting(t -> t.dtmf().orElseThrow()).containsExactly('7', '#');
    assertThat(keys).allSatisfy(t -> assertThat(t.label()).isEmpty());
    Turn reprompt = turns.get(turns.indexOf(keys.getFirst()) + 1);
    assertThat(reprompt.text()).startsWith("Sorry, I didn't catch that");
    assertThat(reprompt.at()).isEqualTo(START.plusMillis(5000));
    assertReleased(asr);
    assertThat(call.hungUp).isTrue();
  }

  @Test
  void theOptOutKeyPressedDuringTheDisclosureIsHonouredOnceItEnds() {
    FakeSynthesizer tts = new FakeSynthesizer(text -> false);
    FakeRecognizer asr = new FakeRecognizer(false);
    // "Press 9 at any time", says the disclosure, which cannot be interrupted: 1 is no answer yet.
    media.key(800, '1');
    media.key(1200, '9');

    handler(tts, asr).handle(call);

    List<Turn> turns = finished("DO_NOT_CALL", null);
    assertThat(turns.stream().filter(t -> t.dtmf().isPresent()))
        .extracting(t -> t.dtmf().orElseThrow())
        .containsExactly('9');
    assertThat(tts.spoken.getLast()).startsWith("Understood. We've removed your number");
    assertReleased(asr);
    assertThat(call.hungUp).isTrue();
  }

  @Test
  void aTestCallSpeaksTheEditedTextsAndCarriesOutNoneOfTheCalleesRequests() {
    Map<String, Map<String, String>> edited =
        Map.of(
            "steps.disclosure.say",
            Map.of("en", "Test from ${merchant}: press 9 to stop these calls."));
    when(attempts.load(ATTEMPT))
        .thenReturn(
            Optional.of(
                new JdbcRobotAttempts.Stored(
                    ATTEMPT,
                    PhoneNumber.parse("+8613800138000"),
                    "balance-reminder",
                    1,
                    "en",
                    Map.of(
                        "merchant", "Acme Shop",
                        "customer_name", "customer name",
                        "order_number", "20261130",
                        "amount_due", "1234.50 CNY",
                        "deadline", "2026-11-30"),
                    "DIALING",
                    true,
                    edited)));
    when(scripts.withPromptTexts("balance-reminder", 1, edited))
        .thenReturn(
            new StoredDialogueScripts(new YamlDialogueScripts(), null, null, clock)
                .withPromptTexts("balance-reminder", 1, edited));
    FakeSynthesizer tts = new FakeSynthesizer(text -> false);
    FakeRecognizer asr = new FakeRecognizer(false);
    media.key(1200, '9');

    handler(tts, asr).handle(call);

    assertThat(finished("DO_NOT_CALL", null)).isNotEmpty();
    assertThat(tts.spoken.getFirst())
        .isEqualTo("Test from Acme Shop: press 9 to stop these calls.");
    // The tester asked to be left alone: the dialogue's end is announced, the request is not.
    assertThat(events)
        .singleElement()
        .isInstanceOf(io.contactcenter.outboundrobot.DialogueCompleted.class);
    assertThat(call.hungUp).isTrue();
  }

  @Test
  void aCallInALanguageNoModelServesSpeaksItAndTakesTheAnswerByKeys() {
    when(attempts.load(ATTEMPT))
        .thenReturn(
            Optional.of(
                new JdbcRobotAttempts.Stored(
                    ATTEMPT,
                    PhoneNumber.parse("+8613800138000"),
                    "balance-reminder",
                    1,
                    "zh",
                    Map.of(
                        "merchant", "安心商城",
                        "customer_name", "李雷",
                        "order_number", "A2026113",
                        "amount_due", "1299.50 CNY",
                        "deadline", "2026-11-30"),
                    "DIALING")));
    FakeSynthesizer tts = new FakeSynthesizer(text -> false);
    FakeRecognizer asr = new FakeRecognizer(false);
    // The callee talks (nobody can hear Chinese here), is asked again, and presses 1: agreed.
    media.voice(4500, 5500);
    media.key(9000, '1');

    handler(tts, asr).handle(call);

    List<Turn> turns = finished("AGREED", null);
    assertThat(asr.opened).as("no recognizer for a language without a model").isZero();
    assertThat(tts.spoken.getFirst()).contains("安心商城");
    // The call's own values are said in Chinese too, not in English words inside Chinese.
    assertThat(tts.spoken).anyMatch(t -> t.contains("尾款一千二百九十九元五角"));
    assertThat(turns.stream().filter(t -> t.dtmf().isPresent()))
        .extracting(t -> t.dtmf().orElseThrow())
        .containsExactly('1');
    assertThat(classified).isEmpty();
    assertThat(media.closed).isTrue();
    assertThat(call.hungUp).isTrue();
  }

  @Test
  void theReplyIsLabelledForTheCampaignTypeOfTheCallsScript() {
    FakeSynthesizer tts = new FakeSynthesizer(text -> false);
    FakeRecognizer asr = new FakeRecognizer(false);
    // "yes i will pay" while listening after the question.
    media.voice(4500, 5500);

    handler(tts, asr).handle(call);

    assertThat(finished("AGREED", null)).isNotEmpty();
    assertThat(classified)
        .isNotEmpty()
        .allSatisfy(
            request -> {
              assertThat(request.campaign()).isEqualTo(CampaignType.BALANCE);
              assertThat(request.language()).isEqualTo(ReplyLanguage.EN);
            });
    assertThat(classified.getLast().text()).isEqualTo("yes i will pay");
  }

  @Test
  void aCalleeWhoHangsUpWhileBeingRecognizedEndsHungUpAndNothingIsLeftOpen() {
    FakeSynthesizer tts = new FakeSynthesizer(text -> false);
    FakeRecognizer asr = new FakeRecognizer(false);
    media.voice(3000, 6000);
    media.hangUpAt(3600);

    handler(tts, asr).handle(call);

    assertThat(finished("HUNG_UP", null)).isNotEmpty();
    assertReleased(asr);
    assertThat(call.hungUp).isFalse();
  }

  private List<Turn> finished(String outcome, String failureContains) {
    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<Turn>> turns = ArgumentCaptor.forClass(List.class);
    ArgumentCaptor<String> failure = ArgumentCaptor.forClass(String.class);
    verify(attempts)
        .finished(eq(ATTEMPT), eq(outcome), isNull(), failure.capture(), turns.capture());
    if (failureContains == null) {
      assertThat(failure.getValue()).isNull();
    } else {
      assertThat(failure.getValue()).contains(failureContains);
    }
    return turns.getValue();
  }

  private void assertReleased(FakeRecognizer asr) {
    assertThat(asr.opened).isPositive();
    assertThat(asr.open).as("recognition streams left open").isZero();
    assertThat(media.closed).isTrue();
  }

  /** Two seconds of silence per prompt; throws for the texts {@code fails} picks. */
  private static final class FakeSynthesizer implements SpeechSynthesizer {
    final List<String> spoken = new ArrayList<>();
    private final Predicate<String> fails;

    FakeSynthesizer(Predicate<String> fails) {
      this.fails = fails;
    }

    @Override
    public SynthesizedSpeech synthesize(String text, String voice) {
      if (fails.test(text)) {
        throw new IllegalStateException("MaryTTS failed on '" + text + "'");
      }
      spoken.add(text);
      return new SynthesizedSpeech(new byte[32_000], Duration.ofSeconds(2), true);
    }

    @Override
    public Path synthesizeToWav(String text, String voice) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void prerender(Collection<String> texts) {}
  }

  /**
   * Hears "yes I will pay" from voiced frames and ends the utterance after half a second of
   * silence; with {@code failOnVoice}, fails on the first voiced frame as a crashed native
   * recognizer would.
   */
  private static final class FakeRecognizer implements SpeechRecognizer {
    private final boolean failOnVoice;
    int opened;
    int open;

    FakeRecognizer(boolean failOnVoice) {
      this.failOnVoice = failOnVoice;
    }

    @Override
    public RecognitionStream open(RecognitionOptions options) {
      opened++;
      open++;
      return new RecognitionStream() {
        int voiced;
        int silentAfter;
        boolean closed;

        @Override
        public void accept(byte[] data, AudioEncoding encoding) {
          if (data[0] != 0) {
            if (failOnVoice) {
              throw new IllegalStateException("native recognizer crashed");
            }
            voiced++;
            silentAfter = 0;
          } else if (voiced > 0) {
            silentAfter++;
          }
        }

        @Override
        public boolean endOfSpeech() {
          return voiced > 0 && silentAfter >= 25;
        }

        @Override
        public Duration silenceAfterSpeech() {
          return voiced > 0 && !endOfSpeech()
              ? Duration.ofMillis(silentAfter * 20L)
              : Duration.ZERO;
        }

        @Override
        public String partialText() {
          return voiced >= 5 ? "yes" : "";
        }

        @Override
        public Transcript finish() {
          return voiced == 0
              ? Transcript.silence(Duration.ZERO)
              : new Transcript("yes i will pay", List.of(), 0.9, Duration.ofSeconds(1));
        }

        @Override
        public void close() {
          if (!closed) {
            closed = true;
            open--;
          }
        }
      };
    }

    @Override
    public RecognitionStream open(RecognitionOptions options, RecognitionListener listener) {
      return open(options);
    }

    @Override
    public Transcript transcribe(io.contactcenter.asrtts.AudioClip clip, RecognitionOptions o) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.util.Set<String> languages() {
      return java.util.Set.of("en");
    }
  }

  /**
   * The call's media in 20 ms frames on the test's clock: each {@link #next} is one frame later.
   * The callee's voice, keys and hang-up are scheduled in milliseconds from the start.
   */
  private static final class ScriptedMedia implements MediaSession {
    private final MutableClock clock;
    private final TreeMap<Long, MediaEvent> events = new TreeMap<>();
    private final List<long[]> voice = new ArrayList<>();
    private long at;
    private long playingFrames;
    private boolean ended;
    boolean closed;

    ScriptedMedia(MutableClock clock) {
      this.clock = clock;
    }

    void voice(long fromMs, long toMs) {
      voice.add(new long[] {fromMs, toMs});
    }

    void key(long atMs, char key) {
      events.put(atMs, new MediaEvent.Dtmf(key));
    }

    void hangUpAt(long atMs) {
      events.put(atMs, new MediaEvent.Hangup());
    }

    @Override
    public String callId() {
      return "1700000000.1";
    }

    @Override
    public Optional<MediaEvent> next(Duration timeout) {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      if (ended) {
        throw new CallerHungUpException(callId(), null);
      }
      at += 20;
      clock.advance(Duration.ofMillis(20));
      playingFrames = Math.max(0, playingFrames - 1);
      Map.Entry<Long, MediaEvent> due = events.firstEntry();
      if (due != null && due.getKey() <= at) {
        events.pollFirstEntry();
        ended = due.getValue() instanceof MediaEvent.Hangup;
        return Optional.of(due.getValue());
      }
      byte[] frame = new byte[320];
      if (voice.stream().anyMatch(v -> at >= v[0] && at < v[1])) {
        java.util.Arrays.fill(frame, (byte) 0x40);
      }
      return Optional.of(new MediaEvent.Audio(frame));
    }

    @Override
    public void play(byte[] pcm16le8k) {
      playingFrames += pcm16le8k.length / 320;
    }

    @Override
    public void stopPlayback() {
      playingFrames = 0;
    }

    @Override
    public boolean isPlaying() {
      return playingFrames > 0;
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

  /** The answered robot call; only what the robot uses around its media works. */
  private static final class ScriptedCall implements ChannelSession {
    private final ScriptedMedia media;
    boolean hungUp;

    ScriptedCall(ScriptedMedia media) {
      this.media = media;
    }

    @Override
    public String callId() {
      return media.callId();
    }

    @Override
    public String callerNumber() {
      return "4000";
    }

    @Override
    public String dialedNumber() {
      return "s";
    }

    @Override
    public Optional<String> attemptId() {
      return Optional.of(ATTEMPT);
    }

    @Override
    public void answer() {}

    @Override
    public void play(String sound) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Character> playInterruptible(String sound, String escapeDigits) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void sayDigits(String digits) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void sayNumber(long number) {
      throw new UnsupportedOperationException();
    }

    @Override
    public DtmfInput collectDigits(String prompt, int maxDigits, Duration timeout) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void record(String fileName, Duration maxDuration) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void setVariable(String name, String value) {}

    @Override
    public Optional<String> getVariable(String name) {
      return Optional.empty();
    }

    @Override
    public void transferToQueue(String queue) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void transferTo(String context, String extension) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void hangup() {
      if (!media.closed) {
        throw new IllegalStateException("hang up with the media still open");
      }
      hungUp = true;
    }

    @Override
    public MediaSession openMedia() {
      return media;
    }
  }
}

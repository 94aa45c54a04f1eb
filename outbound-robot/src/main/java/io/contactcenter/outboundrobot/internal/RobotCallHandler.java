package io.contactcenter.outboundrobot.internal;

import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.ReplyClassification;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.ReplyLanguage;
import io.contactcenter.asrtts.ReplyRequest;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.outboundrobot.internal.domain.AnsweringMachineDetector;
import io.contactcenter.outboundrobot.internal.domain.DialogueEngine;
import io.contactcenter.outboundrobot.internal.domain.DialogueResult;
import io.contactcenter.outboundrobot.internal.domain.Directive;
import io.contactcenter.outboundrobot.internal.domain.PromptText;
import io.contactcenter.outboundrobot.internal.domain.Reply;
import io.contactcenter.outboundrobot.internal.domain.TurnTimer;
import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import io.contactcenter.pbx.spi.CallHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Runs a robot dialogue on an answered outbound call (AGI script {@code robot}): speaks each prompt
 * with synthesized speech over the call's media stream, listens with streaming recognition, labels
 * the reply and lets the {@link DialogueEngine} decide what comes next.
 *
 * <p>Barge-in: during an interruptible prompt the caller's audio is recognized too; as soon as a
 * word is recognized (or a key pressed) the prompt stops and the reply is taken.
 *
 * <p>Answering machines: while the opening disclosure plays (to the end: it is not interruptible)
 * the callee's audio goes to an {@link AnsweringMachineDetector}. A voicemail greeting ends the
 * call as {@code VOICEMAIL} with what it said as the callee's turn, and no other prompt is played.
 *
 * <p>Failures: when the synthesizer, the recognizer or the media stream fails mid-call, the
 * dialogue ends {@code FAILED} ({@link DialogueEngine#onFailure}), the robot apologizes if its
 * voice still works and hangs up; the attempt never stays in dialogue.
 *
 * <p>Turn latency: timer {@code cc.robot.turn.latency} measures each gap the callee hears, from the
 * end of their spoken reply (the arrival of its last voiced frame) to the first frame of the
 * robot's next prompt; {@code cc.robot.turn.processing} the part of it after the reply was taken
 * (final recognition, label, next step, synthesis). The difference is the recognizer's
 * end-of-speech wait plus any time the call thread was behind the audio.
 */
final class RobotCallHandler implements CallHandler {

  private static final Logger log = LoggerFactory.getLogger(RobotCallHandler.class);
  private static final Duration FRAME_WAIT = Duration.ofMillis(40);

  private final JdbcRobotAttempts attempts;
  private final DialogueScripts scripts;
  private final SpeechSynthesizer tts;
  private final SpeechRecognizer asr;
  private final ReplyClassifier classifier;
  private final ApplicationEventPublisher events;
  private final RobotProperties config;
  private final AnsweringMachineDetector.Settings machineSettings;
  private final Clock clock;
  private final Timer turnLatency;
  private final Timer turnProcessing;
  private final LongSupplier nanoTime;

  RobotCallHandler(
      JdbcRobotAttempts attempts,
      DialogueScripts scripts,
      SpeechSynthesizer tts,
      SpeechRecognizer asr,
      ReplyClassifier classifier,
      ApplicationEventPublisher events,
      RobotProperties config,
      Clock clock,
      MeterRegistry meters) {
    this.attempts = attempts;
    this.scripts = scripts;
    this.tts = tts;
    this.asr = asr;
    this.classifier = classifier;
    this.events = events;
    this.config = config;
    // Built here so that settings that cannot work stop the application at start.
    this.machineSettings = config.answeringMachine().settings();
    this.clock = clock;
    this.turnLatency =
        Timer.builder("cc.robot.turn.latency")
            .description(
                "From the end of the callee's spoken reply to the first frame of the robot's next"
                    + " prompt")
            .publishPercentiles(0.5, 0.95, 0.99)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(50))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(meters);
    this.turnProcessing =
        Timer.builder("cc.robot.turn.processing")
            .description(
                "From taking the callee's reply (end of speech detected) to the first frame of the"
                    + " robot's next prompt")
            .publishPercentiles(0.5, 0.95, 0.99)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(meters);
    // The same time base as the media frames' arrival stamps (System.nanoTime() in production).
    this.nanoTime = meters.config().clock()::monotonicTime;
  }

  @Override
  public String script() {
    return "robot";
  }

  @Override
  public void handle(ChannelSession call) {
    String attemptId =
        call.attemptId()
            .orElseThrow(() -> new IllegalStateException("robot call without an attempt id"));
    JdbcRobotAttempts.Stored attempt =
        attempts
            .load(attemptId)
            .orElseThrow(() -> new IllegalStateException("unknown attempt " + attemptId));
    DialogueScript script =
        scripts
            .find(attempt.scriptId(), attempt.scriptVersion())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "unknown script " + attempt.scriptId() + " v" + attempt.scriptVersion()));
    Map<String, String> spoken = new HashMap<>();
    script
        .variables()
        .forEach(
            (name, kind) ->
                spoken.put(name, RobotService.spoken(name, kind, attempt.variables().get(name))));
    DialogueEngine engine = new DialogueEngine(script, attempt.language(), spoken, clock);
    // Synthesize the script's prompts while the disclosure plays, so no later prompt waits for
    // the synthesizer (a gap in which the callee's answer would go unheard).
    List<String> prompts = prompts(script, attempt.language(), spoken);
    Thread.ofVirtual()
        .name("robot-prerender")
        .start(
            () -> {
              try {
                tts.prerender(prompts);
              } catch (RuntimeException e) {
                // Only an optimisation: each prompt is synthesized again when it is needed.
                log.warn("prerendering prompts for {} failed: {}", attemptId, e.toString());
              }
            });
    attempts.status(attemptId, "IN_DIALOGUE");
    Directive directive = engine.start();
    // Speech is told by the level the recognizer's voice-activity gate uses (-42 dBFS by default).
    TurnTimer turns = new TurnTimer(machineSettings.speechLevel());
    try (MediaSession media = call.openMedia()) {
      try {
        directive = converse(media, engine, directive, attempt.language(), turns);
      } catch (CallerHungUpException e) {
        throw e;
      } catch (RuntimeException e) {
        // The synthesizer, the recognizer, the classifier or the media stream failed mid-call.
        // The callee is still there: apologize if the voice still works and hang up, with the
        // attempt recorded as failed rather than left in dialogue for recovery to find.
        log.error("robot call {} failed mid-dialogue: ending it", attemptId, e);
        directive = engine.onFailure(e.toString());
      }
      switch (directive) {
        case Directive.Hangup hangup -> {
          sayLastWords(media, hangup.finalPrompt(), attemptId, turns);
          finish(attemptId, hangup.result(), attempt);
          media.close();
          call.hangup();
        }
        case Directive.Transfer transfer -> {
          if (!transfer.prompt().isBlank()) {
            sayLastWords(media, transfer.prompt(), attemptId, turns);
          }
          finish(attemptId, transfer.result(), attempt);
          media.close();
          // Bounds the wait in the queue (the dialplan's Queue() timeout): an unanswered callee
          // comes back to the robot-transfer-unanswered script, which promises a callback.
          call.setVariable(
              "CC_QUEUE_TIMEOUT", Long.toString(config.transfer().maxWait().toSeconds()));
          call.transferToQueue(transfer.queue());
        }
        case Directive.Done done -> {
          finish(attemptId, done.result(), attempt);
          media.close();
          call.hangup();
        }
        default -> throw new IllegalStateException("unexpected " + directive);
      }
    } catch (CallerHungUpException e) {
      Directive end = engine.onHangup();
      engine.result().ifPresent(result -> finish(attemptId, result, attempt));
      log.debug("callee hung up: {}", end);
    }
  }

  /** Runs the dialogue from {@code directive} until the engine's final directive. */
  private Directive converse(
      MediaSession media,
      DialogueEngine engine,
      Directive directive,
      String language,
      TurnTimer turns) {
    if (config.answeringMachine().enabled()
        && directive instanceof Directive.Say opening
        && !opening.bargeIn()) {
      List<Character> keys = new ArrayList<>();
      directive = sayOpening(media, engine, opening, language, turns, keys);
      directive = optOutPressedDuringOpening(engine, directive, keys);
    }
    while (!directive.isFinal()) {
      directive =
          switch (directive) {
            case Directive.Say say -> say(media, engine, say, language, turns);
            case Directive.Listen listen -> listen(media, engine, listen, language, turns);
            default -> throw new IllegalStateException("unexpected " + directive);
          };
    }
    return directive;
  }

  /**
   * The disclosure tells the callee they can press the opt-out key "at any time", but it cannot be
   * interrupted: a key pressed while it played is acted on as soon as the dialogue takes keys, if
   * that step reads it as do-not-call. Other keys pressed before the question was asked are not
   * taken as answers to it. (The engine has already recorded the step's prompt as a turn; the
   * callee never hears it, the opt-out goodbye follows the disclosure.)
   */
  private static Directive optOutPressedDuringOpening(
      DialogueEngine engine, Directive directive, List<Character> keys) {
    boolean takesKeys =
        directive instanceof Directive.Listen
            || (directive instanceof Directive.Say say && say.bargeIn());
    if (!takesKeys) {
      return directive;
    }
    for (char key : keys) {
      if (engine.keyMeaning(key).filter(IntentLabel.DO_NOT_CALL::equals).isPresent()) {
        return engine.onDtmf(key);
      }
    }
    return directive;
  }

  /**
   * Plays the goodbye (or the apology, or the transfer notice) to the end. The outcome is decided
   * by now: a voice that fails here costs the callee the last words, not the call its result.
   */
  private void sayLastWords(MediaSession media, String text, String attemptId, TurnTimer turns) {
    try {
      playToEnd(media, text, turns);
    } catch (CallerHungUpException e) {
      throw e;
    } catch (RuntimeException e) {
      log.warn("robot call {}: could not say its last words: {}", attemptId, e.toString());
    }
  }

  /**
   * Plays the uninterruptible opening to the end while an {@link AnsweringMachineDetector} listens;
   * if the callee is still mid-sentence when it ends, listens on until they pause (a greeting that
   * began late) or are found to be a machine, which takes at most one stretch of continuous speech.
   */
  private Directive sayOpening(
      MediaSession media,
      DialogueEngine engine,
      Directive.Say say,
      String language,
      TurnTimer turns,
      List<Character> keys) {
    AnsweringMachineDetector detector = new AnsweringMachineDetector(machineSettings);
    List<Transcript> heard = new ArrayList<>();
    Instant settleBy = null;
    speak(media, say.text(), turns);
    RecognitionStream stream = asr.open(RecognitionOptions.freeSpeech(language));
    try {
      while (true) {
        if (!media.isPlaying()) {
          if (detector.isMachine() || !detector.speaking()) {
            break;
          }
          if (settleBy == null) {
            settleBy =
                clock
                    .instant()
                    .plus(machineSettings.continuousSpeech())
                    .plus(machineSettings.pause());
          } else if (clock.instant().isAfter(settleBy)) {
            break;
          }
        }
        Optional<MediaEvent> next = media.next(FRAME_WAIT);
        if (next.isEmpty()) {
          continue;
        }
        switch (next.get()) {
          case MediaEvent.Audio audio -> {
            detector.audio(audio.pcm());
            turns.audio(audio.pcm(), audio.receivedNanos());
            stream.accept(audio.pcm(), AudioEncoding.PCM16_8K);
            if (stream.endOfSpeech()) {
              heard.add(stream.finish());
              stream.close();
              stream = asr.open(RecognitionOptions.freeSpeech(language));
            }
            detector.heard(text(heard, stream.partialText()));
          }
          // The opening cannot be interrupted; a key pressed now is not an answer to anything.
          case MediaEvent.Dtmf dtmf -> keys.add(dtmf.digit());
          case MediaEvent.Hangup hangup -> throw new CallerHungUpException(media.callId(), null);
        }
      }
      if (!detector.isMachine()) {
        return engine.onPromptFinished();
      }
      heard.add(stream.finish());
      log.info("answering machine: {}", detector.reason().orElseThrow());
      double confidence =
          heard.stream()
              .filter(t -> !t.isEmpty())
              .mapToDouble(Transcript::confidence)
              .average()
              .orElse(0);
      return engine.onAnsweringMachine(text(heard, ""), confidence);
    } finally {
      stream.close();
    }
  }

  private static String text(List<Transcript> finished, String partial) {
    StringBuilder text = new StringBuilder();
    for (Transcript t : finished) {
      if (!t.isEmpty()) {
        text.append(t.text()).append(' ');
      }
    }
    return text.append(partial).toString().strip();
  }

  /** Plays a prompt; with barge-in, listens at the same time and stops at the first word. */
  private Directive say(
      MediaSession media,
      DialogueEngine engine,
      Directive.Say say,
      String language,
      TurnTimer turns) {
    speak(media, say.text(), turns);
    if (!say.bargeIn()) {
      drainUntilPlayed(media);
      return engine.onPromptFinished();
    }
    try (RecognitionStream stream =
        asr.open(new RecognitionOptions(language, List.of(), null, null))) {
      while (media.isPlaying()) {
        Optional<MediaEvent> next = media.next(FRAME_WAIT);
        if (next.isEmpty()) {
          continue;
        }
        switch (next.get()) {
          case MediaEvent.Audio audio -> {
            turns.audio(audio.pcm(), audio.receivedNanos());
            stream.accept(audio.pcm(), AudioEncoding.PCM16_8K);
            if (!stream.partialText().isBlank()) {
              media.stopPlayback();
              log.debug("barge-in");
              Transcript t =
                  finishUtterance(media, stream, Duration.ofSeconds(10), turns, language);
              turns.replyTaken(nanoTime.getAsLong());
              return engine.onReply(reply(t, language));
            }
          }
          case MediaEvent.Dtmf dtmf -> {
            media.stopPlayback();
            return engine.onDtmf(dtmf.digit());
          }
          case MediaEvent.Hangup hangup -> throw new CallerHungUpException(media.callId(), null);
        }
      }
    }
    return engine.onPromptFinished();
  }

  private Directive listen(
      MediaSession media,
      DialogueEngine engine,
      Directive.Listen listen,
      String language,
      TurnTimer turns) {
    turns.listening();
    EarlyEndOfTurn earlyEnd = earlyEndOfTurn(language, listen.phrases());
    try (RecognitionStream stream =
        asr.open(new RecognitionOptions(language, List.of(), null, null))) {
      Instant noSpeechBy = clock.instant().plus(listen.timeout());
      while (true) {
        Optional<MediaEvent> next = media.next(FRAME_WAIT);
        if (next.isPresent()) {
          switch (next.get()) {
            case MediaEvent.Audio audio -> {
              turns.audio(audio.pcm(), audio.receivedNanos());
              stream.accept(audio.pcm(), AudioEncoding.PCM16_8K);
            }
            // A key the step does not offer is an answer not understood, as it is over the
            // prompt: the engine re-prompts with the keys that work, then gives up.
            case MediaEvent.Dtmf dtmf -> {
              return engine.onDtmf(dtmf.digit());
            }
            case MediaEvent.Hangup hangup -> throw new CallerHungUpException(media.callId(), null);
          }
        }
        if (stream.endOfSpeech() || earlyEnd.clearAnswer(stream)) {
          Transcript t = stream.finish();
          if (t.isEmpty()) {
            return engine.onSilence();
          }
          turns.replyTaken(nanoTime.getAsLong());
          return engine.onReply(reply(t, language));
        }
        if (stream.partialText().isBlank() && clock.instant().isAfter(noSpeechBy)) {
          return engine.onSilence();
        }
      }
    }
  }

  private Transcript finishUtterance(
      MediaSession media,
      RecognitionStream stream,
      Duration max,
      TurnTimer turns,
      String language) {
    Instant until = clock.instant().plus(max);
    EarlyEndOfTurn earlyEnd = earlyEndOfTurn(language, List.of());
    while (!stream.endOfSpeech()
        && !earlyEnd.clearAnswer(stream)
        && clock.instant().isBefore(until)) {
      MediaEvent event = media.next(FRAME_WAIT).orElse(null);
      if (event instanceof MediaEvent.Audio audio) {
        turns.audio(audio.pcm(), audio.receivedNanos());
        stream.accept(audio.pcm(), AudioEncoding.PCM16_8K);
      } else if (event instanceof MediaEvent.Hangup) {
        throw new CallerHungUpException(media.callId(), null);
      }
    }
    return stream.finish();
  }

  private Reply reply(Transcript transcript, String language) {
    if (transcript.isEmpty()) {
      return Reply.of("", IntentLabel.UNKNOWN, 0);
    }
    ReplyClassification label = classify(transcript.text(), language);
    double confidence =
        transcript.confidence() < config.minSpeechConfidence() ? 0 : label.confidence();
    return new Reply(
        transcript.text(), label.label(), confidence, label.callbackAt().map(z -> z.toInstant()));
  }

  private EarlyEndOfTurn earlyEndOfTurn(String language, List<String> phrases) {
    RobotProperties.EarlyEndOfTurn settings = config.earlyEndOfTurn();
    return new EarlyEndOfTurn(
        settings.silence(), settings.minConfidence(), phrases, text -> classify(text, language));
  }

  /** Labels what the callee said; "tomorrow at ten" is read in the callees' zone. */
  private ReplyClassification classify(String text, String language) {
    return classifier.classify(
        new ReplyRequest(
            text, ReplyLanguage.fromCode(language), null, clock.instant().atZone(config.zone())));
  }

  private void playToEnd(MediaSession media, String text, TurnTimer turns) {
    speak(media, text, turns);
    drainUntilPlayed(media);
  }

  /** Starts a prompt; when it answers the callee's reply, records how long they waited for it. */
  private void speak(MediaSession media, String text, TurnTimer turns) {
    media.play(tts.synthesize(text, voice()).pcm16le8k());
    turns
        .promptStarted(nanoTime.getAsLong())
        .ifPresent(
            turn -> {
              turnLatency.record(turn.sinceSpeechEnded());
              turnProcessing.record(turn.sinceReplyTaken());
            });
  }

  private void drainUntilPlayed(MediaSession media) {
    while (media.isPlaying()) {
      if (media.next(FRAME_WAIT).orElse(null) instanceof MediaEvent.Hangup) {
        throw new CallerHungUpException(media.callId(), null);
      }
    }
  }

  /** Every prompt of the script in {@code language}, with the call's values filled in. */
  static List<String> prompts(DialogueScript script, String language, Map<String, String> values) {
    List<DialogueScript.Prompt> all = new java.util.ArrayList<>();
    for (DialogueScript.Step step : script.steps().values()) {
      step.say().ifPresent(all::add);
      step.listen().map(DialogueScript.Listen::reprompt).ifPresent(all::add);
    }
    all.add(script.apology());
    return all.stream()
        .map(p -> p.texts().get(language))
        .filter(java.util.Objects::nonNull)
        .map(text -> PromptText.render(text, values))
        .flatMap(Optional::stream)
        .distinct()
        .toList();
  }

  private String voice() {
    return config.voice().isBlank() ? null : config.voice();
  }

  private void finish(String attemptId, DialogueResult result, JdbcRobotAttempts.Stored attempt) {
    attempts.finished(
        attemptId,
        result.outcome().name(),
        result.callbackAt().orElse(null),
        result.failure().orElse(null),
        result.turns());
    DialogueScript script = scripts.find(attempt.scriptId(), attempt.scriptVersion()).orElseThrow();
    for (Object event : result.events(attemptId, attempt.phone(), script, clock.instant())) {
      events.publishEvent(event);
    }
    log.info("robot call {} finished: {}", attemptId, result.outcome());
  }
}

package io.contactcenter.outboundrobot.internal;

import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.internal.domain.DialogueEngine;
import io.contactcenter.outboundrobot.internal.domain.Directive;
import io.contactcenter.outboundrobot.internal.domain.TurnTimer;
import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One robot call's dialogue over its media stream: plays each prompt, listens, labels the reply and
 * lets the {@link DialogueEngine} decide what comes next, until the engine's final directive. Each
 * step (a prompt, a listening turn) is a {@link MediaPump.Handler} that the call's one {@link
 * MediaPump} feeds.
 *
 * <p>Barge-in: during an interruptible prompt the caller's audio is recognized too; as soon as a
 * word is recognized (or a key pressed) the prompt stops and the reply is taken. The
 * uninterruptible opening with answering-machine detection is {@link RobotOpening}'s.
 *
 * <p>One per call, used by the call's thread only.
 */
final class RobotConversation {

  private static final Logger log = LoggerFactory.getLogger(RobotConversation.class);

  /** The longest a reply that barged in is listened to before it is taken as it is. */
  private static final Duration BARGE_IN_MAX = Duration.ofSeconds(10);

  final MediaPump pump;
  final DialogueEngine engine;
  final String language;
  final RobotSpeech speech;
  final TurnTimer turns;
  private final CampaignType campaign;

  /**
   * @param campaign what the call is about, given to the reply classifier with every reply
   */
  RobotConversation(
      MediaSession media,
      DialogueEngine engine,
      String language,
      CampaignType campaign,
      RobotSpeech speech,
      TurnTimer turns) {
    this.pump = new MediaPump(media);
    this.engine = engine;
    this.language = language;
    this.campaign = campaign;
    this.speech = speech;
    this.turns = turns;
  }

  /** Runs the dialogue from {@code directive} until the engine's final directive. */
  Directive converse(Directive directive) {
    if (speech.config().answeringMachine().enabled()
        && directive instanceof Directive.Say opening
        && !opening.bargeIn()) {
      directive = new RobotOpening(this).run(opening);
    }
    while (!directive.isFinal()) {
      directive =
          switch (directive) {
            case Directive.Say say -> say(say);
            case Directive.Listen listen -> listen(listen);
            default -> throw new IllegalStateException("unexpected " + directive);
          };
    }
    return directive;
  }

  /**
   * Plays the goodbye (or the apology, or the transfer notice) to the end. The outcome is decided
   * by now: a voice that fails here costs the callee the last words, not the call its result.
   */
  void sayLastWords(String text, String attemptId) {
    try {
      speak(text);
      pump.untilPlayed();
    } catch (CallerHungUpException e) {
      throw e;
    } catch (RuntimeException e) {
      log.warn("robot call {}: could not say its last words: {}", attemptId, e.toString());
    }
  }

  /** Starts a prompt; when it answers the callee's reply, records how long they waited for it. */
  void speak(String text) {
    pump.media().play(speech.synthesize(text));
    speech.latency().promptStarted(turns);
  }

  /** A frame of the callee's audio: timed for turn latency and recognized. */
  void hear(MediaEvent.Audio audio, RecognitionStream stream) {
    turns.audio(audio.pcm(), audio.receivedNanos());
    stream.accept(audio.pcm(), AudioEncoding.PCM16_8K);
  }

  /** Plays a prompt; with barge-in, listens at the same time and stops at the first word. */
  private Directive say(Directive.Say say) {
    speak(say.text());
    if (!say.bargeIn()) {
      pump.untilPlayed();
      return engine.onPromptFinished();
    }
    MediaSession media = pump.media();
    try (RecognitionStream stream = speech.listen(language)) {
      return pump.run(
          new MediaPump.Handler<Directive>() {
            @Override
            public Optional<Directive> check() {
              return media.isPlaying() ? Optional.empty() : Optional.of(engine.onPromptFinished());
            }

            @Override
            public Optional<Directive> audio(MediaEvent.Audio audio) {
              hear(audio, stream);
              if (stream.partialText().isBlank()) {
                return Optional.empty();
              }
              media.stopPlayback();
              log.debug("barge-in");
              Transcript t = finishUtterance(stream, BARGE_IN_MAX);
              speech.latency().replyTaken(turns);
              return Optional.of(engine.onReply(speech.reply(t, language, campaign)));
            }

            @Override
            public Optional<Directive> dtmf(char digit) {
              media.stopPlayback();
              return Optional.of(engine.onDtmf(digit));
            }
          });
    }
  }

  private Directive listen(Directive.Listen listen) {
    turns.listening();
    EarlyEndOfTurn earlyEnd = speech.earlyEndOfTurn(language, campaign, listen.phrases());
    try (RecognitionStream stream = speech.listen(language)) {
      Instant noSpeechBy = speech.clock().instant().plus(listen.timeout());
      return pump.run(
          new MediaPump.Handler<Directive>() {
            @Override
            public Optional<Directive> check() {
              if (stream.endOfSpeech() || earlyEnd.clearAnswer(stream)) {
                Transcript t = stream.finish();
                if (t.isEmpty()) {
                  return Optional.of(engine.onSilence());
                }
                speech.latency().replyTaken(turns);
                return Optional.of(engine.onReply(speech.reply(t, language, campaign)));
              }
              if (stream.partialText().isBlank() && speech.clock().instant().isAfter(noSpeechBy)) {
                return Optional.of(engine.onSilence());
              }
              return Optional.empty();
            }

            @Override
            public Optional<Directive> audio(MediaEvent.Audio audio) {
              hear(audio, stream);
              return Optional.empty();
            }

            // A key the step does not offer is an answer not understood, as it is over the
            // prompt: the engine re-prompts with the keys that work, then gives up.
            @Override
            public Optional<Directive> dtmf(char digit) {
              return Optional.of(engine.onDtmf(digit));
            }
          });
    }
  }

  /**
   * Listens on until the utterance ends (or is a clear answer), at most {@code max}; keys are lost.
   */
  private Transcript finishUtterance(RecognitionStream stream, Duration max) {
    Instant until = speech.clock().instant().plus(max);
    EarlyEndOfTurn earlyEnd = speech.earlyEndOfTurn(language, campaign, List.of());
    return pump.run(
        new MediaPump.Handler<Transcript>() {
          @Override
          public Optional<Transcript> check() {
            boolean over =
                stream.endOfSpeech()
                    || earlyEnd.clearAnswer(stream)
                    || !speech.clock().instant().isBefore(until);
            return over ? Optional.of(stream.finish()) : Optional.empty();
          }

          @Override
          public Optional<Transcript> audio(MediaEvent.Audio audio) {
            hear(audio, stream);
            return Optional.empty();
          }
        });
  }
}

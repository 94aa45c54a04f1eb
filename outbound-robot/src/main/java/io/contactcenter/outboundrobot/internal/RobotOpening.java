package io.contactcenter.outboundrobot.internal;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.outboundrobot.internal.domain.AnsweringMachineDetector;
import io.contactcenter.outboundrobot.internal.domain.DialogueEngine;
import io.contactcenter.outboundrobot.internal.domain.Directive;
import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opening disclosure of a robot call with answering-machine detection: while it plays (to the
 * end: it is not interruptible) the callee's audio goes to an {@link AnsweringMachineDetector}. A
 * voicemail greeting ends the call as {@code VOICEMAIL} with what it said as the callee's turn, and
 * no other prompt is played. The opt-out key pressed meanwhile is honoured once the disclosure
 * ends. One per call.
 */
final class RobotOpening {

  private static final Logger log = LoggerFactory.getLogger(RobotOpening.class);

  private final RobotConversation call;
  private final AnsweringMachineDetector.Settings settings;
  private final AnsweringMachineDetector detector;
  private final List<Transcript> heard = new ArrayList<>();
  private final List<Character> keys = new ArrayList<>();
  private RecognitionStream stream;
  private Instant settleBy;

  RobotOpening(RobotConversation call) {
    this.call = call;
    this.settings = call.speech.machineSettings();
    this.detector = new AnsweringMachineDetector(settings);
  }

  /** Plays the opening and returns the engine's next directive. */
  Directive run(Directive.Say opening) {
    return optOutPressedDuringOpening(call.engine, sayOpening(opening));
  }

  /**
   * Plays the uninterruptible opening to the end while the detector listens; if the callee is still
   * mid-sentence when it ends, listens on until they pause (a greeting that began late) or are
   * found to be a machine, which takes at most one stretch of continuous speech.
   */
  private Directive sayOpening(Directive.Say say) {
    MediaSession media = call.pump.media();
    call.speak(say.text());
    stream = call.speech.listenFreely(call.language);
    try {
      call.pump.run(
          new MediaPump.Handler<Boolean>() {
            @Override
            public Optional<Boolean> check() {
              return media.isPlaying() || !settled() ? Optional.empty() : Optional.of(true);
            }

            @Override
            public Optional<Boolean> audio(MediaEvent.Audio audio) {
              detector.audio(audio.pcm());
              call.hear(audio, stream);
              if (stream.endOfSpeech()) {
                heard.add(stream.finish());
                stream.close();
                stream = call.speech.listenFreely(call.language);
              }
              detector.heard(text(heard, stream.partialText()));
              return Optional.empty();
            }

            // The opening cannot be interrupted; a key pressed now is not an answer to anything.
            @Override
            public Optional<Boolean> dtmf(char digit) {
              keys.add(digit);
              return Optional.empty();
            }
          });
      if (!detector.isMachine()) {
        return call.engine.onPromptFinished();
      }
      heard.add(stream.finish());
      log.info("answering machine: {}", detector.reason().orElseThrow());
      double confidence =
          heard.stream()
              .filter(t -> !t.isEmpty())
              .mapToDouble(Transcript::confidence)
              .average()
              .orElse(0);
      return call.engine.onAnsweringMachine(text(heard, ""), confidence);
    } finally {
      stream.close();
    }
  }

  /**
   * Once the opening has played: whether the detector has heard enough. A callee still speaking is
   * given one stretch of continuous speech and a pause from that moment.
   */
  private boolean settled() {
    if (detector.isMachine() || !detector.speaking()) {
      return true;
    }
    Instant now = call.speech.clock().instant();
    if (settleBy == null) {
      settleBy = now.plus(settings.continuousSpeech()).plus(settings.pause());
      return false;
    }
    return now.isAfter(settleBy);
  }

  /**
   * The disclosure tells the callee they can press the opt-out key "at any time", but it cannot be
   * interrupted: a key pressed while it played is acted on as soon as the dialogue takes keys, if
   * that step reads it as do-not-call. Other keys pressed before the question was asked are not
   * taken as answers to it. (The engine has already recorded the step's prompt as a turn; the
   * callee never hears it, the opt-out goodbye follows the disclosure.)
   */
  private Directive optOutPressedDuringOpening(DialogueEngine engine, Directive directive) {
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

  private static String text(List<Transcript> finished, String partial) {
    StringBuilder text = new StringBuilder();
    for (Transcript t : finished) {
      if (!t.isEmpty()) {
        text.append(t.text()).append(' ');
      }
    }
    return text.append(partial).toString().strip();
  }
}

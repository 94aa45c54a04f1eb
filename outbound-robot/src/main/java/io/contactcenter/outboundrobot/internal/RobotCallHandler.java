package io.contactcenter.outboundrobot.internal;

import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.outboundrobot.DialogueCompleted;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.outboundrobot.internal.domain.AnsweringMachineDetector;
import io.contactcenter.outboundrobot.internal.domain.DialogueEngine;
import io.contactcenter.outboundrobot.internal.domain.DialogueResult;
import io.contactcenter.outboundrobot.internal.domain.Directive;
import io.contactcenter.outboundrobot.internal.domain.PromptText;
import io.contactcenter.outboundrobot.internal.domain.TurnTimer;
import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.MediaSession;
import io.contactcenter.pbx.spi.CallHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Runs a robot dialogue on an answered outbound call (AGI script {@code robot}): loads the attempt
 * and its script, has a {@link RobotConversation} speak and listen over the call's media stream
 * until the {@link DialogueEngine} ends the dialogue, then carries out the end (hang up, transfer
 * to a queue) and records the result.
 *
 * <p>Barge-in and the early end of a turn are the conversation's; the opening disclosure with
 * answering-machine detection and the opt-out key is {@link RobotOpening}'s; the one loop over the
 * call's media events is {@link MediaPump}'s; the turn-latency timers ({@code
 * cc.robot.turn.latency}, {@code cc.robot.turn.processing}) are {@link TurnLatency}'s.
 *
 * <p>Failures: when the synthesizer, the recognizer or the media stream fails mid-call, the
 * dialogue ends {@code FAILED} ({@link DialogueEngine#onFailure}), the robot apologizes if its
 * voice still works and hangs up; the attempt never stays in dialogue.
 */
final class RobotCallHandler implements CallHandler {

  private static final Logger log = LoggerFactory.getLogger(RobotCallHandler.class);

  private final JdbcRobotAttempts attempts;
  private final DialogueScripts scripts;
  private final ApplicationEventPublisher events;
  private final RobotProperties config;
  private final RobotSpeech speech;
  private final Clock clock;

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
    this.events = events;
    this.config = config;
    this.clock = clock;
    // The detector's settings are built here so that settings that cannot work stop the
    // application at start.
    AnsweringMachineDetector.Settings machineSettings = config.answeringMachine().settings();
    this.speech =
        new RobotSpeech(
            tts, asr, classifier, config, machineSettings, clock, new TurnLatency(meters));
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
    DialogueScript script = script(attempt);
    Map<String, String> spoken = new HashMap<>();
    script
        .variables()
        .forEach(
            (name, kind) ->
                spoken.put(
                    name,
                    RobotService.spoken(
                        name,
                        kind,
                        attempt.variables().get(name),
                        attempt.language() == null ? script.language() : attempt.language())));
    DialogueEngine engine = new DialogueEngine(script, attempt.language(), spoken, clock);
    prerender(prompts(script, attempt.language(), spoken), attemptId);
    attempts.status(attemptId, "IN_DIALOGUE");
    Directive directive = engine.start();
    // Speech is told by the level the recognizer's voice-activity gate uses (-42 dBFS by default).
    TurnTimer turns = new TurnTimer(speech.machineSettings().speechLevel());
    try (MediaSession media = call.openMedia()) {
      RobotConversation conversation =
          new RobotConversation(
              media, engine, attempt.language(), script.campaign(), speech, turns);
      try {
        directive = conversation.converse(directive);
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
          conversation.sayLastWords(hangup.finalPrompt(), attemptId);
          finish(attemptId, hangup.result(), attempt, script);
          media.close();
          call.hangup();
        }
        case Directive.Transfer transfer when attempt.testCall() -> {
          // A test call rings nobody else: the tester hears the words before the transfer only.
          if (!transfer.prompt().isBlank()) {
            conversation.sayLastWords(transfer.prompt(), attemptId);
          }
          finish(attemptId, transfer.result(), attempt, script);
          media.close();
          call.hangup();
        }
        case Directive.Transfer transfer -> {
          if (!transfer.prompt().isBlank()) {
            conversation.sayLastWords(transfer.prompt(), attemptId);
          }
          finish(attemptId, transfer.result(), attempt, script);
          media.close();
          // Bounds the wait in the queue (the dialplan's Queue() timeout): an unanswered callee
          // comes back to the robot-transfer-unanswered script, which promises a callback.
          call.setVariable(
              "CC_QUEUE_TIMEOUT", Long.toString(config.transfer().maxWait().toSeconds()));
          call.transferToQueue(transfer.queue());
        }
        case Directive.Done done -> {
          finish(attemptId, done.result(), attempt, script);
          media.close();
          call.hangup();
        }
        default -> throw new IllegalStateException("unexpected " + directive);
      }
    } catch (CallerHungUpException e) {
      Directive end = engine.onHangup();
      engine.result().ifPresent(result -> finish(attemptId, result, attempt, script));
      log.debug("callee hung up: {}", end);
    }
  }

  /**
   * Synthesizes the script's prompts while the disclosure plays, so no later prompt waits for the
   * synthesizer (a gap in which the callee's answer would go unheard).
   */
  private void prerender(List<String> prompts, String attemptId) {
    Thread.ofVirtual()
        .name("robot-prerender")
        .start(
            () -> {
              try {
                speech.tts().prerender(prompts);
              } catch (RuntimeException e) {
                // Only an optimisation: each prompt is synthesized again when it is needed.
                log.warn("prerendering prompts for {} failed: {}", attemptId, e.toString());
              }
            });
  }

  /** Every prompt of the script in {@code language}, with the call's values filled in. */
  static List<String> prompts(DialogueScript script, String language, Map<String, String> values) {
    List<DialogueScript.Prompt> all = new ArrayList<>();
    for (DialogueScript.Step step : script.steps().values()) {
      step.say().ifPresent(all::add);
      step.listen().map(DialogueScript.Listen::reprompt).ifPresent(all::add);
    }
    all.add(script.apology());
    return all.stream()
        .map(p -> p.texts().get(language))
        .filter(Objects::nonNull)
        .map(text -> PromptText.render(text, values))
        .flatMap(Optional::stream)
        .distinct()
        .toList();
  }

  /**
   * The attempt's script: the version it was placed with, or for a test call with edited texts that
   * version with the texts in (checked when the call was placed).
   */
  private DialogueScript script(JdbcRobotAttempts.Stored attempt) {
    if (!attempt.promptTexts().isEmpty()) {
      return scripts.withPromptTexts(
          attempt.scriptId(), attempt.scriptVersion(), attempt.promptTexts());
    }
    return scripts
        .find(attempt.scriptId(), attempt.scriptVersion())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "unknown script " + attempt.scriptId() + " v" + attempt.scriptVersion()));
  }

  private void finish(
      String attemptId,
      DialogueResult result,
      JdbcRobotAttempts.Stored attempt,
      DialogueScript script) {
    attempts.finished(
        attemptId,
        result.outcome().name(),
        result.callbackAt().orElse(null),
        result.failure().orElse(null),
        result.turns());
    for (Object event : result.events(attemptId, attempt.phone(), script, clock.instant())) {
      // A test call's callee is the tester: what they ask for (a callback, the do-not-call list,
      // a ticket, a person) is not done; that the dialogue ended is still announced.
      if (!attempt.testCall() || event instanceof DialogueCompleted) {
        events.publishEvent(event);
      }
    }
    log.info("robot call {} finished: {}", attemptId, result.outcome());
  }
}

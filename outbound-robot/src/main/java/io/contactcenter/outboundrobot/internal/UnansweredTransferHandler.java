package io.contactcenter.outboundrobot.internal;

import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.outboundrobot.CallbackRequested;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.Turn;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import io.contactcenter.pbx.spi.CallHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Takes back a robot call that a human queue did not answer (AGI script {@code
 * robot-transfer-unanswered}, which the dialplan runs when {@code Queue()} returns with a {@code
 * QUEUESTATUS}: nobody logged in, the wait ran out, the queue is full). A callee who asked for a
 * person is not left with a dead line: the robot says they will be called back, stores the callback
 * on the attempt (after the script's callback delay) and announces {@link CallbackRequested}.
 */
final class UnansweredTransferHandler implements CallHandler {

  private static final Logger log = LoggerFactory.getLogger(UnansweredTransferHandler.class);
  private static final Duration FRAME_WAIT = Duration.ofMillis(40);

  private final JdbcRobotAttempts attempts;
  private final JdbcRobotCallHistory history;
  private final DialogueScripts scripts;
  private final SpeechSynthesizer tts;
  private final ApplicationEventPublisher events;
  private final RobotProperties config;
  private final Clock clock;

  UnansweredTransferHandler(
      JdbcRobotAttempts attempts,
      JdbcRobotCallHistory history,
      DialogueScripts scripts,
      SpeechSynthesizer tts,
      ApplicationEventPublisher events,
      RobotProperties config,
      Clock clock) {
    this.attempts = attempts;
    this.history = history;
    this.scripts = scripts;
    this.tts = tts;
    this.events = events;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public String script() {
    return "robot-transfer-unanswered";
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
    String status = call.getVariable("QUEUESTATUS").orElse("");
    String text = config.transfer().unansweredPrompt(attempt.language());
    Instant now = clock.instant();
    Instant callbackAt =
        now.plus(script.settings().callbackDelay()).truncatedTo(ChronoUnit.SECONDS);
    // Stored and announced before speaking: a callee who hangs up now is still called back.
    if (attempts.transferUnanswered(
        attemptId, callbackAt, Turn.robot(now, step(attemptId), text))) {
      events.publishEvent(new CallbackRequested(attemptId, callbackAt, now));
      log.info(
          "robot call {}: no agent took the transfer (QUEUESTATUS {}), callback at {}",
          attemptId,
          status,
          callbackAt);
    }
    try (MediaSession media = call.openMedia()) {
      media.play(
          tts.synthesize(text, config.voice().isBlank() ? null : config.voice()).pcm16le8k());
      while (media.isPlaying()) {
        if (media.next(FRAME_WAIT).orElse(null) instanceof MediaEvent.Hangup) {
          return;
        }
      }
    }
    call.hangup();
  }

  /** The step that transferred the call: the robot's last turn before it. */
  private String step(String attemptId) {
    List<Turn> turns = history.find(attemptId).map(RobotAttempt::turns).orElse(List.of());
    return turns.isEmpty() ? "transfer" : turns.getLast().step();
  }
}

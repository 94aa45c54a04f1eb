package io.contactcenter.outboundrobot.internal;

import io.contactcenter.outboundrobot.internal.domain.TurnTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The robot's turn-latency timers, shared by every call: {@code cc.robot.turn.latency} measures
 * each gap the callee hears, from the end of their spoken reply (the arrival of its last voiced
 * frame) to the first frame of the robot's next prompt; {@code cc.robot.turn.processing} the part
 * of it after the reply was taken (final recognition, label, next step, synthesis). The difference
 * is the recognizer's end-of-speech wait plus any time the call thread was behind the audio.
 */
final class TurnLatency {

  private final Timer latency;
  private final Timer processing;
  private final LongSupplier nanoTime;

  TurnLatency(MeterRegistry meters) {
    this.latency =
        Timer.builder("cc.robot.turn.latency")
            .description(
                "From the end of the callee's spoken reply to the first frame of the robot's next"
                    + " prompt")
            .publishPercentiles(0.5, 0.95, 0.99)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(50))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(meters);
    this.processing =
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

  /** Now, on the media frames' time base. */
  long now() {
    return nanoTime.getAsLong();
  }

  /** The callee's reply was taken now (its end of speech detected). */
  void replyTaken(TurnTimer turns) {
    turns.replyTaken(now());
  }

  /** A prompt started now; when it answers the callee's reply, records how long they waited. */
  void promptStarted(TurnTimer turns) {
    turns
        .promptStarted(now())
        .ifPresent(
            turn -> {
              latency.record(turn.sinceSpeechEnded());
              processing.record(turn.sinceReplyTaken());
            });
  }
}

package io.contactcenter.outboundrobot.internal.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Times the robot's turns on one call: from the end of the callee's reply, the arrival of its last
 * voiced frame, to the first frame of the robot's next prompt. That is the gap the callee hears; it
 * includes the recognizer's end-of-speech wait (its trailing silence) and any time the reply's
 * frames waited for a busy call thread. The part after the reply was taken (final recognition,
 * label, next step, synthesis) is timed separately, so the two can be told apart.
 *
 * <p>Times are {@link System#nanoTime()} values, as media frames carry them. Not thread-safe: one
 * per call, fed by the call's thread.
 */
public final class TurnTimer {

  /**
   * One timed turn.
   *
   * @param sinceSpeechEnded from the callee's last voiced frame to the robot's prompt starting
   * @param sinceReplyTaken from the moment the reply was taken (its end of speech detected) to the
   *     prompt starting
   */
  public record Turn(Duration sinceSpeechEnded, Duration sinceReplyTaken) {
    public Turn {
      Objects.requireNonNull(sinceSpeechEnded, "sinceSpeechEnded is required");
      Objects.requireNonNull(sinceReplyTaken, "sinceReplyTaken is required");
    }
  }

  private final double speechLevel;
  private boolean voiced;
  private long lastVoiced;
  private boolean pending;
  private long speechEnded;
  private long replyTaken;

  /**
   * @param speechLevel frame level in dBFS above which a frame counts as speech
   */
  public TurnTimer(double speechLevel) {
    if (!(speechLevel < 0 && speechLevel > -96)) {
      throw new IllegalArgumentException(
          "speechLevel must be between -96 and 0 dBFS, was " + speechLevel);
    }
    this.speechLevel = speechLevel;
  }

  /**
   * A frame of the callee's audio, as it is handed to the recognizer.
   *
   * @param pcm16le8k signed 16-bit little-endian PCM, 8 kHz, mono
   * @param receivedNanos when it arrived from the PBX
   */
  public void audio(byte[] pcm16le8k, long receivedNanos) {
    if (pcm16le8k.length >= 2 && AnsweringMachineDetector.level(pcm16le8k) >= speechLevel) {
      voiced = true;
      lastVoiced = receivedNanos;
    }
  }

  /** The callee's spoken reply has been taken (its end detected) at {@code nowNanos}. */
  public void replyTaken(long nowNanos) {
    if (voiced) {
      pending = true;
      speechEnded = lastVoiced;
      replyTaken = nowNanos;
    }
  }

  /** The robot listens again without saying anything first: no turn to time. */
  public void listening() {
    pending = false;
  }

  /**
   * The robot's next prompt started at {@code nowNanos}.
   *
   * @return the turn it ends, or empty when it answers no reply (the first prompt, a re-prompt
   *     after silence, an answer to a key)
   */
  public Optional<Turn> promptStarted(long nowNanos) {
    if (!pending) {
      return Optional.empty();
    }
    pending = false;
    return Optional.of(
        new Turn(
            Duration.ofNanos(nowNanos - speechEnded), Duration.ofNanos(nowNanos - replyTaken)));
  }
}

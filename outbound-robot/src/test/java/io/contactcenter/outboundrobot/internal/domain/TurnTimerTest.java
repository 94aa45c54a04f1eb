package io.contactcenter.outboundrobot.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TurnTimerTest {

  private static final long MS = 1_000_000L;

  private final TurnTimer timer = new TurnTimer(-42);
  private long now = 1_000 * MS;

  /** 20 ms frames arriving in real time. */
  private void frames(int count, byte[] frame) {
    for (int i = 0; i < count; i++) {
      now += 20 * MS;
      timer.audio(frame, now);
    }
  }

  private static byte[] voice() {
    byte[] frame = new byte[320];
    for (int i = 0; i < 160; i++) {
      int sample = (int) (5000 * Math.sin(2 * Math.PI * 400 * i / 8000.0));
      frame[2 * i] = (byte) sample;
      frame[2 * i + 1] = (byte) (sample >> 8);
    }
    return frame;
  }

  @Test
  void aTurnRunsFromTheLastVoicedFrameToTheNextPrompt() {
    frames(50, voice());
    long lastVoiced = now;
    frames(35, new byte[320]); // the recognizer's 700 ms of trailing silence
    timer.replyTaken(now + 30 * MS); // the consumer was 30 ms behind

    TurnTimer.Turn turn = timer.promptStarted(now + 130 * MS).orElseThrow();

    assertThat(turn.sinceSpeechEnded()).isEqualTo(Duration.ofNanos(now + 130 * MS - lastVoiced));
    assertThat(turn.sinceSpeechEnded()).isEqualTo(Duration.ofMillis(830));
    assertThat(turn.sinceReplyTaken()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void onlyAPromptAnsweringASpokenReplyIsATurn() {
    assertThat(timer.promptStarted(now)).as("the opening").isEmpty();
    frames(50, new byte[320]);
    timer.replyTaken(now);
    assertThat(timer.promptStarted(now)).as("after silence only").isEmpty();

    frames(20, voice());
    timer.replyTaken(now);
    assertThat(timer.promptStarted(now + 50 * MS)).isPresent();
    assertThat(timer.promptStarted(now + 80 * MS)).as("timed once").isEmpty();

    frames(20, voice());
    timer.replyTaken(now);
    timer.listening();
    assertThat(timer.promptStarted(now + 50 * MS)).as("listened on without a prompt").isEmpty();
  }
}

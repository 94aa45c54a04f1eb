package io.contactcenter.outboundrobot.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.outboundrobot.internal.domain.AnsweringMachineDetector.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnsweringMachineDetectorTest {

  private final AnsweringMachineDetector detector = new AnsweringMachineDetector(Settings.DEFAULT);

  /** Feeds 20 ms frames of a voice-level tone (about -19 dBFS). */
  private void speak(int millis) {
    for (int i = 0; i < millis / 20; i++) {
      detector.audio(tone(5000));
    }
  }

  private void silence(int millis) {
    for (int i = 0; i < millis / 20; i++) {
      detector.audio(new byte[320]);
    }
  }

  /** One 20 ms frame of a 400 Hz tone. */
  private static byte[] tone(int amplitude) {
    byte[] frame = new byte[320];
    for (int i = 0; i < 160; i++) {
      int sample = (int) (amplitude * Math.sin(2 * Math.PI * 400 * i / 8000.0));
      frame[2 * i] = (byte) sample;
      frame[2 * i + 1] = (byte) (sample >> 8);
    }
    return frame;
  }

  @Test
  void aPersonWhoSaysHelloAndWaitsIsNoMachine() {
    silence(800);
    speak(600);
    silence(1500);
    speak(900);
    silence(3000);
    detector.heard("hello hello who is this");

    assertThat(detector.isMachine()).isFalse();
    assertThat(detector.reason()).isEmpty();
    assertThat(detector.speaking()).isFalse();
  }

  @Test
  void aGreetingThatTalksOnWithOnlySentencePausesIsAMachine() {
    silence(1000);
    // "Hi, you have reached John. | I am not available right now. | Please ..." with the 400-700 ms
    // pauses a synthesized or recorded greeting has between sentences.
    speak(1400);
    silence(440);
    speak(1200);
    silence(680);
    assertThat(detector.isMachine()).isFalse();
    speak(1000);

    assertThat(detector.isMachine()).isTrue();
    assertThat(detector.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("spoke 3"));
  }

  @Test
  void longSpeechBrokenByRealPausesIsNoMachine() {
    for (int i = 0; i < 4; i++) {
      speak(3000);
      silence(900);
    }

    assertThat(detector.isMachine()).isFalse();
  }

  @Test
  void quietLineNoiseIsNotSpeech() {
    for (int i = 0; i < 500; i++) {
      detector.audio(tone(150)); // about -50 dBFS
    }

    assertThat(detector.isMachine()).isFalse();
    assertThat(detector.speaking()).isFalse();
  }

  @Test
  void speakingLastsUntilAPause() {
    speak(400);
    assertThat(detector.speaking()).isTrue();
    silence(600);
    assertThat(detector.speaking()).isTrue();
    silence(200);
    assertThat(detector.speaking()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hi you have reached the voicemail of john",
        "i am not available right now please leave a message after the tone",
        "you've reached the voice mail box of",
        "the person you are calling is unavailable",
        "您好 我 现在 不方便 接听 请 在 提示音 后 留言",
        "您 拨打 的 电话 暂时 无法 接通",
        "欢迎 使用 语音信箱"
      })
  void aGreetingPhraseMeansAMachine(String heard) {
    detector.heard(heard);

    assertThat(detector.isMachine()).as(heard).isTrue();
    assertThat(detector.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("said \""));
    assertThat(detector.heard()).isEqualTo(heard);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hello",
        "yes who is this",
        "i already paid it yesterday",
        "call me back tomorrow morning",
        "this message is not for me",
        "喂 你好",
        "我 已经 付 了"
      })
  void whatPeopleSayIsNoGreeting(String heard) {
    detector.heard(heard);

    assertThat(detector.isMachine()).as(heard).isFalse();
  }

  @Test
  void aMachineStaysAMachine() {
    detector.heard("please leave a message");
    detector.heard("");
    silence(5000);

    assertThat(detector.isMachine()).isTrue();
    assertThat(detector.reason()).contains("said \"leave a message\"");
  }

  @Test
  void levelsAreInDecibelsBelowFullScale() {
    assertThat(AnsweringMachineDetector.level(new byte[320])).isEqualTo(-96);
    assertThat(AnsweringMachineDetector.level(tone(32767))).isBetween(-3.2, -2.8);
    assertThat(AnsweringMachineDetector.level(tone(5000))).isBetween(-20.0, -15.0);
  }

  @Test
  void settingsThatCannotWorkAreRefused() {
    assertThatThrownBy(() -> new Settings(Duration.ofMillis(500), Duration.ofMillis(200), -42))
        .hasMessageContaining("continuousSpeech");
    assertThatThrownBy(() -> new Settings(Duration.ofSeconds(3), Duration.ofSeconds(3), -42))
        .hasMessageContaining("pause");
    assertThatThrownBy(() -> new Settings(Duration.ofSeconds(3), Duration.ofMillis(800), 3))
        .hasMessageContaining("speechLevel");
  }
}

package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.MediaEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboundMediaTest {

  private final InboundMedia inbound = new InboundMedia("1.1", 3);

  private static byte[] frame(int marker) {
    return new byte[] {(byte) marker, 0};
  }

  @Test
  void aSlowConsumerLosesTheOldestAudioButNoKeyPress() {
    inbound.audio(frame(1), 1);
    inbound.dtmf('5');
    inbound.audio(frame(2), 2);
    inbound.audio(frame(3), 3);
    inbound.audio(frame(4), 4);

    assertThat(inbound.dropped()).isEqualTo(1);
    assertThat(inbound.next(Duration.ZERO)).contains(new MediaEvent.Dtmf('5'));
    assertThat(marker()).isEqualTo(2);
    assertThat(marker()).isEqualTo(3);
    assertThat(marker()).isEqualTo(4);
    assertThat(inbound.next(Duration.ZERO)).isEmpty();
  }

  @Test
  void queuedEventsComeBeforeTheHangupAndReadingOnAfterItIsAHangUp() {
    inbound.audio(frame(1), 1);
    inbound.end();
    inbound.audio(frame(2), 2);

    assertThat(marker()).isEqualTo(1);
    assertThat(inbound.next(Duration.ofSeconds(1))).contains(new MediaEvent.Hangup());
    assertThatThrownBy(() -> inbound.next(Duration.ZERO)).isInstanceOf(CallerHungUpException.class);
  }

  @Test
  void aFrameKeepsWhenItArrivedHoweverLongItWaits() {
    inbound.audio(frame(1), 123_456_789L);

    MediaEvent.Audio audio = (MediaEvent.Audio) inbound.next(Duration.ZERO).orElseThrow();
    assertThat(audio.receivedNanos()).isEqualTo(123_456_789L);
  }

  @Test
  void twoSecondsOfBufferAreOneHundredFrames() {
    assertThat(InboundMedia.framesFor(Duration.ofSeconds(2))).isEqualTo(100);
  }

  private int marker() {
    MediaEvent event = inbound.next(Duration.ZERO).orElseThrow();
    return ((MediaEvent.Audio) event).pcm()[0];
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The test ear's measurement: a tone through G.711 µ-law is heard at its frequency only. */
class RtpEarTest {

  @Test
  void aToneThroughUlawIsHeardAtItsFrequencyAndNotAtAnother() {
    short[] frame = new short[160];
    for (int i = 0; i < frame.length; i++) {
      int linear = (int) (8000 * Math.sin(2 * Math.PI * 600 * i / 8000.0));
      frame[i] = RtpEar.ulawToLinear(RtpEar.linearToUlaw(linear));
    }
    assertThat(RtpEar.amplitude(frame, 600)).isCloseTo(8000, within(300.0));
    assertThat(RtpEar.amplitude(frame, 1400)).isLessThan(RtpEar.HEARD / 10);
  }

  @Test
  void silenceHasNoTone() {
    short[] frame = new short[160];
    for (int i = 0; i < frame.length; i++) {
      frame[i] = RtpEar.ulawToLinear(RtpEar.linearToUlaw(0));
    }
    assertThat(RtpEar.amplitude(frame, 600)).isLessThan(RtpEar.HEARD / 10);
  }
}

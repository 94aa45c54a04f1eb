package io.contactcenter.pbx;

import io.contactcenter.pbx.spi.CallHandler;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The AGI script {@code media-test} (dialplan: {@code from-customers,4100}), only in tests:
 * answers, opens the call's live media, speaks a 1 kHz tone while it listens, and reports what it
 * heard.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MediaTestHandler {

  /** What one media test call heard. */
  public record Heard(
      String callId,
      int frames,
      int voicedFrames,
      String digits,
      Duration toneSent,
      Duration toneSentAfterOneSecond,
      boolean channelUsableAfterClose) {}

  private static final Duration LISTEN = Duration.ofSeconds(8);
  // RMS above this is speech; u-law silence decodes to 0 and line noise stays far below.
  private static final double VOICE_RMS = 300;

  private final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();

  /** Calls handled so far, oldest first; a test takes the one it placed. */
  public BlockingQueue<Heard> heard() {
    return heard;
  }

  @Bean
  CallHandler mediaTestCallHandler() {
    return new CallHandler() {
      @Override
      public String script() {
        return "media-test";
      }

      @Override
      public void handle(ChannelSession session) {
        session.answer();
        int frames = 0;
        int voiced = 0;
        StringBuilder digits = new StringBuilder();
        Duration toneSent;
        Duration afterOneSecond = null;
        try (MediaSession media = session.openMedia()) {
          media.play(tone(Duration.ofSeconds(3)));
          long start = System.nanoTime();
          long deadline = start + LISTEN.toNanos();
          while (digits.isEmpty() && System.nanoTime() < deadline) {
            MediaEvent event = media.next(Duration.ofMillis(200)).orElse(null);
            if (afterOneSecond == null && System.nanoTime() - start >= 1_000_000_000L) {
              afterOneSecond = media.played();
            }
            if (event instanceof MediaEvent.Audio audio) {
              frames++;
              if (rms(audio.pcm()) > VOICE_RMS) {
                voiced++;
              }
            } else if (event instanceof MediaEvent.Dtmf dtmf) {
              digits.append(dtmf.digit());
            } else if (event instanceof MediaEvent.Hangup) {
              break;
            }
          }
          media.stopPlayback();
          toneSent = media.played();
        }
        // After close the AGI channel takes commands again.
        session.setVariable("CC_MEDIA_FRAMES", Integer.toString(frames));
        boolean usable = session.getVariable("CC_MEDIA_FRAMES").isPresent();
        heard.add(
            new Heard(
                session.callId(),
                frames,
                voiced,
                digits.toString(),
                toneSent,
                afterOneSecond,
                usable));
        session.hangup();
      }
    };
  }

  static byte[] tone(Duration length) {
    int samples = (int) (length.toMillis() * 8);
    ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0)));
    }
    return pcm.array();
  }

  static double rms(byte[] pcm) {
    ByteBuffer samples = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
    double sum = 0;
    int n = pcm.length / 2;
    for (int i = 0; i < n; i++) {
      double s = samples.getShort();
      sum += s * s;
    }
    return n == 0 ? 0 : Math.sqrt(sum / n);
  }
}

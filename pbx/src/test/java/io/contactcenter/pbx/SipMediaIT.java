package io.contactcenter.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Live call media over the application's SIP media endpoint, end to end: the same call and the same
 * handler as {@link AudioSocketMediaIT}, but the dialplan line 4101 sets {@code
 * CC_MEDIA_TRANSPORT=sip}, so {@code openMedia()} has Asterisk dial the endpoint (jain-sip-ri) and
 * the audio runs as RTP/PCMU with RFC 4733 keys. SIPp says "hello world" and presses a key; the
 * handler hears both while it speaks a tone, closes the media (BYE) and hangs up over AGI.
 *
 * <p>Same Spring context as the other ITs: the endpoint is enabled for all of them ({@code
 * cc.pbx.media.sip.enabled}) while the default transport stays AudioSocket.
 */
@PbxIT
@WithSharedAsterisk
class SipMediaIT {

  private static final Logger log = LoggerFactory.getLogger(SipMediaIT.class);

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  @Autowired MediaTestHandler handler;
  @Autowired CapturedEvents events;

  @Test
  void theHandlerHearsTheCallerOverRtpWhileSpeakingAndHangsUpCleanly() throws Exception {
    Sipp.Result call =
        Sipp.scenario("customer-speaks.xml")
            .service("4101")
            .key("digits", "7")
            .timeout(Duration.ofSeconds(40))
            .callAsterisk(asterisk.ports().sip());

    assertThat(call.succeeded()).as("SIPp call failed:%n%s", call.output()).isTrue();
    MediaTestHandler.Heard heard = handler.heard().poll(10, TimeUnit.SECONDS);
    assertThat(heard).as("the media-test handler ran").isNotNull();
    log.info("SIP media test call heard {}", heard);

    // Fewer frames than over AudioSocket, which Asterisk feeds on its own 20 ms timer: over RTP
    // only what the caller sends arrives (SIPp sends nothing after its 2.4 s recording but the
    // key), and it arrives once Dial() has connected, a few hundred ms after the answer.
    assertThat(heard.frames()).as("inbound RTP frames").isGreaterThan(50);
    assertThat(heard.voicedFrames()).as("frames with the caller's voice").isGreaterThan(25);
    assertThat(heard.voicedFrames()).isLessThan(heard.frames());
    assertThat(heard.digits()).as("the RFC 4733 key, once").isEqualTo("7");
    assertThat(heard.toneSentAfterOneSecond())
        .isBetween(Duration.ofMillis(800), Duration.ofMillis(1300));
    assertThat(heard.toneSent()).isEqualTo(Duration.ofSeconds(3));
    assertThat(heard.channelUsableAfterClose()).as("Dial() returned to the AGI").isTrue();

    CallEnded ended =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () ->
                    events.ofType(CallEnded.class).stream()
                        .filter(e -> e.callId().equals(heard.callId()))
                        .findFirst()
                        .orElse(null),
                e -> e != null);
    assertThat(ended.cause()).as("hung up by the handler: normal clearing").isEqualTo(16);

    // MixMonitor writes the file when the channel is gone; its frames dominated by 1 kHz are the
    // robot's tone as the caller's channel carried it (the caller's own voice has no such line).
    Path recording = asterisk.recordings().resolve(heard.callId() + ".wav");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(recording) > 44);
    int toneFrames = framesDominatedBy1kHz(Files.readAllBytes(recording));
    log.info("recording {}: {} frames of 1 kHz tone", recording.getFileName(), toneFrames);
    assertThat(toneFrames).as("20 ms frames of the 3 s tone in the recording").isBetween(75, 160);
  }

  /** 20 ms frames of an 8 kHz 16-bit WAV whose energy is mostly at 1 kHz (Goertzel). */
  private static int framesDominatedBy1kHz(byte[] wav) {
    ByteBuffer samples = ByteBuffer.wrap(wav, 44, wav.length - 44).order(ByteOrder.LITTLE_ENDIAN);
    int count = 0;
    double coefficient = 2 * Math.cos(2 * Math.PI * 1000 / 8000.0);
    while (samples.remaining() >= 320) {
      double s1 = 0;
      double s2 = 0;
      double energy = 0;
      for (int i = 0; i < 160; i++) {
        double x = samples.getShort();
        energy += x * x;
        double s0 = x + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
      }
      double tonePower = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
      // A pure tone over N samples has Goertzel power N/2 times its energy.
      if (energy > 160 * 500.0 * 500.0 && tonePower > 0.5 * 80 * energy) {
        count++;
      }
    }
    return count;
  }
}

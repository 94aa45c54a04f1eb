package io.contactcenter.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Live call media over AudioSocket, end to end: SIPp calls the media test line and says "hello
 * world" as RTP, Asterisk hands the call to the application over FastAGI, the handler opens the
 * call's media, hears the caller's voice frame by frame while it speaks a tone, hears the key the
 * caller presses, closes the media and hangs up over AGI again.
 */
@PbxIT
@WithSharedAsterisk
class AudioSocketMediaIT {

  private static final Logger log = LoggerFactory.getLogger(AudioSocketMediaIT.class);

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  @Autowired MediaTestHandler handler;
  @Autowired CapturedEvents events;

  @Test
  void theHandlerHearsTheCallerLiveWhileSpeakingAndHangsUpCleanly() throws Exception {
    Sipp.Result call =
        Sipp.scenario("customer-speaks.xml")
            .service("4100")
            .key("digits", "5")
            .timeout(Duration.ofSeconds(40))
            .callAsterisk(asterisk.ports().sip());

    assertThat(call.succeeded()).as("SIPp call failed:%n%s", call.output()).isTrue();
    MediaTestHandler.Heard heard = handler.heard().poll(10, TimeUnit.SECONDS);
    assertThat(heard).as("the media-test handler ran").isNotNull();
    log.info("media test call heard {}", heard);

    // ~3.5 s of 20 ms frames, of which the 2.4 s "hello world" is about half voiced.
    assertThat(heard.frames()).as("inbound frames").isGreaterThan(100);
    assertThat(heard.voicedFrames()).as("frames with the caller's voice").isGreaterThan(25);
    assertThat(heard.voicedFrames()).isLessThan(heard.frames());
    assertThat(heard.digits()).isEqualTo("5");
    // The tone was paced in real time, not dumped at once: one second in, about a second of it had
    // left; it then played to its end (3 s) before the key came.
    assertThat(heard.toneSentAfterOneSecond())
        .isBetween(Duration.ofMillis(800), Duration.ofMillis(1300));
    assertThat(heard.toneSent()).isEqualTo(Duration.ofSeconds(3));
    assertThat(heard.channelUsableAfterClose()).isTrue();

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
  }
}

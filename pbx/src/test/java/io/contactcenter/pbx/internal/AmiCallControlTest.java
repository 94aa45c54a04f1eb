package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.pbx.LiveChannels;
import io.contactcenter.pbx.OriginateRequest;
import io.contactcenter.pbx.PbxUnavailableException;
import io.contactcenter.pbx.UnknownTrunkException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.junit.jupiter.api.Test;

class AmiCallControlTest {

  private static final List<String> TRUNKS = List.of("trunk-test", "carrier-b");

  private static OriginateRequest request(
      String trunk, String callerId, Map<String, String> variables) {
    return new OriginateRequest(
        "att-7",
        PhoneNumber.parse("+86 138 0013 8000"),
        trunk,
        callerId,
        Duration.ofSeconds(45),
        "cc-robot",
        "s",
        variables);
  }

  @Test
  void listedChannelsInStateUpAreAnsweredTheOthersRinging() {
    CoreShowChannelEvent caller = new CoreShowChannelEvent(this);
    caller.setUniqueid("1700000000.42");
    caller.setChannelState(6);
    CoreShowChannelEvent ring = new CoreShowChannelEvent(this);
    ring.setUniqueid("cc-ring-r-1");
    ring.setChannelState(5); // Ringing

    LiveChannels channels = AmiCallControl.liveChannels(List.of(caller, ring));

    assertThat(channels.callIds()).containsExactlyInAnyOrder("1700000000.42", "cc-ring-r-1");
    assertThat(channels.isAnswered("1700000000.42")).isTrue();
    assertThat(channels.isAnswered("cc-ring-r-1")).isFalse();
  }

  @Test
  void dialStringIsPjsipWithTheE164DigitsAtTheTrunk() {
    assertThat(AmiCallControl.dialString(request("carrier-b", null, Map.of())))
        .isEqualTo("PJSIP/8613800138000@carrier-b");
  }

  @Test
  void anUnknownTrunkIsRefusedNamingTheConfiguredTrunks() {
    OriginateRequest toUnknown = request("other-trunk", null, Map.of());

    assertThatThrownBy(() -> AmiCallControl.toAction(toUnknown, TRUNKS))
        .isInstanceOf(UnknownTrunkException.class)
        .hasMessageContaining("other-trunk")
        .hasMessageContaining("trunk-test")
        .hasMessageContaining("carrier-b");
  }

  @Test
  void buildsTheOriginateActionFromTheRequest() {
    OriginateAction action =
        AmiCallControl.toAction(
            request("trunk-test", "+4930123456", Map.of("CC_CAMPAIGN", "spring")), TRUNKS);

    assertThat(action.getChannel()).isEqualTo("PJSIP/8613800138000@trunk-test");
    assertThat(action.getContext()).isEqualTo("cc-robot");
    assertThat(action.getExten()).isEqualTo("s");
    assertThat(action.getPriority()).isEqualTo(1);
    assertThat(action.getTimeout()).isEqualTo(45_000L);
    assertThat(action.getAsync()).isTrue();
    assertThat(action.getActionId()).isEqualTo("cc-attempt-att-7");
    assertThat(action.getCallerId()).isEqualTo("+4930123456");
    assertThat(action.getVariables())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "__CC_ATTEMPT_ID", "att-7",
                "CC_DESTINATION", "8613800138000",
                "CC_CAMPAIGN", "spring"));
    assertThat(action.getChannelId()).isEqualTo("cc-att-7");
  }

  @Test
  void theActionIdIsWhatTheEventTranslatorParsesBack() {
    OriginateAction action = AmiCallControl.toAction(request("trunk-test", null, Map.of()), TRUNKS);

    assertThat(AmiEventTranslator.attemptIdFromActionId(action.getActionId())).isEqualTo("att-7");
  }

  @Test
  void leavesTheCallerIdUnsetWhenNoneIsGiven() {
    OriginateAction action = AmiCallControl.toAction(request("trunk-test", null, Map.of()), TRUNKS);

    assertThat(action.getCallerId()).isNull();
    assertThat(action.getVariables())
        .containsOnly(
            Map.entry("__CC_ATTEMPT_ID", "att-7"), Map.entry("CC_DESTINATION", "8613800138000"));
  }

  @Test
  void originateFailsFastWhenAmiIsNotConnected() throws IOException {
    PbxProperties.Ami ami =
        new PbxProperties.Ami(
            true,
            "127.0.0.1",
            closedPort(),
            "u",
            "p",
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            Duration.ofSeconds(10));
    PbxProperties properties =
        new PbxProperties(
            ami,
            new PbxProperties.FastAgi(false, "127.0.0.1", 4573, 10, Duration.ofSeconds(5), 16),
            new PbxProperties.Originate(Duration.ofSeconds(45), TRUNKS),
            new PbxProperties.Fallback("sorry-youre-having-problems", "support"),
            new PbxProperties.AudioSocket(
                "127.0.0.1",
                0,
                "127.0.0.1",
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                16),
            new PbxProperties.Recordings(java.nio.file.Path.of("target/recordings")),
            new PbxProperties.Media(
                MediaTransport.AUDIOSOCKET,
                new PbxProperties.SipMedia(
                    false,
                    "127.0.0.1",
                    0,
                    "127.0.0.1",
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(2))),
            new PbxProperties.Softphones(
                java.nio.file.Path.of("target/pjsip_softphones.conf"),
                java.net.URI.create("ws://127.0.0.1:8088/ws"),
                "cc.local",
                Duration.ofHours(12)));
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    // Never started: the supervisor has not tried to connect, so no network is touched.
    AmiConnectionSupervisor supervisor = new AmiConnectionSupervisor(ami, event -> {}, clock);
    AmiCallControl control = new AmiCallControl(supervisor, properties);

    assertThatThrownBy(() -> control.originate(request("trunk-test", null, Map.of())))
        .isInstanceOf(PbxUnavailableException.class)
        .hasMessageContaining("not connected");
  }

  @Test
  void originateChecksTheTrunkBeforeTouchingAmi() throws IOException {
    PbxProperties.Ami ami =
        new PbxProperties.Ami(
            true,
            "127.0.0.1",
            closedPort(),
            "u",
            "p",
            Duration.ofSeconds(1),
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            Duration.ofSeconds(10));
    PbxProperties properties =
        new PbxProperties(
            ami,
            new PbxProperties.FastAgi(false, "127.0.0.1", 4573, 10, Duration.ofSeconds(5), 16),
            new PbxProperties.Originate(Duration.ofSeconds(45), TRUNKS),
            new PbxProperties.Fallback("sorry-youre-having-problems", "support"),
            new PbxProperties.AudioSocket(
                "127.0.0.1",
                0,
                "127.0.0.1",
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                16),
            new PbxProperties.Recordings(java.nio.file.Path.of("target/recordings")),
            new PbxProperties.Media(
                MediaTransport.AUDIOSOCKET,
                new PbxProperties.SipMedia(
                    false,
                    "127.0.0.1",
                    0,
                    "127.0.0.1",
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(2))),
            new PbxProperties.Softphones(
                java.nio.file.Path.of("target/pjsip_softphones.conf"),
                java.net.URI.create("ws://127.0.0.1:8088/ws"),
                "cc.local",
                Duration.ofHours(12)));
    AmiConnectionSupervisor supervisor =
        new AmiConnectionSupervisor(ami, event -> {}, Clock.systemUTC());
    AmiCallControl control = new AmiCallControl(supervisor, properties);

    assertThatThrownBy(() -> control.originate(request("not-configured", null, Map.of())))
        .isInstanceOf(UnknownTrunkException.class);
  }

  /** A port nothing listens on: bound and released again. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

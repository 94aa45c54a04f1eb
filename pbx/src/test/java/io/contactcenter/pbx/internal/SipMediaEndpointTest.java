package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.pbx.ChannelFailedException;
import io.contactcenter.pbx.MediaEvent;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIP media endpoint against a hand-written user agent on loopback (what Asterisk does in
 * SipMediaIT, step by step): garbage and strangers are refused and do not break it; a registered
 * call is answered with PCMU, carries audio and keys, and ends with BYE either way.
 */
class SipMediaEndpointTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final SipMediaEndpoint endpoint =
      new SipMediaEndpoint(
          new PbxProperties.SipMedia(
              true, "127.0.0.1", 0, "127.0.0.1", WAIT, Duration.ofSeconds(2)));
  private DatagramSocket ua;
  private DatagramSocket uaRtp;
  private int cseq = 1;

  @BeforeEach
  void start() throws Exception {
    endpoint.start();
    ua = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
    ua.setSoTimeout((int) WAIT.toMillis());
    uaRtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
    uaRtp.setSoTimeout((int) WAIT.toMillis());
  }

  @AfterEach
  void stop() {
    endpoint.stop();
    ua.close();
    uaRtp.close();
  }

  @Test
  void garbageAndBrokenRequestsAreRefusedAndTheEndpointCarriesOn() throws Exception {
    send("\u0000\u00ff not SIP at all \r\n\r\n");
    // Via, Call-ID and CSeq are readable, so the stack can answer; the From header is not.
    send(
        "OPTIONS sip:x@127.0.0.1:"
            + endpoint.port()
            + " SIP/2.0\r\n"
            + headers("garbled", "OPTIONS").replace("From: <sip:ua@127.0.0.1>", "From: <<sip:ua@")
            + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
    assertThat(receive()).startsWith("SIP/2.0 400");

    send(request("OPTIONS", "sip:x@127.0.0.1:" + endpoint.port(), "after-garbage", ""));
    assertThat(receive()).startsWith("SIP/2.0 200");
  }

  @Test
  void anInviteForAnUnknownMediaIdIsRefusedWith404() throws Exception {
    send(invite(UUID.randomUUID(), "stranger", offer("0 101")));

    assertThat(receive()).startsWith("SIP/2.0 404");
  }

  @Test
  void anOfferWithoutPcmuIsRefusedWith488AndTheWaitingSessionFails() throws Exception {
    UUID id = UUID.randomUUID();
    try (SipMediaEndpoint.Expected expected = endpoint.expect(id, "1.1", () -> {})) {
      send(invite(id, "alaw-only", offer("8")));

      assertThat(receive()).startsWith("SIP/2.0 488");
      assertThatThrownBy(() -> expected.await(WAIT))
          .isInstanceOf(ChannelFailedException.class)
          .hasMessageContaining("PCMU not offered");
    }
  }

  @Test
  void aRegisteredCallIsAnsweredCarriesAudioAndKeysAndEndsWithTheCallersBye() throws Exception {
    UUID id = UUID.randomUUID();
    CompletableFuture<Void> released = new CompletableFuture<>();
    try (SipMediaEndpoint.Expected expected =
        endpoint.expect(id, "1.2", () -> released.complete(null))) {
      send(invite(id, "call-1", offer("0 8 101")));
      String ok = receive();
      assertThat(ok).startsWith("SIP/2.0 200").contains("m=audio ").contains(" RTP/AVP 0 101");
      RtpMediaSession session = expected.await(WAIT);
      int robotRtpPort = port(ok);
      String toTag = tag(ok);
      send(ack(ok, "call-1"));

      byte[] voice = new byte[160];
      java.util.Arrays.fill(voice, (byte) 0x10);
      sendRtp(robotRtpPort, new RtpPacket(0, true, 1, 160, 9, voice));
      sendRtp(
          robotRtpPort, new RtpPacket(101, true, 2, 320, 9, new byte[] {9, 0x0A, 0, (byte) 160}));
      sendRtp(
          robotRtpPort, new RtpPacket(101, false, 3, 320, 9, new byte[] {9, (byte) 0x8A, 1, 64}));

      MediaEvent audio = session.next(WAIT).orElseThrow();
      assertThat(audio).isInstanceOf(MediaEvent.Audio.class);
      assertThat(((MediaEvent.Audio) audio).samples()).isEqualTo(160);
      assertThat(session.next(WAIT)).contains(new MediaEvent.Dtmf('9'));

      // The robot speaks: paced RTP/PCMU reaches the caller.
      session.play(new byte[640]);
      DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
      uaRtp.receive(packet);
      RtpPacket first = RtpPacket.parse(packet.getData(), packet.getLength());
      assertThat(first.payloadType()).isZero();
      assertThat(first.marker()).isTrue();
      assertThat(first.payload()).hasSize(160);

      send(
          request("BYE", "sip:robot-media@127.0.0.1:" + endpoint.port(), "call-1", "")
              .replaceFirst("(To: <[^>]*>)", "$1;tag=" + toTag));
      assertThat(receiveAfterAnswer()).startsWith("SIP/2.0 200").contains(" BYE");
      assertThat(session.next(WAIT)).contains(new MediaEvent.Hangup());

      session.close();
      assertThat(released).isCompleted();
      ua.setSoTimeout(300);
      assertThatThrownBy(this::receiveAfterAnswer)
          .as("no BYE after the caller's")
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void closingTheSessionSendsBye() throws Exception {
    UUID id = UUID.randomUUID();
    try (SipMediaEndpoint.Expected expected = endpoint.expect(id, "1.3", () -> {})) {
      send(invite(id, "call-2", offer("0")));
      String ok = receive();
      assertThat(ok).startsWith("SIP/2.0 200");
      RtpMediaSession session = expected.await(WAIT);
      send(ack(ok, "call-2"));

      session.close();

      assertThat(receiveAfterAnswer()).startsWith("BYE sip:ua@127.0.0.1:" + ua.getLocalPort());
    }
  }

  // ---- a minimal user agent ----

  private String invite(UUID id, String callId, String sdp) {
    return request("INVITE", "sip:cc-media-" + id + "@127.0.0.1:" + endpoint.port(), callId, sdp);
  }

  private String ack(String ok, String callId) {
    return request("ACK", "sip:robot-media@127.0.0.1:" + endpoint.port(), callId, "")
        .replaceFirst("(To: <[^>]*>)", "$1;tag=" + tag(ok))
        .replaceFirst("CSeq: \\d+ ACK", "CSeq: 1 ACK");
  }

  private String request(String method, String uri, String callId, String body) {
    return method
        + " "
        + uri
        + " SIP/2.0\r\n"
        + headers(callId, method)
        + "Max-Forwards: 70\r\n"
        + "Contact: <sip:ua@127.0.0.1:"
        + ua.getLocalPort()
        + ">\r\n"
        + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
        + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  private String headers(String callId, String method) {
    return "Via: SIP/2.0/UDP 127.0.0.1:"
        + ua.getLocalPort()
        + ";branch=z9hG4bK-"
        + UUID.randomUUID()
        + "\r\n"
        + "From: <sip:ua@127.0.0.1>;tag=ua\r\n"
        + "To: <sip:robot-media@127.0.0.1>\r\n"
        + "Call-ID: "
        + callId
        + "\r\n"
        + "CSeq: "
        + cseq++
        + " "
        + method
        + "\r\n";
  }

  private String offer(String formats) {
    return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio "
        + uaRtp.getLocalPort()
        + " RTP/AVP "
        + formats
        + "\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
        + "a=rtpmap:101 telephone-event/8000\r\n";
  }

  private void send(String message) throws Exception {
    byte[] data = message.getBytes(StandardCharsets.UTF_8);
    ua.send(
        new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), endpoint.port()));
  }

  private String receive() throws Exception {
    DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
    ua.receive(packet);
    return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
  }

  /** The next message that is not a retransmission of the 200 OK to the INVITE. */
  private String receiveAfterAnswer() throws Exception {
    while (true) {
      String message = receive();
      if (!(message.startsWith("SIP/2.0 200") && message.contains(" INVITE\r\n"))) {
        return message;
      }
    }
  }

  private void sendRtp(int port, RtpPacket packet) throws Exception {
    byte[] data = packet.encode();
    uaRtp.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), port));
  }

  private static int port(String sdpMessage) {
    Matcher m = Pattern.compile("m=audio (\\d+) ").matcher(sdpMessage);
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static String tag(String response) {
    Matcher m = Pattern.compile("(?im)^To:.*;tag=([^;\\s]+)").matcher(response);
    assertThat(m.find()).as("To tag in%n%s", response).isTrue();
    return m.group(1);
  }
}

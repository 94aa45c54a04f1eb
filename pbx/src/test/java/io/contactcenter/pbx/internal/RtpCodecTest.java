package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RTP packets, outbound numbering and RFC 4733 keys. */
class RtpCodecTest {

  private static final long MS = 1_000_000L;

  // ---- RTP packets ----

  @Test
  void encodesTheFixedHeaderInNetworkOrder() {
    RtpPacket packet = new RtpPacket(0, true, 0xABCD, 0x01020304L, 0xDEADBEEFL, new byte[] {1, 2});

    assertThat(HexFormat.of().formatHex(packet.encode())).isEqualTo("8080abcd01020304deadbeef0102");
  }

  @Test
  void parsesWhatItEncodes() throws Exception {
    RtpPacket packet = new RtpPacket(101, false, 65535, 0xFFFFFFFFL, 1L, new byte[] {5, 6, 7, 8});
    byte[] data = packet.encode();

    RtpPacket parsed = RtpPacket.parse(data, data.length);

    assertThat(parsed.payloadType()).isEqualTo(101);
    assertThat(parsed.marker()).isFalse();
    assertThat(parsed.sequence()).isEqualTo(65535);
    assertThat(parsed.timestamp()).isEqualTo(0xFFFFFFFFL);
    assertThat(parsed.ssrc()).isEqualTo(1L);
    assertThat(parsed.payload()).containsExactly(5, 6, 7, 8);
  }

  @Test
  void skipsCsrcsExtensionAndPadding() throws Exception {
    byte[] data =
        HexFormat.of()
            .parseHex(
                "b100" // V=2, P=1, X=1, CC=1; PT 0
                    + "0001"
                    + "00000000"
                    + "00000001" // seq, ts, ssrc
                    + "00000002" // one CSRC
                    + "beef0001"
                    + "11111111" // extension header, one word
                    + "aabb"
                    + "0002"); // payload aa bb, then 2 bytes of padding

    RtpPacket parsed = RtpPacket.parse(data, data.length);

    assertThat(parsed.payload()).containsExactly(0xaa, 0xbb);
  }

  @Test
  void rejectsWhatIsNotRtp() {
    assertThatThrownBy(() -> RtpPacket.parse(new byte[5], 5))
        .isInstanceOf(RtpPacket.MalformedPacketException.class);
    byte[] version1 = new byte[20];
    version1[0] = 0x40;
    assertThatThrownBy(() -> RtpPacket.parse(version1, 20))
        .isInstanceOf(RtpPacket.MalformedPacketException.class)
        .hasMessageContaining("version");
    byte[] tooManyCsrcs = new byte[16];
    tooManyCsrcs[0] = (byte) 0x8F;
    assertThatThrownBy(() -> RtpPacket.parse(tooManyCsrcs, 16))
        .isInstanceOf(RtpPacket.MalformedPacketException.class);
    // The UDP datagram's length, not the buffer's, bounds the packet.
    assertThatThrownBy(
            () -> RtpPacket.parse(new RtpPacket(0, false, 1, 1, 1, new byte[0]).encode(), 11))
        .isInstanceOf(RtpPacket.MalformedPacketException.class);
  }

  // ---- outbound numbering ----

  @Test
  void consecutiveFramesStep160SamplesAndMarkOnlyTheFirst() {
    RtpPacketizer packetizer = new RtpPacketizer(0, 42, 65534, 0xFFFFFF00L);
    byte[] frame = new byte[160];

    RtpPacket first = packetizer.next(frame, 0, true);
    RtpPacket second = packetizer.next(frame, 20 * MS, false);
    RtpPacket third = packetizer.next(frame, 41 * MS, false);

    assertThat(first.marker()).isTrue();
    assertThat(second.marker()).isFalse();
    assertThat(third.marker()).isFalse();
    assertThat(Arrays.asList(first.sequence(), second.sequence(), third.sequence()))
        .containsExactly(65534, 65535, 0);
    assertThat(Arrays.asList(first.timestamp(), second.timestamp(), third.timestamp()))
        .containsExactly(0xFFFFFF00L, 0xFFFFFFA0L, 0x40L);
    assertThat(third.ssrc()).isEqualTo(42);
  }

  @Test
  void aTalkspurtAfterAPauseIsMarkedAndItsTimestampMovesOnByThePause() {
    RtpPacketizer packetizer = new RtpPacketizer(0, 1, 0, 0);
    byte[] frame = new byte[160];
    packetizer.next(frame, 0, true);
    packetizer.next(frame, 20 * MS, false);

    // 1.5 s of silence after the frame sent at 20 ms.
    RtpPacket resumed = packetizer.next(frame, 1520 * MS, true);

    assertThat(resumed.marker()).isTrue();
    assertThat(resumed.sequence()).as("no gap in sequence numbers").isEqualTo(2);
    assertThat(resumed.timestamp()).isEqualTo(160 + 12_000);
  }

  // ---- RFC 4733 keys ----

  @Test
  void aKeyIsReportedOnceHoweverOftenItsPacketsRepeat() {
    TelephoneEvents keys = new TelephoneEvents();
    // Key '5' (event 5): start, two updates, three end packets, all with one timestamp.
    RtpPacket start = event(5, false, 1000);

    assertThat(keys.accept(start)).contains('5');
    assertThat(keys.accept(event(5, false, 1000))).isEmpty();
    assertThat(keys.accept(event(5, false, 1000))).isEmpty();
    for (int i = 0; i < 3; i++) {
      assertThat(keys.accept(event(5, true, 1000))).isEmpty();
    }
    // The same key again is a new event with a new timestamp.
    assertThat(keys.accept(event(5, false, 3000))).contains('5');
    assertThat(keys.accept(event(11, false, 5000))).contains('#');
    assertThat(keys.accept(event(10, true, 7000))).as("only its end packets arrived").contains('*');
  }

  @Test
  void tonesAndShortPayloadsAreNotKeys() {
    TelephoneEvents keys = new TelephoneEvents();

    assertThat(keys.accept(event(32, false, 1))).as("event 32: a modem tone").isEmpty();
    assertThat(keys.accept(new RtpPacket(101, false, 1, 2, 3, new byte[] {1}))).isEmpty();
  }

  private static RtpPacket event(int event, boolean end, long timestamp) {
    byte[] payload = {(byte) event, (byte) (end ? 0x8A : 0x0A), 0x01, 0x40};
    return new RtpPacket(101, false, 1, timestamp, 3, payload);
  }
}

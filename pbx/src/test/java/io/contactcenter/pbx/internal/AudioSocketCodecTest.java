package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.pbx.internal.AudioSocketCodec.Kind;
import io.contactcenter.pbx.internal.AudioSocketCodec.MalformedMessageException;
import io.contactcenter.pbx.internal.AudioSocketCodec.Message;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioSocketCodecTest {

  private static ByteArrayInputStream bytes(String hex) {
    return new ByteArrayInputStream(HexFormat.of().parseHex(hex));
  }

  @Test
  void theUuidMessageCarriesTheSixteenBinaryBytesOfTheUuid() throws IOException {
    UUID id = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

    byte[] encoded = AudioSocketCodec.encodeUuid(id);

    assertThat(HexFormat.of().formatHex(encoded))
        .isEqualTo("0100103f2504e04f8941d39a0c0305e82c3301");
    assertThat(AudioSocketCodec.read(new ByteArrayInputStream(encoded)).uuid()).isEqualTo(id);
  }

  @Test
  void audioRoundTripsWithABigEndianLength() throws IOException {
    byte[] frame = new byte[320];
    frame[0] = 1;
    frame[319] = -1;

    byte[] encoded = AudioSocketCodec.encode(Kind.AUDIO, frame);

    assertThat(encoded).startsWith(0x10, 0x01, 0x40);
    Message message = AudioSocketCodec.read(new ByteArrayInputStream(encoded));
    assertThat(message.kind()).isEqualTo(Kind.AUDIO);
    assertThat(message.payload()).isEqualTo(frame);
  }

  @Test
  void hangupIsThreeZeroBytes() {
    assertThat(AudioSocketCodec.encode(Kind.HANGUP, new byte[0])).containsExactly(0, 0, 0);
  }

  @Test
  void dtmfIsOneAsciiDigit() throws IOException {
    Message message = AudioSocketCodec.read(bytes("03000123"));
    assertThat(message.kind()).isEqualTo(Kind.DTMF);
    assertThat(message.digit()).isEqualTo('#');
  }

  @Test
  void consecutiveMessagesAreReadOneAtATimeAndACleanEndIsNull() throws IOException {
    ByteArrayInputStream in = bytes("03000131" + "100002ff7f" + "000000");
    assertThat(AudioSocketCodec.read(in).digit()).isEqualTo('1');
    assertThat(AudioSocketCodec.read(in).payload()).containsExactly(0xff, 0x7f);
    assertThat(AudioSocketCodec.read(in).kind()).isEqualTo(Kind.HANGUP);
    assertThat(AudioSocketCodec.read(in)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "unknown kind,            020000",
    "16 kHz audio kind,       12000200ff",
    "length over 8192,        10ffff",
    "UUID of 4 bytes,         01000400000000",
    "DTMF of 2 bytes,         0300023132",
    "empty audio,             100000",
    "odd audio,               100003000000",
  })
  void garbledInputIsRejected(String what, String hex) {
    assertThatThrownBy(() -> AudioSocketCodec.read(bytes(hex)))
        .as(what)
        .isInstanceOf(MalformedMessageException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"header cut short, 1001", "payload cut short, 10000400ff"})
  void aStreamEndingInsideAMessageIsAnEof(String what, String hex) {
    assertThatThrownBy(() -> AudioSocketCodec.read(bytes(hex)))
        .as(what)
        .isInstanceOf(EOFException.class);
  }

  @Test
  void aMessageTooLongIsNeverEncoded() {
    assertThatThrownBy(() -> AudioSocketCodec.encode(Kind.AUDIO, new byte[8194]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

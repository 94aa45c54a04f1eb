package io.contactcenter.campaigns.internal.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetSnifferTest {

  @Test
  void aCharacterCutAtTheEndOfTheSampleIsStillUtf8() throws IOException {
    // "张" is three bytes; place it across the 64 KiB boundary of the sample.
    byte[] bytes =
        ("x".repeat(CharsetSniffer.SNIFF_BYTES - 1) + "张\n").getBytes(StandardCharsets.UTF_8);

    assertThat(detect(bytes)).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void gbkIsReadAsGb18030() throws IOException {
    assertThat(detect("手机号,姓名\n".getBytes(Charset.forName("GBK"))))
        .isEqualTo(CharsetSniffer.GB18030);
  }

  @Test
  void aStrayNulByteDoesNotMakeUtf8LookLikeUtf16() throws IOException {
    byte[] bytes = "phone,name\n13800138000,Zhang\u0000 San\n".getBytes(StandardCharsets.UTF_8);

    assertThat(detect(bytes)).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void utf16WithoutByteOrderMarkIsToldByItsNulBytes() throws IOException {
    String text = "手机号,姓名,订单号,尾款金额,截止日期\r\n";

    assertThat(detect(text.getBytes(StandardCharsets.UTF_16LE)))
        .isEqualTo(StandardCharsets.UTF_16LE);
    assertThat(detect(text.getBytes(StandardCharsets.UTF_16BE)))
        .isEqualTo(StandardCharsets.UTF_16BE);
  }

  @Test
  void asciiIsUtf8() throws IOException {
    assertThat(detect("phone\n13800138000\n".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void leavesTheStreamAfterTheByteOrderMark() throws IOException {
    byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'p'};
    BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes));

    assertThat(CharsetSniffer.detect(in)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(in.readAllBytes()).containsExactly('p');
  }

  @Test
  void leavesTheStreamAtTheStartWithoutAByteOrderMark() throws IOException {
    byte[] bytes = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
    BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes));

    CharsetSniffer.detect(in);

    assertThat(in.readAllBytes()).hasSize(100_000);
  }

  private static Charset detect(byte[] bytes) throws IOException {
    return CharsetSniffer.detect(new BufferedInputStream(new ByteArrayInputStream(bytes)));
  }
}

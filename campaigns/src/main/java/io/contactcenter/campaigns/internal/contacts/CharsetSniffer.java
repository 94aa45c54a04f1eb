package io.contactcenter.campaigns.internal.contacts;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guesses the character set of a contact file from its first 64 KiB, the way ops' tools write them:
 * Excel's "CSV UTF-8" (with a BOM), "Unicode text" (UTF-16LE with a BOM), WPS and older Excel on
 * Chinese Windows (GBK, read as its superset GB18030), and UTF-16 exported without a BOM.
 */
final class CharsetSniffer {

  static final int SNIFF_BYTES = 64 * 1024;
  static final Charset GB18030 = Charset.forName("GB18030");

  private CharsetSniffer() {}

  /**
   * Detects the charset and leaves the stream positioned after the byte order mark, if any, so that
   * the BOM never shows up as a character of the first header.
   */
  static Charset detect(BufferedInputStream in) throws IOException {
    in.mark(SNIFF_BYTES + 1);
    byte[] head = in.readNBytes(SNIFF_BYTES);
    in.reset();
    if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
      in.skipNBytes(3);
      return StandardCharsets.UTF_8;
    }
    if (startsWith(head, 0xFF, 0xFE)) {
      in.skipNBytes(2);
      return StandardCharsets.UTF_16LE;
    }
    if (startsWith(head, 0xFE, 0xFF)) {
      in.skipNBytes(2);
      return StandardCharsets.UTF_16BE;
    }
    // Text in UTF-8 or GBK holds no NUL byte, bar a stray one, while in UTF-16 every ASCII
    // character (digits, commas, line breaks: every contact file is full of them) carries one in
    // its high byte: odd positions for little-endian, even positions for big-endian. Even a
    // Chinese header line is a third ASCII, so a tenth of the characters is a safe threshold.
    int evenNuls = 0;
    int oddNuls = 0;
    for (int i = 0; i < head.length; i++) {
      if (head[i] == 0) {
        if (i % 2 == 0) {
          evenNuls++;
        } else {
          oddNuls++;
        }
      }
    }
    int characters = head.length / 2;
    if (oddNuls > 2 * evenNuls && oddNuls * 10 >= characters) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenNuls > 2 * oddNuls && evenNuls * 10 >= characters) {
      return StandardCharsets.UTF_16BE;
    }
    return isUtf8(head, head.length < SNIFF_BYTES) ? StandardCharsets.UTF_8 : GB18030;
  }

  private static boolean isUtf8(byte[] bytes, boolean wholeFile) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // When the sample is cut at 64 KiB it may end in the middle of a character: that is not an
    // error, so the last call says "more input follows" unless the sample is the whole file.
    return !decoder
        .decode(ByteBuffer.wrap(bytes), CharBuffer.allocate(bytes.length), wholeFile)
        .isError();
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}

package io.contactcenter.tickets.internal.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Decides whether uploaded bytes are a photo and returns them without what a photo should not carry
 * to another reader. The type comes from the content, never from the file name or the client's
 * content type: JPEG ({@code FF D8 FF}) and PNG (its 8-byte signature) are accepted, anything else
 * is rejected. Metadata is removed by walking the file's own structure: JPEG application segments
 * other than JFIF (APP0), ICC profile (APP2) and Adobe (APP14) — EXIF with its GPS position, XMP,
 * IPTC — and comments; PNG text, time and EXIF chunks. A file whose structure does not hold
 * together (a length past the end, no end marker) is rejected, so nothing stored is half a file.
 */
public final class PhotoSanitizer {

  private PhotoSanitizer() {}

  /** What the upload turned out to be. */
  public sealed interface Result permits Clean, Rejected {}

  /**
   * @param contentType {@code image/jpeg} or {@code image/png}, from the content
   * @param bytes the photo without metadata
   */
  public record Clean(String contentType, byte[] bytes) implements Result {}

  /** Not a photo this desk keeps; {@code reason} says why, in English, for logs and problems. */
  public record Rejected(String reason) implements Result {}

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");

  public static Result sanitize(byte[] upload) {
    if (upload == null || upload.length == 0) {
      return new Rejected("the file is empty");
    }
    if (upload.length >= 3
        && (upload[0] & 0xFF) == 0xFF
        && (upload[1] & 0xFF) == 0xD8
        && (upload[2] & 0xFF) == 0xFF) {
      return jpeg(upload);
    }
    if (upload.length >= PNG.length && Arrays.equals(upload, 0, PNG.length, PNG, 0, PNG.length)) {
      return png(upload);
    }
    return new Rejected("the content is not a JPEG or PNG photo (whatever its name says)");
  }

  private static Result jpeg(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    out.write(0xFF);
    out.write(0xD8);
    int i = 2;
    while (true) {
      if (i + 4 > in.length || (in[i] & 0xFF) != 0xFF) {
        return new Rejected("the JPEG is truncated or malformed before its image data");
      }
      int marker = in[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++; // fill byte
        continue;
      }
      int length = ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
      if (length < 2 || i + 2 + length > in.length) {
        return new Rejected("a JPEG segment runs past the end of the file");
      }
      if (marker == 0xDA) {
        // Start of scan: the entropy-coded image follows, up to the end marker; copied as is.
        if (!endsWithEoi(in)) {
          return new Rejected("the JPEG has no end marker");
        }
        out.write(in, i, in.length - i);
        return new Clean("image/jpeg", out.toByteArray());
      }
      boolean application = marker >= 0xE0 && marker <= 0xEF;
      boolean kept = !application || marker == 0xE0 || marker == 0xE2 || marker == 0xEE;
      if (marker == 0xFE) {
        kept = false; // comment
      }
      if (kept) {
        out.write(in, i, 2 + length);
      }
      i += 2 + length;
    }
  }

  private static boolean endsWithEoi(byte[] in) {
    int end = in.length;
    // Some encoders pad after the end marker; allow a little trailing zero padding.
    while (end > 2 && in[end - 1] == 0 && in.length - end < 16) {
      end--;
    }
    return end >= 2 && (in[end - 2] & 0xFF) == 0xFF && (in[end - 1] & 0xFF) == 0xD9;
  }

  private static Result png(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    out.write(in, 0, PNG.length);
    int i = PNG.length;
    boolean first = true;
    while (i + 12 <= in.length) {
      long length =
          ((long) (in[i] & 0xFF) << 24)
              | ((in[i + 1] & 0xFF) << 16)
              | ((in[i + 2] & 0xFF) << 8)
              | (in[i + 3] & 0xFF);
      if (length > in.length - i - 12L) {
        return new Rejected("a PNG chunk runs past the end of the file");
      }
      String type = new String(in, i + 4, 4, StandardCharsets.ISO_8859_1);
      if (first && !type.equals("IHDR")) {
        return new Rejected("the PNG does not start with its header chunk");
      }
      first = false;
      int size = (int) length + 12;
      if (!PNG_DROPPED.contains(type)) {
        out.write(in, i, size);
      }
      i += size;
      if (type.equals("IEND")) {
        return new Clean("image/png", out.toByteArray());
      }
    }
    return new Rejected("the PNG has no end chunk");
  }
}

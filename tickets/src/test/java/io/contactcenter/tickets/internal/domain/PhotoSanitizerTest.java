package io.contactcenter.tickets.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotoSanitizerTest {

  static byte[] image(String format) throws IOException {
    BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 4, 0xFF8800);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  /** The JPEG with an EXIF segment (GPS position as text) and a comment right after SOI. */
  static byte[] jpegWithExif() throws IOException {
    byte[] jpeg = image("jpg");
    byte[] exif =
        "Exif\0\0GPSLatitude 31.2304N GPSLongitude 121.4737E".getBytes(StandardCharsets.ISO_8859_1);
    byte[] comment = "shot at home".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    segment(out, 0xE1, exif);
    segment(out, 0xFE, comment);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
    out.write(0xFF);
    out.write(marker);
    out.write((body.length + 2) >> 8);
    out.write((body.length + 2) & 0xFF);
    out.write(body, 0, body.length);
  }

  static byte[] pngWithText() throws IOException {
    byte[] png = image("png");
    byte[] text = "Comment\0taken at Nanjing Road 100".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    chunk.write(new byte[] {0, 0, 0, (byte) text.length});
    byte[] typeAndData = new byte[4 + text.length];
    System.arraycopy("tEXt".getBytes(StandardCharsets.ISO_8859_1), 0, typeAndData, 0, 4);
    System.arraycopy(text, 0, typeAndData, 4, text.length);
    chunk.write(typeAndData);
    CRC32 crc = new CRC32();
    crc.update(typeAndData);
    long c = crc.getValue();
    chunk.write(new byte[] {(byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c});
    int afterHeader = 8 + 25; // signature, IHDR (13 bytes of data + 12)
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, afterHeader);
    out.write(chunk.toByteArray());
    out.write(png, afterHeader, png.length - afterHeader);
    return out.toByteArray();
  }

  static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
  }

  @Test
  void aJpegLosesItsExifAndCommentsAndStaysAReadableImage() throws IOException {
    byte[] upload = jpegWithExif();
    assertThat(contains(upload, "GPSLatitude")).isTrue();

    PhotoSanitizer.Clean clean = (PhotoSanitizer.Clean) PhotoSanitizer.sanitize(upload);

    assertThat(clean.contentType()).isEqualTo("image/jpeg");
    assertThat(contains(clean.bytes(), "GPSLatitude")).isFalse();
    assertThat(contains(clean.bytes(), "shot at home")).isFalse();
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
    assertThat(read.getWidth()).isEqualTo(16);
    assertThat(read.getHeight()).isEqualTo(12);
  }

  @Test
  void aPngLosesItsTextChunksAndStaysAReadableImage() throws IOException {
    byte[] upload = pngWithText();
    assertThat(ImageIO.read(new ByteArrayInputStream(upload))).isNotNull();

    PhotoSanitizer.Clean clean = (PhotoSanitizer.Clean) PhotoSanitizer.sanitize(upload);

    assertThat(clean.contentType()).isEqualTo("image/png");
    assertThat(contains(clean.bytes(), "Nanjing Road")).isFalse();
    assertThat(ImageIO.read(new ByteArrayInputStream(clean.bytes())).getWidth()).isEqualTo(16);
  }

  @Test
  void contentThatIsNoPhotoIsRejectedWhateverItClaims() {
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] gif = "GIF89a......".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(PhotoSanitizer.sanitize(html)).isInstanceOf(PhotoSanitizer.Rejected.class);
    assertThat(PhotoSanitizer.sanitize(gif)).isInstanceOf(PhotoSanitizer.Rejected.class);
    assertThat(PhotoSanitizer.sanitize(new byte[0]))
        .isEqualTo(new PhotoSanitizer.Rejected("the file is empty"));
  }

  @Test
  void aPhotoCutShortIsRejectedNotStoredHalf() throws IOException {
    byte[] jpeg = image("jpg");
    byte[] png = image("png");

    assertThat(PhotoSanitizer.sanitize(Arrays.copyOf(jpeg, jpeg.length / 2)))
        .isInstanceOf(PhotoSanitizer.Rejected.class);
    assertThat(PhotoSanitizer.sanitize(Arrays.copyOf(jpeg, 40)))
        .isInstanceOf(PhotoSanitizer.Rejected.class);
    assertThat(PhotoSanitizer.sanitize(Arrays.copyOf(png, png.length - 12)))
        .isInstanceOf(PhotoSanitizer.Rejected.class);
  }

  @Test
  void aJpegHeaderFollowedByMarkupIsNoPhoto() {
    byte[] polyglot =
        ("\u00FF\u00D8\u00FF\u00E0\u0000\u0010JFIF\u0000<html><script>alert(1)</script>")
            .getBytes(StandardCharsets.ISO_8859_1);

    assertThat(PhotoSanitizer.sanitize(polyglot)).isInstanceOf(PhotoSanitizer.Rejected.class);
  }
}

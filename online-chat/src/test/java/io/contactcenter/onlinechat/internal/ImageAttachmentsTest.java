package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageAttachmentsTest {

  private final ImageAttachments images = new ImageAttachments(1_000_000, 4_000_000);

  @Test
  void aJpegLosesItsExifAndStaysAJpegOfTheSameSize() throws Exception {
    byte[] plain = encode("jpeg", 40, 30);
    // An APP1 Exif segment with a GPS-like secret right after the start-of-image marker.
    byte[] secret = "Exif\0\0GPS-SECRET-31.2304N-121.4737E".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream withExif = new ByteArrayOutputStream();
    withExif.write(plain, 0, 2);
    withExif.write(new byte[] {(byte) 0xff, (byte) 0xe1});
    withExif.write(ByteBuffer.allocate(2).putShort((short) (secret.length + 2)).array());
    withExif.write(secret);
    withExif.write(plain, 2, plain.length - 2);
    byte[] upload = withExif.toByteArray();
    assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("GPS-SECRET");

    ImageAttachments.Cleaned cleaned = images.clean(upload);
    assertThat(cleaned.contentType()).isEqualTo("image/jpeg");
    assertThat(cleaned.width()).isEqualTo(40);
    assertThat(cleaned.height()).isEqualTo(30);
    String bytes = new String(cleaned.bytes(), StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain("GPS-SECRET").doesNotContain("Exif");
    assertThat(ImageIO.read(new ByteArrayInputStream(cleaned.bytes())).getWidth()).isEqualTo(40);
  }

  @Test
  void aPngLosesItsTextChunksAndAGifBecomesAPng() throws Exception {
    byte[] png = withChunk(encode("png", 5, 7), "tEXt", "Comment\0home address: 1 Secret Road");
    ImageAttachments.Cleaned cleaned = images.clean(png);
    assertThat(cleaned.contentType()).isEqualTo("image/png");
    assertThat(new String(cleaned.bytes(), StandardCharsets.ISO_8859_1))
        .doesNotContain("Secret Road");
    ImageAttachments.Cleaned gif = images.clean(encode("gif", 3, 3));
    assertThat(gif.contentType()).isEqualTo("image/png");
    assertThat(gif.extension()).isEqualTo("png");
  }

  @Test
  void theContentDecidesTheTypeNotTheName() {
    byte[] executable =
        "MZ\u0090\0\3\0\0\0 this program cannot be run in DOS mode"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> images.clean(executable))
        .isInstanceOfSatisfying(
            ChatRefusedException.class,
            e -> assertThat(e.kind).isEqualTo(ChatRefusedException.Kind.UNSUPPORTED))
        .hasMessageContaining("not a PNG, JPEG or GIF");
    byte[] truncated =
        java.util.Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 20);
    assertThatThrownBy(() -> images.clean(truncated))
        .isInstanceOfSatisfying(
            ChatRefusedException.class,
            e -> assertThat(e.kind).isEqualTo(ChatRefusedException.Kind.INVALID));
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeaderAndLargeOrEmptyFilesAreRefused() throws Exception {
    byte[] png = encode("png", 1, 1);
    // Claim 20000 x 20000 pixels (400 megapixels) in the header; the file stays tiny.
    ByteBuffer header = ByteBuffer.wrap(png);
    header.putInt(16, 20_000);
    header.putInt(20, 20_000);
    CRC32 crc = new CRC32();
    crc.update(png, 12, 17);
    header.putInt(29, (int) crc.getValue());
    assertThatThrownBy(() -> images.clean(png))
        .isInstanceOfSatisfying(
            ChatRefusedException.class,
            e -> assertThat(e.kind).isEqualTo(ChatRefusedException.Kind.TOO_LARGE))
        .hasMessageContaining("20000 x 20000 pixels");
    assertThatThrownBy(() -> images.clean(new byte[1_000_001]))
        .hasMessageContaining("at most 1000000 are allowed");
    assertThatThrownBy(() -> images.clean(new byte[0])).hasMessageContaining("empty");
  }

  private static byte[] encode(String format, int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }

  /** The PNG with one more chunk after IHDR. */
  private static byte[] withChunk(byte[] png, String type, String text) {
    byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
    byte[] kind = type.getBytes(StandardCharsets.ISO_8859_1);
    CRC32 crc = new CRC32();
    crc.update(kind);
    crc.update(data);
    int afterIhdr = 8 + 4 + 4 + 13 + 4;
    ByteBuffer out = ByteBuffer.allocate(png.length + 12 + data.length);
    out.put(png, 0, afterIhdr);
    out.putInt(data.length).put(kind).put(data).putInt((int) crc.getValue());
    out.put(png, afterIhdr, png.length - afterIhdr);
    return out.array();
  }
}

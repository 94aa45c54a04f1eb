package io.contactcenter.onlinechat.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks and cleans an image a visitor sends: the type is read from the content (PNG, JPEG, GIF
 * magic bytes), never from the name; the size and the pixel count are limited before anything is
 * decoded (a small file can declare a 100-megapixel canvas); the image is decoded and encoded again
 * (JPEG as JPEG, PNG and GIF as PNG), which leaves its EXIF and other metadata (GPS position,
 * camera, comments) behind. Thread-safe.
 */
final class ImageAttachments {

  /** A type the chat accepts, by its magic bytes. */
  enum Type {
    PNG,
    JPEG,
    GIF
  }

  /** A cleaned image, ready to store and serve. */
  record Cleaned(String contentType, String extension, byte[] bytes, int width, int height) {}

  private final int maxBytes;
  private final long maxPixels;

  ImageAttachments(int maxBytes, long maxPixels) {
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
  }

  int maxBytes() {
    return maxBytes;
  }

  static Optional<Type> sniff(byte[] b) {
    if (b.length >= 8
        && (b[0] & 0xff) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0d
        && b[5] == 0x0a
        && b[6] == 0x1a
        && b[7] == 0x0a) {
      return Optional.of(Type.PNG);
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return Optional.of(Type.JPEG);
    }
    if (b.length >= 6
        && b[0] == 'G'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == '8'
        && (b[4] == '7' || b[4] == '9')
        && b[5] == 'a') {
      return Optional.of(Type.GIF);
    }
    return Optional.empty();
  }

  /**
   * The image, checked and re-encoded without metadata.
   *
   * @throws ChatRefusedException naming the problem: empty, too large, not an image, too many
   *     pixels, unreadable
   */
  Cleaned clean(byte[] upload) {
    if (upload == null || upload.length == 0) {
      throw new ChatRefusedException(ChatRefusedException.Kind.INVALID, "the image is empty");
    }
    if (upload.length > maxBytes) {
      throw new ChatRefusedException(
          ChatRefusedException.Kind.TOO_LARGE,
          "the image is " + upload.length + " bytes; at most " + maxBytes + " are allowed");
    }
    Type type =
        sniff(upload)
            .orElseThrow(
                () ->
                    new ChatRefusedException(
                        ChatRefusedException.Kind.UNSUPPORTED,
                        "the file is not a PNG, JPEG or GIF image (its content decides, not its"
                            + " name)"));
    BufferedImage image = decode(upload, type);
    boolean jpeg = type == Type.JPEG;
    BufferedImage out = jpeg ? opaque(image) : image;
    ByteArrayOutputStream encoded = new ByteArrayOutputStream(upload.length);
    try {
      if (!ImageIO.write(out, jpeg ? "jpeg" : "png", encoded)) {
        throw new ChatRefusedException(
            ChatRefusedException.Kind.INVALID, "the image cannot be encoded again");
      }
    } catch (IOException e) {
      throw new ChatRefusedException(
          ChatRefusedException.Kind.INVALID, "the image cannot be encoded again");
    }
    return new Cleaned(
        jpeg ? "image/jpeg" : "image/png",
        jpeg ? "jpg" : "png",
        encoded.toByteArray(),
        out.getWidth(),
        out.getHeight());
  }

  /** Reads the size from the header first: a decompression bomb is refused before decoding. */
  private BufferedImage decode(byte[] upload, Type type) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.name());
      if (!readers.hasNext()) {
        throw new ChatRefusedException(
            ChatRefusedException.Kind.UNSUPPORTED, "no reader for " + type + " images");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width * height > maxPixels) {
          throw new ChatRefusedException(
              ChatRefusedException.Kind.TOO_LARGE,
              "the image has "
                  + width
                  + " x "
                  + height
                  + " pixels; at most "
                  + maxPixels
                  + " pixels are allowed");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ChatRefusedException refused) {
        throw refused;
      }
      throw new ChatRefusedException(
          ChatRefusedException.Kind.INVALID, "the " + type + " image cannot be read");
    }
  }

  /** JPEG has no alpha channel: transparent pixels become white. */
  private static BufferedImage opaque(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    var g = rgb.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }
}

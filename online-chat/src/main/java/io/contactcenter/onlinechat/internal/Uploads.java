package io.contactcenter.onlinechat.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.web.multipart.MultipartFile;

/** Uploaded files as the knowledge base's endpoints read them. */
final class Uploads {

  private Uploads() {}

  /** The file as UTF-8 text; a file that is not UTF-8 is refused. */
  static String utf8(MultipartFile file) throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(file.getBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the file is not UTF-8 text");
    }
  }
}

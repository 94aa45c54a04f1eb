package io.contactcenter.asrtts.internal.intent;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared evaluation set beside the clone (CI: {@code <parent>/<clone>}, {@code
 * <parent>/shared}).
 */
final class DevSet {

  static final String RELATIVE = "shared/eval/robot-replies.dev.tsv";

  private DevSet() {}

  /**
   * Walks up from the working directory to the first directory holding {@value #RELATIVE}.
   *
   * @throws AssertionError when there is none: the dev set is part of the build, not optional
   */
  static Path locate() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        "cannot find "
            + RELATIVE
            + " in "
            + start
            + " or any parent directory; the reply-intent dev set is expected at"
            + " <parent>/shared/eval/ next to the clone");
  }
}

package io.contactcenter.asrtts.internal.intent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared evaluation set beside the clone (CI: {@code <parent>/<clone>}, {@code
 * <parent>/shared}). It is not part of the repository: a plain clone has none, and the tests that
 * measure against it are skipped there rather than failed.
 */
final class DevSet {

  static final String RELATIVE = "shared/eval/robot-replies.dev.tsv";

  private DevSet() {}

  /**
   * The dev set, or a skipped test: walks up from the working directory to the first directory
   * holding {@value #RELATIVE}; where there is none the calling test is aborted (a JUnit
   * assumption) with a message naming the missing file.
   */
  static Path locate() {
    Path start = Path.of("").toAbsolutePath();
    Optional<Path> found = find(start);
    Assumptions.assumeTrue(
        found.isPresent(),
        () ->
            "skipped: the reply-intent dev set "
                + RELATIVE
                + " is not in "
                + start
                + " or any parent directory (it lives beside the clone, at"
                + " <parent>/shared/eval/, not in the repository)");
    return found.orElseThrow();
  }

  static Optional<Path> find(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}

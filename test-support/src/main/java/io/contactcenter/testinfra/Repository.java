package io.contactcenter.testinfra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root from wherever Maven runs the tests (a module directory). */
public final class Repository {

  private Repository() {}

  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("pbx/asterisk/local-asterisk.sh"))
          && Files.exists(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the repository root above " + dir);
  }
}

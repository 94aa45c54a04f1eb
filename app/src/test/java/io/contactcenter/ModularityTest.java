package io.contactcenter;

import com.tngtech.archunit.core.importer.ImportOption;
import io.contactcenter.testinfra.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules (one per top-level Maven module) only use each other's public API and
 * form no cycles; writes the module diagrams to docs/modules, so every build leaves them true to
 * the code and a change to them shows in {@code git status} to be committed.
 */
class ModularityTest {

  // The test-support module's classes (io.contactcenter.testinfra) are test infrastructure on the
  // test classpath, not an application module.
  private final ApplicationModules modules =
      ApplicationModules.of(
          ContactCenterApplication.class,
          location ->
              ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                  && !location.contains("/io/contactcenter/testinfra/"));

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesModuleDiagrams() throws IOException {
    String docs = Repository.root().resolve("docs/modules").toString();
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(docs))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();
    try (Stream<Path> files = Files.list(Path.of(docs))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
        Files.write(file, inStableOrder(Files.readAllLines(file)));
      }
    }
  }

  /**
   * The Documenter lists components and relations in no fixed order; sorting each run of them keeps
   * the committed diagrams unchanged until the modules change.
   */
  private static List<String> inStableOrder(List<String> lines) {
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>();
    String runKind = null;
    for (String line : lines) {
      String kind =
          line.trim().startsWith("Component(")
              ? "component"
              : line.startsWith("Rel(") ? "rel" : null;
      if (kind == null || !kind.equals(runKind)) {
        Collections.sort(run);
        out.addAll(run);
        run.clear();
      }
      runKind = kind;
      if (kind == null) {
        out.add(line);
      } else {
        run.add(line);
      }
    }
    Collections.sort(run);
    out.addAll(run);
    return out;
  }
}

package io.contactcenter;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules (one per top-level Maven module) only use each other's public API and
 * form no cycles; writes the module diagrams to target/spring-modulith-docs.
 */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(ContactCenterApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesModuleDiagrams() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}

package io.contactcenter.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The routing core (global order, offers, presence, service level) is pure: no Spring, no Redis, no
 * Kafka, no telephony types, no I/O. It sees only the JDK's language, time and collection types and
 * the shared kernel, so every adapter runs exactly what the domain tests prove. archunit.properties
 * sets failOnEmptyShould: the rule fails if the package is ever empty.
 */
class DomainPurityTest {

  private static final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.contactcenter.routing");

  @Test
  void theDomainDependsOnNothingButTheJdk() {
    classes()
        .that()
        .resideInAPackage("io.contactcenter.routing.internal.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java.lang..",
            "java.util..",
            "java.time..",
            "io.contactcenter.routing.internal.domain..",
            "io.contactcenter.common")
        .check(classes);
  }
}

package io.contactcenter.campaigns;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The campaign rules (call windows, frequency cap, retries, dial planning) are pure: no Spring, no
 * JDBC, no Redis, no robot or telephony types, no I/O. They see only the JDK's language, time and
 * collection types and each other, so the dialer runs exactly what the domain tests prove.
 * archunit.properties sets failOnEmptyShould: the rule fails if the package is ever empty.
 */
class DomainPurityTest {

  private static final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.contactcenter.campaigns");

  @Test
  void theDomainDependsOnNothingButTheJdk() {
    classes()
        .that()
        .resideInAPackage("io.contactcenter.campaigns.internal.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java.lang..",
            "java.util..",
            "java.time..",
            "io.contactcenter.campaigns.internal.domain..",
            "io.contactcenter.common")
        .check(classes);
  }
}

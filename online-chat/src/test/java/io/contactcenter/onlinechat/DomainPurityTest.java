package io.contactcenter.onlinechat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The bot's logic (matching, the answer/clarify/handoff decision, order questions) is pure: JDK
 * only, so what the unit tests prove is what production runs. failOnEmptyShould is set.
 */
class DomainPurityTest {

  private static final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.contactcenter.onlinechat");

  @Test
  void theDomainDependsOnNothingButTheJdk() {
    classes()
        .that()
        .resideInAPackage("io.contactcenter.onlinechat.internal.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java.lang..", "java.util..", "io.contactcenter.onlinechat.internal.domain..")
        .check(classes);
  }
}

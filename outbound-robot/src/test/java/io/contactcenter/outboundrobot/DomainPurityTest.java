package io.contactcenter.outboundrobot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dialogue engine is pure: no Spring, no telephony or speech types, no YAML, no I/O. It sees
 * only the JDK, this module's API, the asr-tts API (intent labels) and the shared kernel.
 */
class DomainPurityTest {

  private static final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.contactcenter.outboundrobot");

  @Test
  void theDomainDependsOnNothingButTheJdkAndPublicApis() {
    classes()
        .that()
        .resideInAPackage("io.contactcenter.outboundrobot.internal.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java.lang..",
            "java.util..",
            "java.time..",
            "io.contactcenter.outboundrobot",
            "io.contactcenter.outboundrobot.internal.domain..",
            "io.contactcenter.asrtts",
            "io.contactcenter.common")
        .check(classes);
  }

  @Test
  void thePublicApiDoesNotLeakInternals() {
    classes()
        .that()
        .resideInAPackage("io.contactcenter.outboundrobot")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackages(
            "io.contactcenter.outboundrobot.internal..", "io.contactcenter.pbx..", "org.yaml..")
        .check(classes);
  }
}

package io.contactcenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Telephony, speech and infrastructure libraries stay inside the adapters that own them.
 * archunit.properties sets failOnEmptyShould, so a rule about classes that do not exist fails
 * instead of passing silently.
 */
class ArchitectureTest {

  private static final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.contactcenter");

  @Test
  void onlyThePbxAdapterTalksToAsterisk() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("io.contactcenter.pbx.internal..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.asteriskjava..", "javax.sip..", "gov.nist..");
    rule.check(classes);
  }

  @Test
  void onlyTheSpeechAdapterTalksToVoskAndMaryTts() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.contactcenter.asrtts.internal.speech..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.vosk..", "marytts..")
        .check(classes);
  }

  @Test
  void theSharedKernelHasNoSpringAndNoInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("io.contactcenter.common..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "redis..", "org.apache.kafka..", "java.sql..")
        .check(classes);
  }

  @Test
  void publicApiOfPbxDoesNotLeakAsteriskTypes() {
    classes()
        .that()
        .resideInAPackage("io.contactcenter.pbx")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackages("org.asteriskjava..", "io.contactcenter.pbx.internal..")
        .check(classes);
  }

  @Test
  void kafkaAndRedisClientsStayInTheCompositionRootAdapters() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.contactcenter.app..", "io.contactcenter..internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "redis.clients..", "org.quartz..")
        .check(classes);
  }

  @Test
  void callHandlersLiveInTheModulesThatOwnTheFlow() {
    classes()
        .that()
        .implement(io.contactcenter.pbx.spi.CallHandler.class)
        .should()
        .resideInAPackage("io.contactcenter..internal..")
        .check(classes);
  }
}

package io.contactcenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
          // The test-support module is test infrastructure (embedded servers), not product code.
          .withImportOption(location -> !location.contains("/io/contactcenter/testinfra/"))
          .importPackages("io.contactcenter");

  /** Classes that use (depend directly on) anything in one of the packages. */
  private static DescribedPredicate<JavaClass> use(String... packages) {
    DescribedPredicate<JavaClass> inPackages = JavaClass.Predicates.resideInAnyPackage(packages);
    return DescribedPredicate.describe(
        "use " + String.join(", ", packages),
        c ->
            c.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> inPackages.test(d.getTargetClass())));
  }

  /** Where an infrastructure client may be used: the composition root or a module's adapters. */
  private static final String[] ADAPTERS = {
    "io.contactcenter.app..", "io.contactcenter..internal.."
  };

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

  // Each rule below starts from the classes that use the library, so with failOnEmptyShould it
  // fails as soon as it names packages the code does not use (as the old rule naming only the raw
  // Kafka and Jedis clients did, while the code goes through spring-kafka and spring-data-redis).

  @Test
  void kafkaStaysInAdapters() {
    classes()
        .that(use("org.apache.kafka..", "org.springframework.kafka.."))
        .should()
        .resideInAnyPackage(ADAPTERS)
        .check(classes);
  }

  @Test
  void redisStaysInAdapters() {
    classes()
        .that(
            use(
                "org.springframework.data.redis..",
                "redis.clients..",
                "io.lettuce..",
                "redis.embedded.."))
        .should()
        .resideInAnyPackage(ADAPTERS)
        .check(classes);
  }

  @Test
  void quartzStaysInAdapters() {
    classes()
        .that(use("org.quartz..", "org.springframework.scheduling.quartz.."))
        .should()
        .resideInAnyPackage(ADAPTERS)
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

package io.contactcenter.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.contactcenter.testinfra.ContactCenterIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Integration tests share one Spring context per test JVM. A test class with a configuration of its
 * own gets a second context, which must close after the class: a context left open keeps Asterisk's
 * one FastAGI port, and the calls of every later test in that JVM would reach the beans of the
 * closed-over test instead of their own (the shared context found its port taken, and robot calls
 * ended "with no robot on them").
 */
class OwnTestContextsTest {

  @Test
  void everyTestWithAContextOfItsOwnClosesItAfterItsClass() {
    classes()
        .that()
        .areAnnotatedWith(ContactCenterIT.class)
        .and()
        .areAnnotatedWith(TestPropertySource.class)
        .should()
        .beAnnotatedWith(DirtiesContext.class)
        .because("an open context holds the FastAGI port the shared context needs")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("io.contactcenter.app"));
  }
}

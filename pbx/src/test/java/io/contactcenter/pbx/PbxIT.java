package io.contactcenter.pbx;

import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.TestInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The pbx module on its own (no other module, no web server) against the real Asterisk: its
 * configuration, a database of its own on the shared PostgreSQL for call detail records, the test
 * AGI script {@code media-test} and captured events. Test classes with this annotation and no other
 * configuration share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = PbxIT.PbxOnly.class,
    properties = {
      "spring.threads.virtual.enabled=true",
      "cc.pbx.ami.initial-backoff=200ms",
      "cc.pbx.ami.max-backoff=1s",
      // The SIP media endpoint runs beside AudioSocket (still the default), so one context serves
      // both media ITs: dialplan line 4101 chooses SIP per call (CC_MEDIA_TRANSPORT).
      "cc.pbx.media.sip.enabled=true",
      "logging.level.org.asteriskjava=WARN",
      "logging.level.org.asteriskjava.manager.util.EventAttributesHelper=ERROR",
      "logging.level.io.zonky.test.db.postgres.embedded=WARN"
    })
@ContextConfiguration(initializers = TestInfrastructure.DatabaseInitializer.class)
@Import({CapturedEvents.class, MediaTestHandler.class})
public @interface PbxIT {

  /**
   * Boots what the pbx module declares, with Spring Boot's auto-configuration (JDBC, Flyway); the
   * unit tests' own small configurations are left out.
   */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @ComponentScan(
      excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Test(\\$.*)?")
      })
  class PbxOnly {}
}

package io.contactcenter.testinfra;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts the shared {@link TestInfrastructure#asterisk() Asterisk} before a test class and, before
 * each test of a Spring test class, waits until the context's AMI connection (the health indicator
 * {@code ami}) is up. Resolves {@link LocalAsterisk} parameters to the shared instance. Use it
 * through {@link WithSharedAsterisk}.
 */
public final class SharedAsteriskExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  /** How long a test waits for the application to log in to a freshly started Asterisk. */
  static final Duration AMI_UP_WITHIN = Duration.ofSeconds(30);

  @Override
  public void beforeAll(ExtensionContext context) {
    TestInfrastructure.asterisk();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws InterruptedException {
    ApplicationContext spring = SpringExtension.getApplicationContext(context);
    HealthIndicator ami;
    try {
      ami = spring.getBean("ami", HealthIndicator.class);
    } catch (NoSuchBeanDefinitionException e) {
      return;
    }
    Instant deadline = Instant.now().plus(AMI_UP_WITHIN);
    while (!Status.UP.equals(ami.health().getStatus())) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "AMI not up within " + AMI_UP_WITHIN + ": " + ami.health().getDetails());
      }
      Thread.sleep(100);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalAsterisk.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return TestInfrastructure.asterisk();
  }
}

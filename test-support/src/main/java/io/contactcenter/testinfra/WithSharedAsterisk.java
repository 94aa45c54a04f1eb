package io.contactcenter.testinfra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class talks to the shared Asterisk: it is started before the class, and each test begins
 * once the application's AMI connection is up. A test reaches the instance through {@link
 * TestInfrastructure#asterisk()} or a {@link LocalAsterisk} parameter. Place it after
 * {@code @SpringBootTest} (or an annotation carrying it) so the Spring context exists first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedAsteriskExtension.class)
public @interface WithSharedAsterisk {}

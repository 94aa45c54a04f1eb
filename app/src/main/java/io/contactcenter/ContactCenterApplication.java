package io.contactcenter;

import io.contactcenter.app.embedded.EmbeddedInfrastructure;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The contact center server. With no external services configured it starts embedded PostgreSQL,
 * Redis and Kafka (see {@link EmbeddedInfrastructure}); each can be replaced by a real server
 * through environment variables (docs/configuration.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan("io.contactcenter.app")
public class ContactCenterApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(ContactCenterApplication.class)
        .initializers(new EmbeddedInfrastructure())
        .run(args);
  }
}

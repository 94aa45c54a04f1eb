package io.contactcenter.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.test.context.TestPropertySource;

/**
 * A wrong AMI secret is reported in the health and not retried in a storm: Asterisk sees one failed
 * login, not one every few milliseconds.
 */
@PbxIT
@TestPropertySource(
    properties = {"cc.pbx.ami.password=not-the-secret", "cc.pbx.fastagi.enabled=false"})
class AmiAuthenticationFailureIT {

  static LocalAsterisk asterisk;

  @BeforeAll
  static void startAsterisk() {
    asterisk = TestInfrastructure.asterisk();
  }

  @Autowired HealthEndpoint health;

  @Test
  void wrongSecretIsReportedOnceAndNotHammered() throws IOException {
    await().atMost(Duration.ofSeconds(20)).until(() -> state().equals("AUTHENTICATION_FAILED"));
    Health ami = (Health) health.healthForPath("ami");
    assertThat(ami.getStatus()).isEqualTo(Status.DOWN);
    assertThat(ami.getDetails().get("detail").toString()).contains("cc.pbx.ami.password");

    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> state().equals("AUTHENTICATION_FAILED"));
    assertThat(failedLogins()).isEqualTo(1);
  }

  private String state() {
    Map<String, Object> details = ((Health) health.healthForPath("ami")).getDetails();
    return String.valueOf(details.get("state"));
  }

  private long failedLogins() throws IOException {
    try (Stream<Path> logs = Files.list(asterisk.runDir().resolve("log"))) {
      return logs.filter(p -> p.getFileName().toString().startsWith("messages"))
          .flatMap(
              p -> {
                try {
                  return Files.readAllLines(p).stream();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              })
          .filter(line -> line.contains("failed to authenticate as 'cc-app'"))
          .count();
    }
  }
}

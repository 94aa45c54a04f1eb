package io.contactcenter.pbx.internal;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Reports the AMI connection as the {@code ami} health component. */
final class AmiHealthIndicator implements HealthIndicator {

  private final AmiConnectionSupervisor supervisor;

  AmiHealthIndicator(AmiConnectionSupervisor supervisor) {
    this.supervisor = supervisor;
  }

  @Override
  public Health health() {
    AmiStatus status = supervisor.status();
    Health.Builder builder =
        switch (status.state()) {
          case CONNECTED -> Health.up();
          case DISABLED -> Health.unknown();
          case CONNECTING, RECONNECTING, DOWN, AUTHENTICATION_FAILED -> Health.down();
        };
    return builder
        .withDetail("state", status.state().name())
        .withDetail("detail", status.detail())
        .withDetail("since", status.since().toString())
        .build();
  }
}

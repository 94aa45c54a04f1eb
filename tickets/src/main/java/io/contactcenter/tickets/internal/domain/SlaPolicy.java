package io.contactcenter.tickets.internal.domain;

import io.contactcenter.tickets.SlaMetric;
import java.time.Duration;
import java.util.Objects;

/**
 * Targets in business time for a kind of ticket, and how long before a breach to warn.
 *
 * @param name shown with the clocks, e.g. {@code high}
 */
public record SlaPolicy(
    String name,
    Duration firstResponse,
    Duration nextResponse,
    Duration resolution,
    Duration warnBefore) {

  public SlaPolicy {
    Objects.requireNonNull(name, "name is required");
    for (Duration d : new Duration[] {firstResponse, nextResponse, resolution}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("SLA policy " + name + ": targets must be positive");
      }
    }
    if (warnBefore == null || warnBefore.isNegative()) {
      throw new IllegalArgumentException("SLA policy " + name + ": warnBefore must be >= 0");
    }
  }

  public Duration target(SlaMetric metric) {
    return switch (metric) {
      case FIRST_RESPONSE -> firstResponse;
      case NEXT_RESPONSE -> nextResponse;
      case RESOLUTION -> resolution;
    };
  }
}

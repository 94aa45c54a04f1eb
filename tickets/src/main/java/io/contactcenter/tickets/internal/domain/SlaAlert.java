package io.contactcenter.tickets.internal.domain;

import io.contactcenter.tickets.SlaMetric;
import java.time.Instant;
import java.util.Objects;

/**
 * An SLA alert of one ticket's clock: sent at most once per clock cycle, whichever instance gets
 * there first (the key of {@code ticket_sla_alert}).
 */
public record SlaAlert(SlaMetric metric, Instant cycleStart, Kind kind) {

  /** A warning before the deadline, or the breach itself. */
  public enum Kind {
    WARN,
    BREACH
  }

  public SlaAlert {
    Objects.requireNonNull(metric, "metric is required");
    Objects.requireNonNull(cycleStart, "cycleStart is required");
    Objects.requireNonNull(kind, "kind is required");
  }
}

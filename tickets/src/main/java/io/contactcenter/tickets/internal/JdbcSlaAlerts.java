package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.SlaMetric;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SLA warnings and breaches sent: one of each per clock cycle, across every instance. */
class JdbcSlaAlerts {

  /** A warning before the deadline, or the breach itself. */
  enum Kind {
    WARN,
    BREACH
  }

  private final JdbcClient jdbc;

  JdbcSlaAlerts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the alert; false when it was already recorded (by this or another instance). */
  boolean record(String ticketId, SlaMetric metric, Instant cycleStart, Kind kind, Instant at) {
    return jdbc.sql(
                "INSERT INTO ticket_sla_alert (ticket_id, metric, cycle_start, kind, at)"
                    + " VALUES (:id, :metric, :cycle, :kind, :at) ON CONFLICT DO NOTHING")
            .param("id", ticketId)
            .param("metric", metric.name())
            .param("cycle", Timestamp.from(cycleStart))
            .param("kind", kind.name())
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  boolean sent(String ticketId, SlaMetric metric, Instant cycleStart, Kind kind) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM ticket_sla_alert WHERE ticket_id = :id"
                + " AND metric = :metric AND cycle_start = :cycle AND kind = :kind)")
        .param("id", ticketId)
        .param("metric", metric.name())
        .param("cycle", Timestamp.from(cycleStart))
        .param("kind", kind.name())
        .query(Boolean.class)
        .single();
  }
}

package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.SlaMetric;
import io.contactcenter.tickets.internal.domain.SlaAlert;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SLA warnings and breaches sent: one of each per clock cycle, across every instance. */
class JdbcSlaAlerts {

  private final JdbcClient jdbc;

  JdbcSlaAlerts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the alert; false when it was already recorded (by this or another instance). The
   * table's key, not what was read before, decides: the alert is sent only when this is true.
   */
  boolean record(String ticketId, SlaAlert alert, Instant at) {
    return jdbc.sql(
                "INSERT INTO ticket_sla_alert (ticket_id, metric, cycle_start, kind, at)"
                    + " VALUES (:id, :metric, :cycle, :kind, :at) ON CONFLICT DO NOTHING")
            .param("id", ticketId)
            .param("metric", alert.metric().name())
            .param("cycle", Timestamp.from(alert.cycleStart()))
            .param("kind", alert.kind().name())
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  /** The alerts sent for a ticket. */
  Set<SlaAlert> sent(String ticketId) {
    return sent(List.of(ticketId)).getOrDefault(ticketId, Set.of());
  }

  /** The alerts sent for each of these tickets, in one query (absent: none sent). */
  Map<String, Set<SlaAlert>> sent(Collection<String> ticketIds) {
    Map<String, Set<SlaAlert>> sent = new HashMap<>();
    if (ticketIds.isEmpty()) {
      return sent;
    }
    jdbc.sql(
            "SELECT ticket_id, metric, cycle_start, kind FROM ticket_sla_alert"
                + " WHERE ticket_id IN (:ids)")
        .param("ids", List.copyOf(ticketIds))
        .query(
            rs -> {
              sent.computeIfAbsent(rs.getString("ticket_id"), id -> new HashSet<>())
                  .add(
                      new SlaAlert(
                          SlaMetric.valueOf(rs.getString("metric")),
                          rs.getTimestamp("cycle_start").toInstant(),
                          SlaAlert.Kind.valueOf(rs.getString("kind"))));
            });
    return sent;
  }
}

package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.EntryKind;
import io.contactcenter.tickets.TicketEntry;
import io.contactcenter.tickets.TicketStatus;
import io.contactcenter.tickets.internal.domain.SlaFact;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every change of a ticket, in order: what SLA clocks are recomputed from. */
class JdbcTicketHistory {

  private final JdbcClient jdbc;

  JdbcTicketHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Appends an entry; the caller holds the ticket's row lock, so the sequence is its own. */
  void append(
      String ticketId,
      EntryKind kind,
      Instant at,
      String actor,
      String body,
      TicketStatus status,
      boolean visible) {
    long seq =
        jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM ticket_entry WHERE ticket_id = :id")
            .param("id", ticketId)
            .query(Long.class)
            .single();
    jdbc.sql(
            "INSERT INTO ticket_entry (ticket_id, seq, kind, at, actor, body, status, visible)"
                + " VALUES (:id, :seq, :kind, :at, :actor, :body, :status, :visible)")
        .param("id", ticketId)
        .param("seq", seq)
        .param("kind", kind.name())
        .param("at", Timestamp.from(at))
        .param("actor", actor)
        .param("body", body)
        .param("status", status == null ? null : status.name())
        .param("visible", visible)
        .update();
  }

  List<TicketEntry> entries(String ticketId) {
    return jdbc.sql(
            "SELECT seq, kind, at, actor, body, visible FROM ticket_entry WHERE ticket_id = :id"
                + " ORDER BY seq")
        .param("id", ticketId)
        .query(
            (rs, n) ->
                new TicketEntry(
                    rs.getLong("seq"),
                    EntryKind.valueOf(rs.getString("kind")),
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("actor"),
                    rs.getString("body"),
                    rs.getBoolean("visible")))
        .list();
  }

  /** The entries as the SLA clocks read them. */
  List<SlaFact> facts(String ticketId) {
    return facts(List.of(ticketId)).getOrDefault(ticketId, List.of());
  }

  /**
   * The entries of each of these tickets as the SLA clocks read them, in order, in one query (the
   * SLA sweep reads a whole batch at once). A ticket without such entries is absent.
   */
  Map<String, List<SlaFact>> facts(Collection<String> ticketIds) {
    Map<String, List<SlaFact>> facts = new HashMap<>();
    if (ticketIds.isEmpty()) {
      return facts;
    }
    jdbc.sql(
            "SELECT ticket_id, kind, at, status FROM ticket_entry WHERE ticket_id IN (:ids)"
                + " AND kind IN ('OPENED', 'CUSTOMER_MESSAGE', 'REPLY', 'STATUS_CHANGED')"
                + " ORDER BY ticket_id, seq")
        .param("ids", List.copyOf(ticketIds))
        .query(
            rs -> {
              String status = rs.getString("status");
              facts
                  .computeIfAbsent(rs.getString("ticket_id"), id -> new ArrayList<>())
                  .add(
                      new SlaFact(
                          EntryKind.valueOf(rs.getString("kind")),
                          rs.getTimestamp("at").toInstant(),
                          status == null ? null : TicketStatus.valueOf(status)));
            });
    return facts;
  }
}

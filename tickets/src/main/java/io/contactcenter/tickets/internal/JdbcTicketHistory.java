package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.EntryKind;
import io.contactcenter.tickets.TicketEntry;
import io.contactcenter.tickets.TicketStatus;
import io.contactcenter.tickets.internal.domain.SlaFact;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
    return jdbc.sql(
            "SELECT kind, at, status FROM ticket_entry WHERE ticket_id = :id"
                + " AND kind IN ('OPENED', 'CUSTOMER_MESSAGE', 'REPLY', 'STATUS_CHANGED')"
                + " ORDER BY seq")
        .param("id", ticketId)
        .query(
            (rs, n) -> {
              String status = rs.getString("status");
              return new SlaFact(
                  EntryKind.valueOf(rs.getString("kind")),
                  rs.getTimestamp("at").toInstant(),
                  status == null ? null : TicketStatus.valueOf(status));
            })
        .list();
  }
}

package io.contactcenter.tickets.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notifications to people (a group lead on a breach, an assignee on a warning). No mail server is
 * present, so this embedded default stores them, for the ticket page and the run command, and logs
 * that one was sent; a mail or IM adapter would take its place.
 */
class TicketNotifications {

  private static final Logger log = LoggerFactory.getLogger(TicketNotifications.class);

  /** A notification as stored. */
  record Notification(String ticketId, String recipient, String kind, String text, Instant at) {}

  private final JdbcClient jdbc;

  TicketNotifications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void send(String ticketId, String recipient, String kind, String text, Instant at) {
    jdbc.sql(
            "INSERT INTO ticket_notification (ticket_id, recipient, kind, text, at)"
                + " VALUES (:id, :to, :kind, :text, :at)")
        .param("id", ticketId)
        .param("to", recipient)
        .param("kind", kind)
        .param("text", text)
        .param("at", Timestamp.from(at))
        .update();
    log.info("ticket {}: {} notification to {}", ticketId, kind, recipient);
  }

  List<Notification> of(String ticketId) {
    return jdbc.sql(
            "SELECT ticket_id, recipient, kind, text, at FROM ticket_notification"
                + " WHERE ticket_id = :id ORDER BY id")
        .param("id", ticketId)
        .query(
            (rs, n) ->
                new Notification(
                    rs.getString("ticket_id"),
                    rs.getString("recipient"),
                    rs.getString("kind"),
                    rs.getString("text"),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }
}

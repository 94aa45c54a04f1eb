package io.contactcenter.tickets.internal;

import io.contactcenter.common.PhoneNumber;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notifications to people (a group lead on a breach, an assignee on a warning) and to the customer
 * (an agent's reply, addressed to their number in E.164). No mail or SMS gateway is present, so
 * this embedded default stores them, for the ticket page and the run command, and logs that one was
 * sent; a mail, SMS or IM adapter would take its place.
 */
class TicketNotifications {

  private static final Logger log = LoggerFactory.getLogger(TicketNotifications.class);

  /** A notification as stored. */
  record Notification(String ticketId, String recipient, String kind, String text, Instant at) {}

  private final JdbcClient jdbc;

  TicketNotifications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Kind of a reply handed on to the customer. */
  static final String CUSTOMER_REPLY = "CUSTOMER_REPLY";

  /** Hands a reply the customer may see on to them at their number. */
  void toCustomer(String ticketId, PhoneNumber customer, String text, Instant at) {
    store(ticketId, customer.e164(), CUSTOMER_REPLY, text, at);
    // PhoneNumber.toString() masks the number: logs never carry it in full.
    log.info("ticket {}: {} notification to {}", ticketId, CUSTOMER_REPLY, customer);
  }

  void send(String ticketId, String recipient, String kind, String text, Instant at) {
    store(ticketId, recipient, kind, text, at);
    log.info("ticket {}: {} notification to {}", ticketId, kind, recipient);
  }

  private void store(String ticketId, String recipient, String kind, String text, Instant at) {
    jdbc.sql(
            "INSERT INTO ticket_notification (ticket_id, recipient, kind, text, at)"
                + " VALUES (:id, :to, :kind, :text, :at)")
        .param("id", ticketId)
        .param("to", recipient)
        .param("kind", kind)
        .param("text", text)
        .param("at", Timestamp.from(at))
        .update();
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

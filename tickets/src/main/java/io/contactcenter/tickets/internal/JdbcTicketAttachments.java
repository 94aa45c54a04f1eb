package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.TicketAttachment;
import io.contactcenter.tickets.TicketAttachments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Photos of tickets (table {@code ticket_attachment}), stored after sanitizing. */
class JdbcTicketAttachments {

  private static final String COLUMNS =
      "attachment_id, ticket_id, file_name, content_type, size, author, at";

  private final JdbcClient jdbc;

  JdbcTicketAttachments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(TicketAttachment a, byte[] bytes) {
    jdbc.sql(
            "INSERT INTO ticket_attachment ("
                + COLUMNS
                + ", content) VALUES (:id, :ticket, :name, :type, :size, :author, :at, :content)")
        .param("id", a.attachmentId())
        .param("ticket", a.ticketId())
        .param("name", a.fileName())
        .param("type", a.contentType())
        .param("size", a.size())
        .param("author", a.author())
        .param("at", Timestamp.from(a.at()))
        .param("content", bytes)
        .update();
  }

  int count(String ticketId) {
    return jdbc.sql("SELECT count(*) FROM ticket_attachment WHERE ticket_id = :id")
        .param("id", ticketId)
        .query(Integer.class)
        .single();
  }

  List<TicketAttachment> of(String ticketId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM ticket_attachment WHERE ticket_id = :id ORDER BY at")
        .param("id", ticketId)
        .query(JdbcTicketAttachments::row)
        .list();
  }

  Optional<TicketAttachments.Photo> photo(String ticketId, String attachmentId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + ", content FROM ticket_attachment WHERE ticket_id = :ticket"
                + " AND attachment_id = :id")
        .param("ticket", ticketId)
        .param("id", attachmentId)
        .query((rs, n) -> new TicketAttachments.Photo(row(rs, n), rs.getBytes("content")))
        .optional();
  }

  private static TicketAttachment row(ResultSet rs, int n) throws SQLException {
    return new TicketAttachment(
        rs.getString("attachment_id"),
        rs.getString("ticket_id"),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getLong("size"),
        rs.getString("author"),
        rs.getTimestamp("at").toInstant());
  }
}

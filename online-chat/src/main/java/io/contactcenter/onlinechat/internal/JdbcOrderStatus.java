package io.contactcenter.onlinechat.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The latest order event per order (chat_order_status), for "where is my order" in chat. */
class JdbcOrderStatus {

  record OrderStatus(String orderId, String type, Map<String, String> variables, Instant at) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  JdbcOrderStatus(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Keeps the event if it is newer than the stored one (a redelivered old event changes nothing).
   */
  void record(
      String orderId, String type, String phone, Map<String, String> variables, Instant at) {
    String details;
    try {
      details = json.writeValueAsString(variables);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    jdbc.sql(
            """
            INSERT INTO chat_order_status (order_id, event_type, customer_phone, details, updated_at)
            VALUES (?, ?, ?, CAST(? AS JSONB), ?)
            ON CONFLICT (order_id) DO UPDATE SET event_type = excluded.event_type,
                customer_phone = COALESCE(excluded.customer_phone, chat_order_status.customer_phone),
                details = excluded.details, updated_at = excluded.updated_at
            WHERE chat_order_status.updated_at <= excluded.updated_at
            """)
        .params(orderId, type, phone, details, Timestamp.from(at))
        .update();
  }

  Optional<OrderStatus> find(String orderId) {
    return jdbc.sql(
            "SELECT order_id, event_type, details::text AS details, updated_at"
                + " FROM chat_order_status WHERE order_id = ?")
        .param(orderId)
        .query(
            (rs, row) -> {
              Map<String, String> variables;
              try {
                variables = json.readValue(rs.getString("details"), new TypeReference<>() {});
              } catch (IOException e) {
                variables = Map.of();
              }
              return new OrderStatus(
                  rs.getString("order_id"),
                  rs.getString("event_type"),
                  variables,
                  rs.getTimestamp("updated_at").toInstant());
            })
        .optional();
  }
}

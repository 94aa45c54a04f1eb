package io.contactcenter.ivr.internal;

import io.contactcenter.ivr.internal.domain.OrderInfo;
import io.contactcenter.ivr.internal.domain.OrderResult;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Order data from table {@code ivr_order}, which order events and the demo data set fill. */
final class JdbcOrderLookup implements OrderLookup {

  /**
   * An order's digits, letters and signs left out, as index {@code ivr_order_digits_idx} (V157)
   * holds them: a query must say it the same way for the index to serve it.
   */
  private static final String DIGITS =
      "(regexp_replace(order_id, '[^0-9]', '', 'g') COLLATE \"C\")";

  /** An order by its id or, since callers key digits only, by its digits ("A2026113": 2026113). */
  static final String LOOK_UP =
      "SELECT order_id, state, eta, carrier, tracking_number FROM ivr_order"
          + " WHERE order_id = ? OR "
          + DIGITS
          + " = ? ORDER BY (order_id = ?) DESC LIMIT 1";

  /**
   * Whether exactly these digits are an order and none longer begins with them, over the orders
   * whose digits begin with them: [digits, digits + ":") as bytes, ':' being the character after
   * '9'. Parameters: digits, digits, digits, digits + ":".
   */
  static final String WHOLE_NUMBER =
      "SELECT coalesce(bool_or(d = ?), false) AND NOT coalesce(bool_or(d <> ?), false)"
          + " FROM (SELECT "
          + DIGITS
          + " AS d FROM ivr_order WHERE "
          + DIGITS
          + " >= ? AND "
          + DIGITS
          + " < ?) o";

  private final JdbcClient jdbc;

  JdbcOrderLookup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public OrderResult lookUp(String orderNumber) {
    try {
      return jdbc.sql(LOOK_UP)
          .params(orderNumber, orderNumber, orderNumber)
          .query(
              (rs, i) -> {
                Date eta = rs.getDate(3);
                return (OrderResult)
                    new OrderResult.Found(
                        new OrderInfo(
                            rs.getString(1),
                            OrderInfo.OrderState.valueOf(rs.getString(2)),
                            eta == null ? null : eta.toLocalDate(),
                            rs.getString(4),
                            rs.getString(5)));
              })
          .optional()
          .orElseGet(OrderResult.NotFound::new);
    } catch (DataAccessException e) {
      return new OrderResult.Unavailable("database: " + e.getMostSpecificCause().getMessage());
    }
  }

  /**
   * An order has exactly these digits (its id, letters left out, as {@link #lookUp} matches it) and
   * no other order's digits begin with them. Reads the table as {@link #lookUp} does.
   */
  @Override
  public boolean isWholeNumber(String digits) {
    if (!digits.matches("[0-9]+")) {
      return false;
    }
    try {
      return jdbc.sql(WHOLE_NUMBER)
          .params(digits, digits, digits, digits + ":")
          .query(Boolean.class)
          .single();
    } catch (DataAccessException e) {
      // Not known to be whole: the answer ends with the recognizer's trailing silence, as before.
      return false;
    }
  }

  /**
   * Stores what is known of an order; null fields keep the value already stored.
   *
   * @param eventId the event's id; an event already applied to this order changes nothing
   */
  void upsert(
      String orderId,
      OrderInfo.OrderState state,
      LocalDate eta,
      String carrier,
      String trackingNumber,
      String eventId,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO ivr_order (order_id, state, eta, carrier, tracking_number, updated_at,
                                   last_event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (order_id) DO UPDATE SET
              state = excluded.state,
              eta = coalesce(excluded.eta, ivr_order.eta),
              carrier = coalesce(excluded.carrier, ivr_order.carrier),
              tracking_number = coalesce(excluded.tracking_number, ivr_order.tracking_number),
              updated_at = excluded.updated_at,
              last_event_id = excluded.last_event_id
            WHERE ivr_order.last_event_id IS DISTINCT FROM excluded.last_event_id
            """)
        .params(
            orderId,
            state.name(),
            eta == null ? null : Date.valueOf(eta),
            carrier,
            trackingNumber,
            Timestamp.from(at),
            eventId)
        .update();
  }
}

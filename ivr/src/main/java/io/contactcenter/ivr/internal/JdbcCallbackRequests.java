package io.contactcenter.ivr.internal;

import io.contactcenter.ivr.HotlineMessageLeft;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores callback numbers left in the IVR (table {@code ivr_callback_request}) and publishes {@link
 * HotlineMessageLeft} in the same transaction. One number per session: a second is ignored.
 */
final class JdbcCallbackRequests {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;

  JdbcCallbackRequests(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.events = events;
  }

  void leave(HotlineMessageLeft message) {
    tx.executeWithoutResult(
        status -> {
          int stored =
              jdbc.sql(
                      "INSERT INTO ivr_callback_request (session_id, call_id, callback_number,"
                          + " caller, left_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                  .params(
                      UUID.fromString(message.sessionId()),
                      message.callId(),
                      message.callbackNumber(),
                      message.callerNumber(),
                      Timestamp.from(message.at()))
                  .update();
          if (stored == 1) {
            events.publishEvent(message);
          }
        });
  }
}

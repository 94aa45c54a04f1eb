package io.contactcenter.ivr.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.ivr.internal.domain.OrderInfo.OrderState;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps table {@code ivr_order} up to date from the platform's order events ({@code cc.orders.v1},
 * docs/integration/order-events.md), with a consumer group of its own so the campaigns' reading is
 * untouched. Idempotent: an event already applied to its order changes nothing. A malformed event
 * is logged and skipped.
 */
final class OrderEventsFeed {

  private static final Logger log = LoggerFactory.getLogger(OrderEventsFeed.class);

  private static final Map<String, OrderState> STATES =
      Map.of(
          "balance_due", OrderState.AWAITING_PAYMENT,
          "order_paid", OrderState.PAID,
          "order_shipped", OrderState.SHIPPED,
          "shipment_delayed", OrderState.DELAYED,
          "order_delivered", OrderState.DELIVERED,
          "order_cancelled", OrderState.CANCELLED);

  /** The fields of an order event the IVR reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record OrderEvent(String eventId, String type, String orderId, Map<String, String> variables) {}

  private final JdbcOrderLookup orders;
  private final ObjectMapper json;
  private final Clock clock;

  OrderEventsFeed(JdbcOrderLookup orders, ObjectMapper json, Clock clock) {
    this.orders = orders;
    this.json = json;
    this.clock = clock;
  }

  @KafkaListener(
      id = "ivr-order-events",
      topics = "${cc.ivr.orders.events-topic:cc.orders.v1}",
      groupId = "${cc.kafka.consumer-group-prefix:contact-center}-ivr",
      autoStartup = "${cc.ivr.orders.events-enabled:true}",
      properties = {
        "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "auto.offset.reset=earliest"
      })
  void on(ConsumerRecord<String, String> record) {
    OrderEvent event;
    try {
      event = json.readValue(record.value(), OrderEvent.class);
    } catch (JsonProcessingException e) {
      log.warn("order event skipped by the IVR: not JSON of the documented shape");
      return;
    }
    apply(event);
  }

  void apply(OrderEvent event) {
    if (event.type() == null || event.orderId() == null || event.eventId() == null) {
      log.warn("order event skipped by the IVR: eventId, type and orderId are required");
      return;
    }
    OrderState state = STATES.get(event.type());
    if (state == null) {
      // reactivation_offer and future types say nothing about where the order is.
      return;
    }
    Map<String, String> v = event.variables() == null ? Map.of() : event.variables();
    LocalDate eta;
    try {
      String date = v.getOrDefault("new_delivery_date", v.get("delivery_date"));
      eta = date == null ? null : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      log.warn(
          "order event {} skipped by the IVR: delivery date is not yyyy-MM-dd", event.eventId());
      return;
    }
    orders.upsert(
        event.orderId(),
        state,
        eta,
        v.get("carrier"),
        v.get("tracking_number"),
        event.eventId(),
        clock.instant());
  }
}

package io.contactcenter.onlinechat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps the latest order event per order (docs/integration/order-events.md) so the chat bot can say
 * where an order is. Its own consumer group: campaigns read the same topic for their reminders. A
 * malformed event is logged and skipped; a redelivered one changes nothing (keyed by order, newer
 * wins).
 */
class ChatOrderEventsListener {

  private static final Logger log = LoggerFactory.getLogger(ChatOrderEventsListener.class);

  private final JdbcOrderStatus orders;
  private final ObjectMapper json;

  ChatOrderEventsListener(JdbcOrderStatus orders, ObjectMapper json) {
    this.orders = orders;
    this.json = json;
  }

  @KafkaListener(
      id = "chat-order-events",
      topics = "${cc.chat.order-events-topic:cc.orders.v1}",
      groupId = "${cc.kafka.consumer-group-prefix:contact-center}-chat",
      autoStartup = "${cc.chat.order-events-enabled:true}",
      properties = {
        "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "auto.offset.reset=earliest"
      })
  void on(ConsumerRecord<String, String> record) {
    JsonNode event;
    try {
      event = json.readTree(record.value());
    } catch (IOException e) {
      log.warn("order event skipped by chat: not JSON");
      return;
    }
    if (event == null
        || !event.hasNonNull("orderId")
        || !event.hasNonNull("type")
        || event.get("orderId").asText().isBlank()) {
      log.warn("order event skipped by chat: orderId or type missing");
      return;
    }
    Map<String, String> variables = new LinkedHashMap<>();
    event
        .path("variables")
        .fields()
        .forEachRemaining(f -> variables.put(f.getKey(), f.getValue().asText()));
    String orderId = event.get("orderId").asText().trim().toUpperCase(java.util.Locale.ROOT);
    orders.record(
        orderId,
        event.get("type").asText(),
        event.hasNonNull("phone") ? event.get("phone").asText() : null,
        variables,
        record.timestamp() > 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.now());
  }
}

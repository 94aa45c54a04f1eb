package io.contactcenter.campaigns.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.outboundrobot.CallRefusedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads the platform's order events. A malformed event is logged with what is wrong and skipped, so
 * one bad message never stalls the partition; a valid one is applied idempotently.
 */
class OrderEventsListener {

  private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

  private final OrderEvents orders;
  private final ObjectMapper json;

  OrderEventsListener(OrderEvents orders, ObjectMapper json) {
    this.orders = orders;
    this.json = json;
  }

  @KafkaListener(
      id = "campaign-order-events",
      topics = "${cc.campaigns.order-events-topic:cc.orders.v1}",
      groupId = "${cc.kafka.consumer-group-prefix:contact-center}-campaigns",
      autoStartup = "${cc.campaigns.order-events-enabled:true}",
      properties = {
        "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "auto.offset.reset=earliest"
      })
  void on(ConsumerRecord<String, String> record) {
    // The raw record, not a converted payload: the application's JSON message converter (used
    // for the outbox) must not decide how order events are read.
    String message = record.value();
    OrderEvent event;
    try {
      event = json.readValue(message, OrderEvent.class);
    } catch (JsonProcessingException e) {
      log.warn(
          "order event skipped: not JSON of the documented shape ({})", e.getOriginalMessage());
      return;
    }
    try {
      orders.apply(event);
    } catch (IllegalArgumentException | CallRefusedException e) {
      // Malformed, or a reminder the script could not speak: skipped, never blocking the topic.
      log.warn("order event {} skipped: {}", event.eventId(), e.getMessage());
    }
  }
}

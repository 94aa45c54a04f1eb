package io.contactcenter.testinfra;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the application's Kafka topics as a shop's system would: a consumer group of its own that
 * joins before the test acts and reads from the start, so no record the test causes is missed.
 * Every record read is kept, so one wait does not drop a record another wait looks for later.
 */
public final class TopicWatch implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

  private TopicWatch(KafkaConsumer<String, String> consumer) {
    this.consumer = consumer;
  }

  /** Subscribes to the topics on the test Kafka and joins the group before returning. */
  public static TopicWatch of(String... topics) {
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.services().kafka(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-watch-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer());
    TopicWatch watch = new TopicWatch(consumer);
    consumer.subscribe(List.of(topics));
    watch.poll(); // join the group before the test acts
    return watch;
  }

  /** The first record with this key on any watched topic, as JSON; waits up to 30 s. */
  public JsonNode awaitRecord(String key) {
    return awaitRecord(key, null);
  }

  /** The first record with this key on the topic, as JSON; waits up to 30 s. */
  public JsonNode awaitRecord(String key, String topic) {
    return await("a record keyed " + key + (topic == null ? "" : " on " + topic))
        .atMost(WAIT)
        .until(
            () -> {
              poll();
              for (ConsumerRecord<String, String> r : seen) {
                if (key.equals(r.key()) && (topic == null || topic.equals(r.topic()))) {
                  return read(r.value());
                }
              }
              return null;
            },
            r -> r != null);
  }

  /** Every record on the topic read so far, after reading what has arrived, as JSON. */
  public List<JsonNode> records(String topic) {
    poll();
    List<JsonNode> records = new ArrayList<>();
    for (ConsumerRecord<String, String> r : seen) {
      if (topic.equals(r.topic())) {
        records.add(read(r.value()));
      }
    }
    return records;
  }

  private void poll() {
    consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
  }

  private static JsonNode read(String value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON on Kafka: " + value, e);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}

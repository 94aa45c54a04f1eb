package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TestInfrastructure;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The e-commerce platform drives reminders through Kafka topic cc.orders.v1: a balance coming due
 * adds a reminder to the open balance campaign once, however often the event is delivered; a
 * malformed event is skipped without stalling the topic; the order being paid cancels it.
 */
@ContactCenterIT
class OrderEventsIT {

  @LocalServerPort int port;

  @Test
  void orderEventsAddAndCancelRemindersIdempotently() throws Exception {
    CampaignApi api = new CampaignApi(port);
    HttpResponse<String> created =
        api.post(
            "/api/v1/campaigns",
            """
            {"name": "Order-triggered balance reminders", "type": "balance",
             "variables": {"merchant": "Acme Shop"}}
            """);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = api.read(created.body()).get("campaignId").asText();

    String due =
        """
        {"eventId": "evt-1", "type": "balance_due", "orderId": "B2026001",
         "phone": "+8613900139001", "customerName": "韩梅梅", "campaignId": "%s",
         "variables": {"amount_due": "88.00 CNY", "deadline": "2026-12-24",
                       "warehouse": "ignored by the script"}}
        """
            .formatted(id);
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>("cc.orders.v1", "B2026001", due)).get();
      producer.send(new ProducerRecord<>("cc.orders.v1", "B2026001", "{not json")).get();
      // Delivered twice (at-least-once): still one reminder.
      producer.send(new ProducerRecord<>("cc.orders.v1", "B2026001", due)).get();
      producer
          .send(
              new ProducerRecord<>(
                  "cc.orders.v1",
                  "B2026002",
                  """
                  {"eventId": "evt-2", "type": "balance_due", "orderId": "B2026002",
                   "phone": "110", "campaignId": "%s"}
                  """
                      .formatted(id)))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  "cc.orders.v1",
                  "B2026003",
                  """
                  {"eventId": "evt-3", "type": "balance_due", "orderId": "B2026003",
                   "phone": "+8613900139003", "customerName": "Li Lei", "campaignId": "%s",
                   "variables": {"amount_due": "10.00 CNY", "deadline": "2026-12-24"}}
                  """
                      .formatted(id)))
          .get();

      // The last event is read after the bad ones: none of them stalled the partition.
      JsonNode progress =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> api.getJson("/api/v1/campaigns/" + id + "/progress"),
                  p -> p.get("contacts").asInt() >= 2);
      assertThat(progress.get("contacts").asInt()).as(progress.toString()).isEqualTo(2);
      assertThat(progress.get("pending").asInt()).isEqualTo(2);

      producer
          .send(
              new ProducerRecord<>(
                  "cc.orders.v1",
                  "B2026001",
                  "{\"eventId\": \"evt-4\", \"type\": \"order_paid\", \"orderId\": \"B2026001\"}"))
          .get();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> api.getJson("/api/v1/campaigns/" + id + "/progress"),
              p -> p.get("cancelled").asInt() == 1 && p.get("pending").asInt() == 1);
    }
  }

  @Test
  void anEventWithoutACampaignGoesToTheScheduledCampaignNotToANewerDraft() throws Exception {
    // No other test uses delay campaigns, so the scheduled one below is the only candidate.
    CampaignApi api = new CampaignApi(port);
    String scheduled =
        create(
            api,
            """
            {"name": "Delay notices (scheduled)", "type": "delay",
             "startsAt": "2099-01-01T00:00:00Z", "variables": {"merchant": "Acme Shop"}}
            """);
    try (KafkaProducer<String, String> producer = producer()) {
      // A first reminder named explicitly, so the campaign has a contact and can be started.
      producer.send(delayed("evt-d1", "D2026001", "+8613900139101", scheduled)).get();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> api.getJson("/api/v1/campaigns/" + scheduled + "/progress"),
              p -> p.get("contacts").asInt() == 1);
      HttpResponse<String> started = api.post("/api/v1/campaigns/" + scheduled + "/start", "{}");
      assertThat(api.read(started.body()).get("state").asText())
          .as(started.body())
          .isEqualTo("SCHEDULED");
      String draft =
          create(
              api,
              """
              {"name": "Delay notices (draft, newer)", "type": "delay",
               "variables": {"merchant": "Acme Shop"}}
              """);

      producer.send(delayed("evt-d2", "D2026002", "+8613900139102", null)).get();

      JsonNode progress =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> api.getJson("/api/v1/campaigns/" + scheduled + "/progress"),
                  p -> p.get("contacts").asInt() == 2);
      assertThat(progress.get("fromOrderEvents").asInt()).isEqualTo(2);
      assertThat(api.getJson("/api/v1/campaigns/" + draft + "/progress").get("contacts").asInt())
          .isZero();
      api.post("/api/v1/campaigns/" + scheduled + "/stop", "{}");
    }
  }

  private static String create(CampaignApi api, String body) throws Exception {
    HttpResponse<String> created = api.post("/api/v1/campaigns", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return api.read(created.body()).get("campaignId").asText();
  }

  private static ProducerRecord<String, String> delayed(
      String eventId, String orderId, String phone, String campaignId) {
    return new ProducerRecord<>(
        "cc.orders.v1",
        orderId,
        """
        {"eventId": "%s", "type": "shipment_delayed", "orderId": "%s", "phone": "%s",
         "customerName": "Wang Fang", %s
         "variables": {"new_delivery_date": "2026-12-24"}}
        """
            .formatted(
                eventId,
                orderId,
                phone,
                campaignId == null ? "" : "\"campaignId\": \"" + campaignId + "\","));
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestInfrastructure.services().kafka(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }
}

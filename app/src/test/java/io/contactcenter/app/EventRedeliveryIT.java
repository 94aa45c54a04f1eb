package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.app.events.StaleEventRedeliveryLoop;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TopicWatch;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An event delivery an instance stored and never made (it died between the commit and the delivery)
 * is made by the cluster's look without waiting for a restart (ADR 0059); one that may still be
 * running on a live instance is left alone. Real PostgreSQL registry and advisory lock, and Kafka.
 */
@ContactCenterIT
class EventRedeliveryIT {

  private static final String TOPIC = "cc.tickets.opened.v1";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaleEventRedeliveryLoop looks;

  @Test
  void aTicketEventADeadInstanceNeverDeliveredReachesKafkaWithoutARestart() throws Exception {
    try (TopicWatch kafka = TopicWatch.of(TOPIC)) {
      String ticketId = openTicket();
      kafka.awaitRecord(ticketId);
      UUID delivered = kafkaDelivery(ticketId);

      // As a dead instance leaves it: stored ten minutes ago in the ticket's transaction, never
      // delivered. And one stored a moment ago, which a live instance may still be delivering.
      UUID left = copy(delivered, "now() - interval '10 minutes'");
      UUID running = copy(delivered, "now()");
      try {
        // A look now (this context's own loop may hold the turn: then the next try looks).
        await("the delivery left by the dead instance made and marked complete")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  looks.lookOnce();
                  return completed(left);
                });
        await("the ticket's record on Kafka a second time")
            .atMost(Duration.ofSeconds(30))
            .until(() -> recordsOf(kafka, ticketId), n -> n == 2);
        assertThat(completed(running)).isFalse();
      } finally {
        jdbc.sql("DELETE FROM event_publication WHERE id IN (:ids)")
            .param("ids", List.of(left, running))
            .update();
      }
    }
  }

  private String openTicket() throws Exception {
    HttpResponse<String> created =
        new CampaignApi(port)
            .post(
                "/api/v1/tickets",
                """
                {"subject": "包裹还没到 / parcel not here", "customerRef": "c-%s",
                 "category": "QUESTION"}
                """
                    .formatted(UUID.randomUUID()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return new CampaignApi(port).read(created.body()).get("ticket").get("ticketId").asText();
  }

  /** The registry's row of the ticket's delivery to Kafka, once the registry completed it. */
  private UUID kafkaDelivery(String ticketId) {
    return await("the ticket's Kafka delivery complete in the registry")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                        "SELECT id FROM event_publication WHERE serialized_event LIKE :ticket"
                            + " AND event_type LIKE '%TicketOpened'"
                            + " AND listener_id ILIKE '%externaliz%'"
                            + " AND completion_date IS NOT NULL")
                    .param("ticket", "%" + ticketId + "%")
                    .query(UUID.class)
                    .list(),
            ids -> ids.size() == 1)
        .getFirst();
  }

  private UUID copy(UUID publication, String publishedAt) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO event_publication"
                + " (id, listener_id, event_type, serialized_event, publication_date)"
                + " SELECT :id, listener_id, event_type, serialized_event, "
                + publishedAt
                + " FROM event_publication WHERE id = :of")
        .param("id", id)
        .param("of", publication)
        .update();
    return id;
  }

  private boolean completed(UUID publication) {
    return jdbc.sql("SELECT completion_date IS NOT NULL FROM event_publication WHERE id = :id")
        .param("id", publication)
        .query(Boolean.class)
        .single();
  }

  private static long recordsOf(TopicWatch kafka, String ticketId) {
    return kafka.records(TOPIC).stream()
        .map(JsonNode::toString)
        .filter(r -> r.contains(ticketId))
        .count();
  }
}

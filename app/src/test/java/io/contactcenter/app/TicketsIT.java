package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.outboundrobot.TicketRequested;
import io.contactcenter.outboundrobot.Turn;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TopicWatch;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tickets against the running contact center (real PostgreSQL, Kafka, Tomcat): the robot's ticket
 * request becomes exactly one ticket however often it is delivered; a breached SLA escalates within
 * a minute; photos are kept only when their content is a photo, without their metadata, and are
 * served only as downloads; the REST API rejects bad input with problems that name it. Its own
 * context: a round-the-clock calendar and a seconds-long SLA policy for delivery tickets.
 */
@ContactCenterIT
@TestPropertySource(
    properties = {
      "cc.test.context=tickets",
      "cc.tickets.sweep-interval=1s",
      "cc.tickets.calendar.hours=MON-SUN 00:00-24:00",
      "cc.tickets.groups.logistics.lead=lead-li",
      "cc.tickets.groups.logistics.members=agent-a,agent-b",
      "cc.tickets.groups.logistics.categories=DELIVERY",
      "cc.tickets.sla[0].name=seconds",
      "cc.tickets.sla[0].category=DELIVERY",
      "cc.tickets.sla[0].first-response=4s",
      "cc.tickets.sla[0].next-response=1h",
      "cc.tickets.sla[0].resolution=1h",
      "cc.tickets.sla[0].warn-before=2s",
      "cc.tickets.attachments.max-size=200KB"
    })
@DirtiesContext
class TicketsIT {

  @LocalServerPort int port;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  @Test
  void aRobotTicketRequestDeliveredTwiceOpensExactlyOneTicket() throws Exception {
    String attemptId = "it-" + UUID.randomUUID();
    Instant at = Instant.now();
    TicketRequested requested =
        new TicketRequested(
            attemptId,
            IntentLabel.COMPLAINT,
            List.of(
                Turn.robot(at, "opening", "您好，这里是Acme商城。"),
                new Turn(
                    at.plusSeconds(3),
                    "opening",
                    Turn.Speaker.CALLEE,
                    "我要投诉包裹破损了",
                    Optional.of(IntentLabel.COMPLAINT),
                    0.91,
                    Optional.empty())),
            at.plusSeconds(4));
    try (TopicWatch kafka = TopicWatch.of("cc.tickets.opened.v1")) {
      // At-least-once: the same fact delivered again after it was handled, each in a
      // transaction of its own. (Two identical publications handled at the same instant can
      // both complete the same registry row, which says nothing about the tickets.)
      tx.executeWithoutResult(s -> events.publishEvent(requested));
      String ticketId =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> ticketOfSource("ROBOT_ATTEMPT", attemptId), t -> t != null);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.sql(
                          "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                              + " AND serialized_event LIKE :id")
                      .param("id", "%" + attemptId + "%")
                      .query(Long.class)
                      .single(),
              n -> n == 0);
      tx.executeWithoutResult(s -> events.publishEvent(requested));
      CampaignApi api = new CampaignApi(port);
      JsonNode details = api.getJson("/api/v1/tickets/" + ticketId);
      JsonNode ticket = details.get("ticket");
      assertThat(ticket.get("category").asText()).isEqualTo("COMPLAINT");
      assertThat(ticket.get("priority").asText()).isEqualTo("HIGH");
      assertThat(ticket.get("channel").asText()).isEqualTo("ROBOT");
      assertThat(ticket.get("subject").asText()).isEqualTo("我要投诉包裹破损了");
      assertThat(details.get("history").get(0).get("body").asText()).contains("包裹破损");
      assertThat(details.get("sla").get(0).get("state").asText()).isEqualTo("RUNNING");

      JsonNode opened = kafka.awaitRecord(ticketId);
      assertThat(opened.get("source").get("ref").asText()).isEqualTo(attemptId);
      // Both deliveries handled (the registry marks each complete) and still one ticket.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.sql(
                          "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                              + " AND serialized_event LIKE :id")
                      .param("id", "%" + attemptId + "%")
                      .query(Long.class)
                      .single(),
              n -> n == 0);
      assertThat(
              jdbc.sql("SELECT count(*) FROM ticket WHERE source_ref = :id")
                  .param("id", attemptId)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    }
  }

  @Test
  void aBreachedFirstResponseEscalatesWithinAMinuteOnce() throws Exception {
    CampaignApi api = new CampaignApi(port);
    try (TopicWatch kafka = TopicWatch.of("cc.tickets.sla-breached.v1")) {
      HttpResponse<String> created =
          api.post(
              "/api/v1/tickets",
              """
              {"subject": "Parcel stuck in Wuhan hub", "customerPhone": "+8613900139555",
               "category": "DELIVERY", "channel": "SHOP", "sourceKind": "SHOP_REQUEST",
               "sourceRef": "ret-%s"}
              """
                  .formatted(UUID.randomUUID()));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      JsonNode ticket = api.read(created.body()).get("ticket");
      String ticketId = ticket.get("ticketId").asText();
      assertThat(ticket.get("group").asText()).isEqualTo("logistics");
      assertThat(ticket.get("assignee").asText()).isIn("agent-a", "agent-b");
      assertThat(ticket.get("customerPhone").asText()).doesNotContain("139555");

      JsonNode escalated =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> api.getJson("/api/v1/tickets/" + ticketId),
                  d -> d.get("ticket").get("priority").asText().equals("HIGH"));
      List<String> kinds = new ArrayList<>();
      escalated.get("history").forEach(e -> kinds.add(e.get("kind").asText()));
      assertThat(kinds).contains("SLA_WARNED", "SLA_BREACHED", "PRIORITY_CHANGED");
      assertThat(escalated.get("sla").get(0).get("state").asText()).isEqualTo("BREACHED");

      JsonNode breached = kafka.awaitRecord(ticketId);
      assertThat(breached.get("metric").asText()).isEqualTo("FIRST_RESPONSE");
      assertThat(breached.get("groupLead").asText()).isEqualTo("lead-li");
      assertThat(
              jdbc.sql(
                      "SELECT recipient FROM ticket_notification WHERE ticket_id = :id"
                          + " AND kind = 'SLA_BREACH'")
                  .param("id", ticketId)
                  .query(String.class)
                  .list())
          .containsExactly("lead-li");
      // Later sweeps do not escalate the same breach again.
      await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
      JsonNode later = api.getJson("/api/v1/tickets/" + ticketId);
      assertThat(later.get("ticket").get("priority").asText()).isEqualTo("HIGH");
      long breaches = 0;
      for (JsonNode e : later.get("history")) {
        breaches += e.get("kind").asText().equals("SLA_BREACHED") ? 1 : 0;
      }
      assertThat(breaches).isEqualTo(1);

      // The agent's reply ends the response clock; solving stops resolution.
      assertThat(
              api.post("/api/v1/tickets/" + ticketId + "/replies", "{\"text\": \"已加急处理\"}")
                  .statusCode())
          .isEqualTo(200);
      JsonNode replied = api.getJson("/api/v1/tickets/" + ticketId);
      assertThat(replied.get("ticket").get("status").asText()).isEqualTo("OPEN");
    }
  }

  @Test
  void theSameCustomerAndSubjectAgainIsMergedNotDoubled() throws Exception {
    CampaignApi api = new CampaignApi(port);
    String body =
        """
        {"subject": "%s", "customerRef": "cust-CUSTOMER", "category": "RETURN", "channel": "SHOP",
         "sourceKind": "SHOP_REQUEST", "sourceRef": "%s", "description": "size too small"}
        """
            .replace("CUSTOMER", UUID.randomUUID().toString());
    HttpResponse<String> first =
        api.post("/api/v1/tickets", body.formatted("Return order A100", "r-" + UUID.randomUUID()));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String ticketId = api.read(first.body()).get("ticket").get("ticketId").asText();

    HttpResponse<String> again =
        api.post("/api/v1/tickets", body.formatted("return ORDER a100!", "r-" + UUID.randomUUID()));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    JsonNode merged = api.read(again.body());
    assertThat(merged.get("outcome").asText()).isEqualTo("MERGED");
    assertThat(merged.get("ticket").get("ticketId").asText()).isEqualTo(ticketId);
    assertThat(merged.get("ticket").get("sourceRefs")).hasSize(2);

    String retry = "r-" + UUID.randomUUID();
    String other = body.formatted("Refund for order B7", retry);
    assertThat(api.post("/api/v1/tickets", other).statusCode()).isEqualTo(201);
    HttpResponse<String> retried = api.post("/api/v1/tickets", other);
    assertThat(api.read(retried.body()).get("outcome").asText()).isEqualTo("ALREADY_OPENED");
  }

  @Test
  void badInputIsRejectedWithAProblemNamingIt() throws Exception {
    CampaignApi api = new CampaignApi(port);
    assertProblem(
        api.post("/api/v1/tickets", "{\"customerRef\": \"c1\", \"sourceRef\": \"x1\"}"),
        400,
        "subject is required");
    assertProblem(
        api.post(
            "/api/v1/tickets",
            "{\"subject\": \"s\", \"customerPhone\": \"13800138000\", \"sourceRef\": \"x2\"}"),
        400,
        "E.164");
    assertProblem(
        api.post(
            "/api/v1/tickets",
            "{\"subject\": \"s\", \"customerRef\": \"c1\", \"category\": \"URGENT_STUFF\"}"),
        400,
        "expected one of");
    assertProblem(
        api.post(
            "/api/v1/tickets",
            "{\"subject\": \"%s\", \"customerRef\": \"c1\"}".formatted("长".repeat(201))),
        400,
        "subject is 201 characters long");
    assertProblem(
        api.post("/api/v1/tickets", "{\"subject\": \"no customer\"}"),
        400,
        "customerPhone or customerRef is required");
    assertProblem(
        api.post(
            "/api/v1/tickets",
            "{\"subject\": \"s\", \"customerRef\": \"c1\", \"tags\": [\"<script>\"]}"),
        400,
        "tag '<script>'");
    assertProblem(api.get("/api/v1/tickets/T-nope"), 404, "no ticket with id 'T-nope'");

    HttpResponse<String> created =
        api.post(
            "/api/v1/tickets",
            "{\"subject\": \"<b>hi</b><script>alert(1)</script>\", \"customerRef\": \"c-"
                + UUID.randomUUID()
                + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode ticket = api.read(created.body()).get("ticket");
    // Stored as typed: pages show it as text, never as markup.
    assertThat(ticket.get("subject").asText()).isEqualTo("<b>hi</b><script>alert(1)</script>");
    String id = ticket.get("ticketId").asText();
    assertProblem(
        api.post("/api/v1/tickets/" + id + "/status", "{\"status\": \"CLOSED\"}"),
        409,
        "cannot become Closed");
    assertProblem(
        api.post("/api/v1/tickets/" + id + "/replies", "{\"text\": \"\"}"),
        400,
        "text is required");
    assertThat(
            api.post("/api/v1/tickets/" + id + "/status", "{\"status\": \"SOLVED\"}").statusCode())
        .isEqualTo(200);
    assertThat(
            api.post("/api/v1/tickets/" + id + "/status", "{\"status\": \"CLOSED\"}").statusCode())
        .isEqualTo(200);
    assertProblem(
        api.post("/api/v1/tickets/" + id + "/replies", "{\"text\": \"late\"}"), 409, "closed");
    // The customer writing to a closed ticket starts a follow-up instead.
    HttpResponse<String> followUp =
        api.post("/api/v1/tickets/" + id + "/customer-messages", "{\"text\": \"still broken\"}");
    assertThat(followUp.statusCode()).as(followUp.body()).isEqualTo(200);
    assertThat(api.read(followUp.body()).get("ticketId").asText()).isNotEqualTo(id);
  }

  @Test
  void aPhotoIsKeptWithoutItsMetadataAndServedOnlyAsADownload() throws Exception {
    CampaignApi api = new CampaignApi(port);
    HttpResponse<String> created =
        api.post(
            "/api/v1/tickets",
            "{\"subject\": \"包裹破损 / broken parcel\", \"customerRef\": \"c-"
                + UUID.randomUUID()
                + "\", \"category\": \"COMPLAINT\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = api.read(created.body()).get("ticket").get("ticketId").asText();

    // A phone photo with its GPS position in EXIF, under a name with a path.
    HttpResponse<String> attached =
        upload(id, "../../broken-parcel.jpg", "image/jpeg", jpegWithExif());
    assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
    JsonNode photo = api.read(attached.body());
    assertThat(photo.get("fileName").asText()).isEqualTo("broken-parcel.jpg");
    assertThat(photo.get("contentType").asText()).isEqualTo("image/jpeg");

    HttpResponse<byte[]> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + port
                                + "/api/v1/tickets/"
                                + id
                                + "/attachments/"
                                + photo.get("attachmentId").asText()))
                    .header("Authorization", ADMIN)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment;");
    assertThat(new String(download.body(), StandardCharsets.ISO_8859_1))
        .doesNotContain("GPSLatitude");
    assertThat(ImageIO.read(new ByteArrayInputStream(download.body())).getWidth()).isEqualTo(16);

    // Markup that calls itself a JPEG, and a photo over the limit (200 KB here), are refused.
    HttpResponse<String> markup =
        upload(
            id,
            "photo.jpg",
            "image/jpeg",
            "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    assertProblem(markup, 415, "not a JPEG or PNG");
    assertThat(api.read(markup.body()).get("type").asText())
        .isEqualTo("urn:cc:problem:attachment-not-a-photo");
    byte[] huge = java.util.Arrays.copyOf(jpegWithExif(), 300 * 1024);
    HttpResponse<String> tooLarge = upload(id, "huge.jpg", "image/jpeg", huge);
    assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
    JsonNode tooLargeProblem = api.read(tooLarge.body());
    assertThat(tooLargeProblem.get("type").asText())
        .isEqualTo("urn:cc:problem:attachment-too-large");
    // The detail is the localized sentence; the exact reason, with the limit, is beside it.
    assertThat(tooLargeProblem.get("reason").asText()).contains("at most 204800");

    JsonNode listed = api.getJson("/api/v1/tickets/" + id + "/attachments");
    assertThat(listed).hasSize(1);
    List<String> notes = new ArrayList<>();
    api.getJson("/api/v1/tickets/" + id)
        .get("history")
        .forEach(e -> notes.add(e.get("body").asText()));
    assertThat(notes)
        .anyMatch(n -> n.contains("photo attached") && n.contains("broken-parcel.jpg"));
    assertThat(api.get("/api/v1/tickets/" + id + "/attachments/A-nope").statusCode())
        .isEqualTo(404);
  }

  /** A 16×12 JPEG with an EXIF segment holding a GPS position, as a phone camera writes it. */
  private static byte[] jpegWithExif() throws Exception {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(16, 12, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);
    byte[] plain = jpeg.toByteArray();
    byte[] exif =
        "Exif\0\0GPSLatitude 31.2304N GPSLongitude 121.4737E".getBytes(StandardCharsets.ISO_8859_1);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(plain, 0, 2);
    out.write(0xFF);
    out.write(0xE1);
    out.write((exif.length + 2) >> 8);
    out.write((exif.length + 2) & 0xFF);
    out.write(exif);
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  private static final String ADMIN =
      "Basic "
          + java.util.Base64.getEncoder()
              .encodeToString(
                  ("admin:" + ContactCenterIT.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

  private HttpResponse<String> upload(String ticketId, String name, String type, byte[] content)
      throws Exception {
    String boundary = "----cc" + UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name.replace("\"", "%22")
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/api/v1/tickets/"
                            + ticketId
                            + "/attachments"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void assertProblem(HttpResponse<String> response, int status, String detail)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode problem = new CampaignApi(port).read(response.body());
    assertThat(problem.get("detail").asText()).contains(detail);
  }

  private String ticketOfSource(String kind, String ref) {
    return jdbc.sql(
            "SELECT ticket_id FROM ticket_source WHERE source_kind = :kind AND source_ref = :ref")
        .param("kind", kind)
        .param("ref", ref)
        .query(String.class)
        .optional()
        .orElse(null);
  }
}

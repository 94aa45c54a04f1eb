package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.ivr.HotlineMessageLeft;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.CustomerVoice;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Repository;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hotline IVR end to end: an order event on Kafka fills the IVR's order table; a SIPp caller on
 * the real Asterisk keys 1 (order status), keys the order number, confirms it with 1 and hears the
 * status; the stored IVR session shows the path, the inputs and the self-service result. Bad input
 * (random keys) ends with an agent. A number left at the closed hotline becomes a callback ticket.
 * Admins manage flows through the API.
 */
@ContactCenterIT
@WithSharedAsterisk
class HotlineIvrIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  @Autowired JdbcClient jdbc;
  @Autowired CapturedEvents events;
  @Autowired SpeechSynthesizer tts;
  @LocalServerPort int port;

  record Session(String path, String intent, String selfService, String outcome, String visits) {}

  private Session lastSessionSince(Instant since) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                jdbc.sql(
                        "SELECT path, intent, self_service, outcome, visits::text FROM ivr_session"
                            + " WHERE started_at >= ? ORDER BY started_at DESC LIMIT 1")
                    .param(Timestamp.from(since))
                    .query(Session.class)
                    .optional()
                    .orElse(null),
            s -> s != null);
  }

  @Test
  void aCallerKeysOneAndAnOrderNumberConfirmsItAndHearsTheStatus() throws Exception {
    try (KafkaProducer<String, String> producer = producer()) {
      producer
          .send(
              new ProducerRecord<>(
                  "cc.orders.v1",
                  "87654321",
                  """
              {"eventId": "evt-ivr-it-1", "type": "order_shipped", "orderId": "87654321",
               "variables": {"carrier": "SF Express", "delivery_date": "2026-12-24",
                             "tracking_number": "SF0001"}}
              """))
          .get(30, TimeUnit.SECONDS);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("SELECT state FROM ivr_order WHERE order_id = '87654321'")
                    .query(String.class)
                    .optional()
                    .orElse(""),
            "SHIPPED"::equals);
    Instant before = Instant.now().minusSeconds(1);

    Sipp.Result call =
        Sipp.scenario("customer-dtmf-steps.xml")
            .key("menu", "1")
            .key("number", "87654321#")
            .key("confirm", "1")
            .callAsterisk(asterisk.ports().sip());

    assertThat(call.succeeded()).as("SIPp call failed:%n%s", call.output()).isTrue();
    Session session = lastSessionSince(before);
    assertThat(session.path()).isEqualTo("hours > main > order_status > goodbye");
    assertThat(session.intent()).isEqualTo("order_status");
    assertThat(session.selfService()).isEqualTo("FOUND");
    assertThat(session.outcome()).isEqualTo("CONTAINED");
    assertThat(session.visits())
        .contains("\"keys:1\"", "\"keys:87654321\"", "\"order:found\"")
        .contains("\"millis\"");

    HttpResponse<String> report = send("GET", "/api/v1/ivr/reports/containment", null);
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    assertThat(report.body()).contains("\"intent\":\"order_status\"").contains("containmentRate");
  }

  @Test
  void randomKeysAtTheMenuAreAskedAgainOnceThenAnAgentTakesOver() {
    Instant before = Instant.now().minusSeconds(1);

    Sipp.Result call =
        Sipp.scenario("customer-dtmf.xml").key("digits", "79").callAsterisk(asterisk.ports().sip());

    assertThat(call.succeeded()).as("SIPp call failed:%n%s", call.output()).isTrue();
    Session session = lastSessionSince(before);
    assertThat(session.path()).isEqualTo("hours > main > agent");
    assertThat(session.outcome()).isEqualTo("TO_AGENT");
    assertThat(session.visits()).contains("\"keys:7\"", "\"keys:9\"");
  }

  @Test
  void anOrderNumberOfTheWrongLengthIsAskedForAgainThenAnAgentTakesOver() {
    Instant before = Instant.now().minusSeconds(1);

    // 1 for order status, then 123#: three digits, the flow wants 6 to 12; then silence.
    Sipp.Result call =
        Sipp.scenario("customer-dtmf.xml")
            .key("digits", "1123#")
            .callAsterisk(asterisk.ports().sip());

    assertThat(call.succeeded()).as("SIPp call failed:%n%s", call.output()).isTrue();
    Session session = lastSessionSince(before);
    assertThat(session.path()).isEqualTo("hours > main > order_status > agent");
    assertThat(session.outcome()).isEqualTo("TO_AGENT");
    assertThat(session.selfService()).isNull();
    assertThat(session.visits()).contains("\"keys:123\"", "\"no-input\"");
  }

  @Test
  void onTheSpeechLineACallerWhoSaysOrderStatusOverTheMenuLandsInTheOrderStatusBranch()
      throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    // Says the menu choice over the menu prompt (barge-in: the English menu takes about eleven
    // seconds), then stays quiet: the order-status node asks twice for a number, then an agent.
    Path dir =
        CustomerVoice.says(tts, Duration.ofSeconds(4), "order status", Duration.ofSeconds(40));

    Sipp.Result call =
        Sipp.scenario("customer-speaks-only.xml")
            .service("4001")
            .workingDirectory(dir)
            .timeout(Duration.ofSeconds(90))
            .callAsterisk(asterisk.ports().sip());

    assertThat(call.succeeded()).as("SIPp call failed:%n%s", call.output()).isTrue();
    Session session = lastSessionSince(before);
    assertThat(session.visits()).contains("\"speech:order status\"");
    assertThat(session.path()).isEqualTo("hours > main > order_status > agent");
    assertThat(session.intent()).isEqualTo("order_status");
    assertThat(session.outcome()).isEqualTo("TO_AGENT");
  }

  @Test
  void onTheSpeechLineACallerSaysTheOrderNumberAndConfirmsTheReadBackByVoice() throws Exception {
    try (KafkaProducer<String, String> producer = producer()) {
      producer
          .send(
              new ProducerRecord<>(
                  "cc.orders.v1",
                  "246810",
                  """
              {"eventId": "evt-ivr-it-speech-1", "type": "order_shipped", "orderId": "246810",
               "variables": {"carrier": "SF Express", "delivery_date": "2026-12-24",
                             "tracking_number": "SF0002"}}
              """))
          .get(30, TimeUnit.SECONDS);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("SELECT state FROM ivr_order WHERE order_id = '246810'")
                    .query(String.class)
                    .optional()
                    .orElse(""),
            "SHIPPED"::equals);
    Instant before = Instant.now().minusSeconds(1);
    // One recording of the whole call, timed by the prompts (each can be interrupted by speech,
    // and each waits 6 s after it ended or was interrupted for the caller to start answering):
    // "order status" over the menu (4 s in; heard about 6 s in), the number in two groups 3 s
    // later, over or just after "Please key your order number ...", and "yes" 6 s after the
    // number, over the read-back ("I heard 2 4 6 8 1 0. Is that right? ...", some 8 s), then quiet
    // until Asterisk hangs up.
    byte[] call =
        concat(
            silence(Duration.ofSeconds(4)),
            speech("order status"),
            silence(Duration.ofSeconds(3)),
            speech("two four six, eight one zero"),
            silence(Duration.ofSeconds(6)),
            speech("yes"));
    Path dir = CustomerVoice.says(Duration.ZERO, call, Duration.ofSeconds(40));

    Sipp.Result sipp =
        Sipp.scenario("customer-speaks-only.xml")
            .service("4001")
            .workingDirectory(dir)
            .timeout(Duration.ofSeconds(90))
            .callAsterisk(asterisk.ports().sip());

    assertThat(sipp.succeeded()).as("SIPp call failed:%n%s", sipp.output()).isTrue();
    Session session = lastSessionSince(before);
    // The yes may be heard as another yes-phrase ("yeah" in one run): any yes taken by voice.
    assertThat(session.visits())
        .as("the number and the read-back's answer were heard by voice, no key pressed")
        .contains("\"speech:order status\"", "\"speech:two four six eight one zero\"")
        .contains("\"order:found\"")
        .doesNotContain("\"keys:", "read-back:yes-unsure");
    assertThat(session.path()).startsWith("hours > main > order_status");
    assertThat(session.intent()).isEqualTo("order_status");
    assertThat(session.selfService()).isEqualTo("FOUND");
  }

  private byte[] speech(String words) {
    return tts.synthesize(words, null).pcm16le8k();
  }

  private static byte[] silence(Duration d) {
    return new byte[(int) (d.toMillis() * 16)];
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void onTheSpeechLineKeysStillWork() {
    Instant before = Instant.now().minusSeconds(1);

    // 2 (delivery time) over the synthesized menu, then silence at the order-number question.
    Sipp.Result call =
        Sipp.scenario("customer-dtmf.xml")
            .service("4001")
            .key("digits", "2")
            .timeout(Duration.ofSeconds(90))
            .callAsterisk(asterisk.ports().sip());

    assertThat(call.succeeded()).as("SIPp call failed:%n%s", call.output()).isTrue();
    Session session = lastSessionSince(before);
    assertThat(session.visits()).contains("\"keys:2\"");
    assertThat(session.path()).isEqualTo("hours > main > delivery_time > agent");
    assertThat(session.intent()).isEqualTo("delivery_time");
  }

  @Test
  void aSilentCallerIsAskedTwiceThenHandedToAnAgent() {
    Instant before = Instant.now().minusSeconds(1);

    Sipp.Result call = Sipp.scenario("customer-silent.xml").callAsterisk(asterisk.ports().sip());

    assertThat(call.succeeded()).as("SIPp call failed:%n%s", call.output()).isTrue();
    Session session = lastSessionSince(before);
    assertThat(session.path()).isEqualTo("hours > main > agent");
    assertThat(session.outcome()).isEqualTo("TO_AGENT");
    assertThat(session.visits()).contains("[\"no-input\", \"no-input\"]");
  }

  @Test
  void aCallerWhoHangsUpMidFlowIsStoredAsAbandoned() {
    Instant before = Instant.now().minusSeconds(1);

    Sipp.Result call =
        Sipp.scenario("customer-hangs-up.xml")
            .key("digits", "1")
            .callAsterisk(asterisk.ports().sip());

    assertThat(call.succeeded()).as("SIPp call failed:%n%s", call.output()).isTrue();
    Session session = lastSessionSince(before);
    assertThat(session.path()).isEqualTo("hours > main > order_status");
    assertThat(session.intent()).isEqualTo("order_status");
    assertThat(session.outcome()).isEqualTo("ABANDONED");
  }

  @Test
  void aClosedHotlineTakesACallbackNumberAndAnnouncesIt() throws Exception {
    String builtIn =
        Files.readString(Repository.root().resolve("ivr/src/main/resources/ivr/hotline.yaml"));
    // Closed every day: only a holiday-free make-up day would open it, and there is none.
    String closed = builtIn.replace("[\"00:00-24:00\"]", "[closed]");
    HttpResponse<String> saved = send("POST", "/api/v1/ivr/flows", closed);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    String version = saved.body().replaceAll(".*\"version\":(\\d+).*", "$1");
    Instant before = Instant.now().minusSeconds(1);
    int messagesBefore = events.ofType(HotlineMessageLeft.class).size();
    try {
      assertThat(
              send("POST", "/api/v1/ivr/flows/hotline/versions/" + version + "/activate", "")
                  .statusCode())
          .isEqualTo(200);

      Sipp.Result call =
          Sipp.scenario("customer-dtmf.xml")
              .key("digits", "13800138000#")
              .callAsterisk(asterisk.ports().sip());

      assertThat(call.succeeded()).as("SIPp call failed:%n%s", call.output()).isTrue();
    } finally {
      assertThat(send("POST", "/api/v1/ivr/flows/hotline/versions/1/activate", "").statusCode())
          .isEqualTo(200);
    }
    Session session = lastSessionSince(before);
    assertThat(session.path()).isEqualTo("hours > closed > goodbye");
    assertThat(session.outcome()).isEqualTo("CONTAINED");
    assertThat(
            jdbc.sql(
                    "SELECT callback_number FROM ivr_callback_request WHERE left_at >= ?"
                        + " ORDER BY left_at DESC LIMIT 1")
                .param(Timestamp.from(before))
                .query(String.class)
                .single())
        .isEqualTo("13800138000");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> events.ofType(HotlineMessageLeft.class).size() > messagesBefore);
    HotlineMessageLeft left = events.ofType(HotlineMessageLeft.class).getLast();
    assertThat(left.callbackNumber()).isEqualTo("13800138000");

    // The message is a callback ticket linked to the session and the call; SIPp's caller id
    // ("customer") is no number, so the customer is the number keyed, in E.164, shown masked.
    String ticketId =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    jdbc.sql(
                            "SELECT ticket_id FROM ticket_source WHERE source_kind = 'IVR_SESSION'"
                                + " AND source_ref = ?")
                        .param(left.sessionId())
                        .query(String.class)
                        .optional()
                        .orElse(null),
                t -> t != null);
    HttpResponse<String> ticket = send("GET", "/api/v1/tickets/" + ticketId, null);
    assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(200);
    assertThat(ticket.body())
        .contains("\"category\":\"CALLBACK\"")
        .contains("\"channel\":\"PHONE\"")
        .contains("\"customerPhone\":\"+861********00\"")
        .contains("IVR_SESSION:" + left.sessionId())
        .contains("13800138000 (+8613800138000)")
        .contains("call: " + left.callId());
    assertThat(
            jdbc.sql("SELECT customer_phone FROM ticket WHERE ticket_id = ?")
                .param(ticketId)
                .query(String.class)
                .single())
        .isEqualTo("+8613800138000");
  }

  @Test
  void adminsValidateSaveAndActivateFlowsAndEveryProblemIsNamed() throws Exception {
    String builtIn =
        Files.readString(Repository.root().resolve("ivr/src/main/resources/ivr/hotline.yaml"));

    HttpResponse<String> rejected =
        send("POST", "/api/v1/ivr/flows", builtIn.replace("no-match: agent", "no-match: nowhere"));
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(422);
    assertThat(rejected.body())
        .contains("urn:cc:problem:flow-rejected")
        .contains("nodes.main.no-match")
        .contains("unknown node 'nowhere'");

    HttpResponse<String> validated =
        send("POST", "/api/v1/ivr/flows/validate", builtIn.replace("    no-input: agent\n", ""));
    assertThat(validated.statusCode()).isEqualTo(200);
    assertThat(validated.body()).contains("\"valid\":false").contains("nodes.main.no-input");

    HttpResponse<String> saved =
        send("POST", "/api/v1/ivr/flows", builtIn.replace("欢迎致电", "欢迎致电商城"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    String version = saved.body().replaceAll(".*\"version\":(\\d+).*", "$1");
    try {
      HttpResponse<String> activated =
          send("POST", "/api/v1/ivr/flows/hotline/versions/" + version + "/activate", "");
      assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
      assertThat(activated.body()).contains("\"active\":true");
      assertThat(send("GET", "/api/v1/ivr/flows/hotline/versions/" + version, null).body())
          .contains("欢迎致电商城");
    } finally {
      assertThat(send("POST", "/api/v1/ivr/flows/hotline/versions/1/activate", "").statusCode())
          .isEqualTo(200);
    }
    assertThat(send("GET", "/api/v1/ivr/flows/hotline/versions/999", null).statusCode())
        .isEqualTo(404);
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            ("admin:" + ContactCenterIT.ADMIN_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/yaml");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
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

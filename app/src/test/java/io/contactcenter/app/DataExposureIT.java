package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the running app gives away, tried as a nosy user and a careless or hostile client would:
 * phone numbers by role, forged log lines, floods of log lines, stack traces and 500s for bad
 * input.
 */
@ContactCenterIT
@ExtendWith(OutputCaptureExtension.class)
class DataExposureIT {

  private static final String CUSTOMER = "+8613800138000";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private String callId;

  @BeforeEach
  void aCallWithACustomersNumber() {
    callId = "exposure-" + UUID.randomUUID();
    jdbc.update(
        "INSERT INTO pbx_call_detail_record (call_id, linked_id, channel, caller, callee, cause,"
            + " cause_text, started_at, ended_at, duration_seconds, billable_seconds)"
            + " VALUES (?, ?, ?, ?, '4000', 16, 'Normal Clearing', now(), now(), 30, 25)",
        callId,
        callId,
        "Local/" + CUSTOMER + "@robot-0000001a;1",
        CUSTOMER);
  }

  @Test
  void agentsAndQaSeeCallersMaskedOpsSupervisorsAndAdminsInFull() throws Exception {
    String agent = user("AGENT");
    String qa = user("QA");
    String ops = user("OPS");
    String supervisor = user("SUPERVISOR");

    for (String masked : new String[] {agent, qa}) {
      JsonNode one = json.readTree(get("/api/v1/calls/" + callId, masked).body());
      assertThat(one.get("caller").asText()).isEqualTo("+861********00");
      assertThat(one.get("channel").asText()).isEqualTo("Local/+861********00@robot-0000001a;1");
      assertThat(one.get("callee").asText()).isEqualTo("4000");
      String list = get("/api/v1/calls?limit=500", masked).body();
      assertThat(list).contains(callId).doesNotContain("3800138000");
    }
    for (String full : new String[] {ops, supervisor, admin()}) {
      JsonNode one = json.readTree(get("/api/v1/calls/" + callId, full).body());
      assertThat(one.get("caller").asText()).isEqualTo(CUSTOMER);
    }
    // Recordings are the app's to serve, and not to agents.
    assertThat(get("/api/v1/calls/" + callId + "/recording", agent).statusCode()).isEqualTo(403);
  }

  @Test
  void qaSeesTheNumbersThatRejectedRowsQuoteMasked() throws Exception {
    CampaignApi api = new CampaignApi(port);
    String campaign =
        api.read(
                api.post(
                        "/api/v1/campaigns",
                        "{\"name\": \"Imports\", \"type\": \"balance\","
                            + " \"variables\": {\"merchant\": \"Acme\"}}")
                    .body())
            .get("campaignId")
            .asText();
    HttpResponse<String> uploaded =
        api.upload(
            "/api/v1/campaigns/" + campaign + "/contacts",
            "typo.csv",
            "phone,name\n+86 1380013800,Li Lei\n".getBytes(StandardCharsets.UTF_8));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    assertThat(uploaded.body()).contains("+86 1380013800");

    String path = "/api/v1/campaigns/" + campaign + "/imports";
    assertThat(get(path, user("QA")).body()).contains("138*****00").doesNotContain("1380013800");
    assertThat(get(path, admin()).body()).contains("+86 1380013800");
  }

  @Test
  void aLineBreakInAnEventIdCannotForgeALogLine(CapturedOutput output) throws Exception {
    String marker = "FORGED-" + UUID.randomUUID();
    String event =
        "{\"eventId\": \"evt-x\\n2026-12-02T10:00:00.000Z ERROR 1 --- [main] "
            + marker
            + "\", \"type\": \"no_such_type\", \"orderId\": \"F1\"}";
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>("cc.orders.v1", "F1", event)).get();
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> output.toString().contains(marker));
    String line =
        output.toString().lines().filter(l -> l.contains(marker)).findFirst().orElseThrow();
    assertThat(line).contains("order event evt-x\\n2026-12-02T10:00:00.000Z ERROR");
    assertThat(output.toString().lines().filter(l -> l.startsWith("2026-12-02T10:00:00.000Z")))
        .isEmpty();
  }

  @Test
  void badInputIsA4xxNamingTheProblemWithoutStackTracesOrFloodsOfLogLines(CapturedOutput output)
      throws Exception {
    int before = output.toString().length();
    String admin = admin();
    CampaignApi api = new CampaignApi(port);
    String campaign =
        api.read(
                api.post(
                        "/api/v1/campaigns",
                        "{\"name\": \"Exposure\", \"type\": \"balance\","
                            + " \"variables\": {\"merchant\": \"Acme\"}}")
                    .body())
            .get("campaignId")
            .asText();

    HttpResponse<String> nullRole =
        post(
            "/api/v1/users",
            admin,
            "{\"username\":\"nullrole\",\"password\":\"long-enough-pass\",\"roles\":[null]}");
    assertThat(nullRole.statusCode()).isEqualTo(400);
    assertThat(nullRole.body()).contains("urn:cc:problem:invalid-request").contains("role");

    HttpResponse<String> badRole =
        post(
            "/api/v1/users",
            admin,
            "{\"username\":\"badrole\",\"password\":\"long-enough-pass\",\"roles\":[\"BOSS\"]}");
    assertThat(badRole.statusCode()).isEqualTo(400);
    assertThat(badRole.body()).contains("roles").contains("AGENT");

    HttpResponse<String> empty =
        api.upload("/api/v1/campaigns/" + campaign + "/contacts", "e.csv", new byte[0]);
    assertThat(empty.statusCode()).as(empty.body()).isEqualTo(422);
    assertThat(empty.body()).contains("urn:cc:problem:contact-file-rejected").contains("empty");

    byte[] binary = new byte[4096];
    new java.util.Random(7).nextBytes(binary);
    HttpResponse<String> garbage =
        api.upload("/api/v1/campaigns/" + campaign + "/contacts", "photo.csv", binary);
    assertThat(garbage.statusCode()).as(garbage.body()).isEqualTo(422);

    HttpResponse<String> tooLarge =
        api.upload(
            "/api/v1/campaigns/" + campaign + "/contacts",
            "big.csv",
            new byte[20 * 1024 * 1024 + 100_000]);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body())
        .contains("urn:cc:problem:file-too-large")
        .contains("20 MB")
        .doesNotContain("audio");
    // The limit is named in megabytes, never as Tomcat's "-1" (the campaign id may contain "-1").
    assertThat(json.readTree(tooLarge.body()).get("detail").asText()).doesNotContain("-1");

    HttpResponse<String> limits =
        send(
            HttpRequest.newBuilder(uri("/api/v1/campaigns/" + campaign))
                .header("Authorization", admin)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"maxConcurrent\": 0}")));
    assertThat(limits.statusCode()).isEqualTo(400);
    assertThat(limits.body()).contains("maxConcurrent must be between 1 and 1000");

    HttpResponse<String> silence = post("/api/v1/speech/synthesize", admin, "{\"text\": \"...\"}");
    assertThat(silence.statusCode()).as(silence.body()).isEqualTo(422);
    assertThat(silence.body()).contains("urn:cc:problem:no-speech");

    String phrases =
        IntStream.range(0, 5000).mapToObj(i -> "zzq" + i).collect(Collectors.joining(","));
    HttpResponse<String> grammar =
        send(
            HttpRequest.newBuilder(uri("/api/v1/speech/transcribe?language=en"))
                .header("Authorization", admin)
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofByteArray(transcribeForm(phrases))));
    assertThat(grammar.statusCode()).as(grammar.body()).isEqualTo(400);
    assertThat(grammar.body()).contains("at most 200");

    HttpResponse<String> brokenMultipart =
        send(
            HttpRequest.newBuilder(uri("/api/v1/campaigns/" + campaign + "/contacts"))
                .header("Authorization", admin)
                .header("Content-Type", "multipart/form-data; boundary=nothing")
                .POST(HttpRequest.BodyPublishers.ofString("no parts at all")));
    assertThat(brokenMultipart.statusCode()).isBetween(400, 499);

    String logged = output.toString().substring(before);
    assertThat(logged).doesNotContain("Servlet.service() for servlet");
    assertThat(logged.lines().filter(l -> l.strip().startsWith("at io.contactcenter"))).isEmpty();
    assertThat(logged.lines().filter(l -> l.contains("zzq")).count()).isLessThan(5);
  }

  /** A tenth of a second of silence (8 kHz, 16-bit mono WAV) and a phrase list, as a form. */
  private static byte[] transcribeForm(String phrases) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(
        ("--b\r\nContent-Disposition: form-data; name=\"phrases\"\r\n\r\n"
                + phrases
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"a.wav\""
                + "\r\nContent-Type: audio/wav\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    int samples = 800;
    java.nio.ByteBuffer wav =
        java.nio.ByteBuffer.allocate(44 + samples * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2);
    wav.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    wav.putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000);
    wav.putShort((short) 2).putShort((short) 16);
    wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
    out.write(wav.array());
    out.write("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private String user(String role) throws Exception {
    String name = role.toLowerCase() + "-" + (System.nanoTime() % 1_000_000);
    HttpResponse<String> created =
        post(
            "/api/v1/users",
            admin(),
            "{\"username\":\""
                + name
                + "\",\"password\":\"exposure-password\",\"roles\":[\""
                + role
                + "\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return basic(name, "exposure-password");
  }

  private static String admin() {
    return basic("admin", ContactCenterIT.ADMIN_PASSWORD);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> get(String path, String auth) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", auth).GET());
  }

  private HttpResponse<String> post(String path, String auth, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.pbx.CallEnded;
import io.contactcenter.testinfra.ContactCenterIT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * QA end to end with the real parts: a recording of telephone speech synthesized by MaryTTS is
 * queued when its call ends, transcribed by Vosk with word timings, scored by rules created over
 * the API, and shown to the reviewer with the rule hits at their times; a recording a crashed
 * worker held is transcribed once after its lease expires, and a corrupt one fails with a reason.
 * The worker runs in a context and database of its own (the shared context does not transcribe).
 */
@ContactCenterIT
@DirtiesContext
@TestPropertySource(
    properties = {
      "cc.test.context=qa-transcription",
      "cc.qa.transcription.enabled=true",
      "cc.qa.transcription.poll-interval=300ms",
      "cc.qa.transcription.settle=0s",
      "cc.qa.transcription.lease=4s",
      "cc.qa.transcription.max-tries=2",
      "cc.qa.sampling.share=0"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QaTranscriptionIT {

  private static final int RATE = 8000;

  @LocalServerPort int port;
  @Autowired SpeechSynthesizer tts;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  @Value("${cc.pbx.recordings.dir}")
  Path recordings;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String admin =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  ("admin:" + ContactCenterIT.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

  @BeforeAll
  void rules() throws Exception {
    // Asterisk creates its spool when it starts; this test needs no call.
    Files.createDirectories(recordings);
    assertThat(
            send(
                    "POST",
                    "/api/v1/qa/rules",
                    """
                    {"name":"Greeting","kind":"REQUIRED_PHRASE","section":"opening","weight":10,
                     "language":"en","phrases":["thank you for calling"],"withinSeconds":10}
                    """)
                .statusCode())
        .isEqualTo(201);
    assertThat(
            send(
                    "POST",
                    "/api/v1/qa/rules",
                    """
                    {"name":"No insults","kind":"FORBIDDEN_PHRASE","section":"compliance",
                     "weight":20,"autoFail":true,"phrases":["this is stupid"]}
                    """)
                .statusCode())
        .isEqualTo(201);
    assertThat(
            send(
                    "POST",
                    "/api/v1/qa/rules",
                    """
                    {"name":"Dead air","kind":"MAX_SILENCE","section":"flow","weight":5,
                     "limitSeconds":3}
                    """)
                .statusCode())
        .isEqualTo(201);
    assertThat(
            send(
                    "POST",
                    "/api/v1/qa/rules",
                    """
                    {"name":"Talk-over","kind":"TALK_OVER","section":"flow","weight":5,
                     "limitSeconds":0.5}
                    """)
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void aFinishedCallIsTranscribedScoredAndShownWithHitsAtTheirTimes() throws Exception {
    Speech greeting = speech("Hello, thank you for calling.");
    Speech insult = speech("This is stupid.");
    ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    pcm.write(silence(1000));
    long greetingAt = 1000 + greeting.onsetMs();
    long greetingEnd = 1000 + greeting.offsetMs();
    pcm.write(greeting.pcm());
    pcm.write(silence(4500));
    long insultAt = pcm.size() / 2 * 1000L / RATE + insult.onsetMs();
    pcm.write(insult.pcm());
    pcm.write(silence(500));
    String callId = "qa-it-" + UUID.randomUUID();
    Files.write(recordings.resolve(callId + ".wav"), wav(pcm.toByteArray()));

    callEnded(callId);

    JsonNode conversation = awaitState(callId, "DONE");
    assertThat(conversation.get("words").toString()).contains("thank", "calling", "stupid");
    JsonNode summary = conversation.get("summary");
    assertThat(summary.get("autoFailed").asBoolean()).isTrue();
    assertThat(summary.get("autoScore").asDouble()).isZero();
    assertThat(summary.get("sampled").asBoolean()).as("every auto-fail is sampled").isTrue();

    JsonNode hits = conversation.get("score").get("hits");
    JsonNode greetingHit = hit(hits, "Greeting");
    assertThat(greetingHit.get("passed").asBoolean()).isTrue();
    assertThat(greetingHit.get("startMs").asLong())
        .as("\"thank you\" a moment after the greeting's onset at %d ms", greetingAt)
        .isBetween(greetingAt, greetingAt + 1200);
    JsonNode insultHit = hit(hits, "No insults");
    assertThat(insultHit.get("passed").asBoolean()).isFalse();
    assertThat(insultHit.get("startMs").asLong()).isBetween(insultAt - 500, insultAt + 500);
    JsonNode silenceHit = hit(hits, "Dead air");
    assertThat(silenceHit.get("passed").asBoolean()).isFalse();
    assertThat(silenceHit.get("startMs").asLong()).isBetween(greetingEnd - 500, greetingEnd + 500);
    assertThat(silenceHit.get("endMs").asLong()).isBetween(insultAt - 500, insultAt + 500);

    // The reviewer's list shows it; a player seeks with range requests.
    HttpResponse<String> sampled = send("GET", "/api/v1/qa/conversations?sampled=true", null);
    assertThat(sampled.body()).contains(callId);
    HttpResponse<byte[]> range =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/qa/conversations/" + callId + "/recording"))
                .header("Authorization", admin)
                .header("Range", "bytes=0-99")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).hasSize(100);
    assertThat(new String(range.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");

    // A reviewer corrects the score.
    HttpResponse<String> reviewed =
        send(
            "POST",
            "/api/v1/qa/conversations/" + callId + "/review",
            "{\"score\":35,\"comment\":\"insult confirmed\"}");
    assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
    JsonNode review = json.readTree(reviewed.body());
    assertThat(review.get("summary").get("finalScore").asDouble()).isEqualTo(35);
    assertThat(review.get("review").get("reviewer").asText()).isEqualTo("admin");

    // The agent appeals; the reviewer may not decide it, another QA reviewer accepts it.
    String agent = user("AGENT");
    String secondReviewer = user("QA");
    assertThat(sendAs(agent, "GET", "/api/v1/qa/conversations/" + callId + "/recording", null))
        .as("agents do not fetch QA recordings")
        .extracting(HttpResponse::statusCode)
        .isEqualTo(403);
    // The call is this agent's (routing's ContactAccepted names it): agents appeal only their own.
    jdbc.sql("UPDATE qa_recording SET agent = ? WHERE conversation_id = ?")
        .params(agent, callId)
        .update();
    HttpResponse<String> opened =
        sendAs(
            agent,
            "POST",
            "/api/v1/qa/conversations/" + callId + "/appeals",
            "{\"reason\":\"the customer insulted me, I only repeated it\"}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String appealId = json.readTree(opened.body()).get("id").asText();
    HttpResponse<String> again =
        sendAs(
            agent, "POST", "/api/v1/qa/conversations/" + callId + "/appeals", "{\"reason\":\"x\"}");
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(again.body()).contains("already open");

    HttpResponse<String> byReviewer =
        send(
            "POST",
            "/api/v1/qa/appeals/" + appealId + "/decision",
            "{\"accepted\":true,\"score\":90}");
    assertThat(byReviewer.statusCode()).isEqualTo(422);
    assertThat(byReviewer.body()).contains("different reviewer");

    HttpResponse<String> decided =
        sendAs(
            secondReviewer,
            "POST",
            "/api/v1/qa/appeals/" + appealId + "/decision",
            "{\"accepted\":true,\"score\":60,\"comment\":\"quoted the customer\"}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    JsonNode appeal = json.readTree(decided.body());
    assertThat(appeal.get("state").asText()).isEqualTo("ACCEPTED");
    assertThat(appeal.get("scoreBefore").asDouble()).isEqualTo(35);
    assertThat(appeal.get("history").findValuesAsText("action"))
        .containsExactly("OPENED", "ACCEPTED");
    JsonNode after = json.readTree(send("GET", "/api/v1/qa/conversations/" + callId, null).body());
    assertThat(after.get("summary").get("finalScore").asDouble()).isEqualTo(60);

    // The reports count the insult and the week's scores.
    JsonNode rules = json.readTree(send("GET", "/api/v1/qa/reports/rules", null).body());
    JsonNode insults = null;
    for (JsonNode r : rules) {
      if (r.get("ruleName").asText().equals("No insults")) {
        insults = r;
      }
    }
    assertThat(insults).as(rules.toString()).isNotNull();
    assertThat(insults.get("failedHits").asLong()).isPositive();
    JsonNode weeks = json.readTree(send("GET", "/api/v1/qa/reports/weekly", null).body());
    assertThat(weeks).isNotEmpty();
    assertThat(weeks.get(weeks.size() - 1).get("reviewed").asLong()).isPositive();
    assertThat(
            send(
                    "GET",
                    "/api/v1/qa/reports/rules?from=2026-12-02T00:00:00Z&to=2026-01-01T00:00:00Z",
                    null)
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void eachDirectionRecordedApartGivesEveryWordItsSpeakerAndShowsTalkOver() throws Exception {
    Speech agentSpeech = speech("Thank you for calling, how can I help you today?");
    Speech customerSpeech = speech("I want to cancel my order right now.");
    int length = 9000;
    byte[] agent = new byte[length * RATE / 1000 * 2];
    byte[] customer = new byte[agent.length];
    System.arraycopy(agentSpeech.pcm(), 0, agent, 500 * RATE / 1000 * 2, agentSpeech.pcm().length);
    System.arraycopy(
        customerSpeech.pcm(), 0, customer, 1500 * RATE / 1000 * 2, customerSpeech.pcm().length);
    long customerAt = 1500 + customerSpeech.onsetMs();
    String callId = "qa-it-legs-" + UUID.randomUUID();
    Files.write(recordings.resolve(callId + ".wav"), wav(agent));
    Files.write(recordings.resolve(callId + "-in.wav"), wav(customer));
    Files.write(recordings.resolve(callId + "-out.wav"), wav(agent));

    callEnded(callId);

    JsonNode conversation = awaitState(callId, "DONE");
    StringBuilder agentWords = new StringBuilder();
    StringBuilder customerWords = new StringBuilder();
    for (JsonNode w : conversation.get("words")) {
      (w.get("speaker").asText().equals("AGENT") ? agentWords : customerWords)
          .append(w.get("word").asText())
          .append(' ');
      assertThat(w.get("speaker").asText()).isIn("AGENT", "CUSTOMER");
    }
    assertThat(agentWords.toString()).contains("thank", "calling");
    assertThat(customerWords.toString()).contains("cancel", "order");
    JsonNode talkOver = hit(conversation.get("score").get("hits"), "Talk-over");
    assertThat(talkOver.get("passed").asBoolean()).as(talkOver.toString()).isFalse();
    // Both speak from the customer's onset until the agent's last word: the hit lies in there (a
    // pause in the agent's sentence may split it, so it may begin at the agent's next phrase).
    long agentEnd = 500 + agentSpeech.offsetMs();
    assertThat(talkOver.get("startMs").asLong()).isBetween(customerAt - 500, agentEnd);
    assertThat(talkOver.get("endMs").asLong()).isLessThanOrEqualTo(agentEnd + 500);
  }

  @Test
  void aRecordingACrashedWorkerHeldIsTranscribedOnceAfterItsLeaseExpires() throws Exception {
    String done = "qa-it-done-" + UUID.randomUUID();
    Files.write(recordings.resolve(done + ".wav"), wav(speech("Thank you for calling.").pcm()));
    callEnded(done);
    awaitState(done, "DONE");
    Timestamp doneAt = transcribedAt(done);

    // A worker of an instance that then died claimed this one: its lease runs for 3 s more.
    String held = "qa-it-held-" + UUID.randomUUID();
    Path file = recordings.resolve(held + ".wav");
    Files.write(file, wav(speech("Goodbye.").pcm()));
    Instant now = Instant.now();
    jdbc.sql(
            """
            INSERT INTO qa_recording (conversation_id, recording, language, ended_at, state,
                not_before, lease_owner, lease_until, tries, enqueued_at)
            VALUES (?, ?, 'en', ?, 'PENDING', ?, 'crashed-instance', ?, 1, ?)
            """)
        .params(
            held,
            file.toAbsolutePath().toString(),
            Timestamp.from(now),
            Timestamp.from(now),
            Timestamp.from(now.plusSeconds(3)),
            Timestamp.from(now))
        .update();
    // The call-ended event delivered again after the restart changes nothing.
    callEnded(held);

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "DONE".equals(state(held)));

    assertThat(Duration.between(now, transcribedAt(held).toInstant()))
        .as("not before the crashed worker's lease expired")
        .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
    assertThat(tries(held)).as("claimed by the crashed worker, then once more").isEqualTo(2);
    assertThat(transcribedAt(done)).as("a transcribed recording is never redone").isEqualTo(doneAt);
    assertThat(tries(done)).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM qa_score WHERE conversation_id = ?")
                .param(held)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aCorruptRecordingFailsWithTheReasonAfterItsTries() throws Exception {
    String corrupt = "qa-it-corrupt-" + UUID.randomUUID();
    Files.write(
        recordings.resolve(corrupt + ".wav"),
        "ID3\u0003not a wav at all".getBytes(StandardCharsets.ISO_8859_1));
    callEnded(corrupt);

    JsonNode conversation = awaitState(corrupt, "FAILED");

    assertThat(conversation.get("summary").get("failure").asText()).contains("PCM 16-bit");
    assertThat(tries(corrupt)).isEqualTo(2);
    HttpResponse<String> review =
        send("POST", "/api/v1/qa/conversations/" + corrupt + "/review", "{\"score\":50}");
    assertThat(review.statusCode()).isEqualTo(409);
  }

  @Test
  void badRulesAndUnknownConversationsAreRefusedWithTheReason() throws Exception {
    HttpResponse<String> noPhrases =
        send(
            "POST",
            "/api/v1/qa/rules",
            "{\"name\":\"x\",\"kind\":\"REQUIRED_PHRASE\",\"section\":\"s\",\"phrases\":[]}");
    assertThat(noPhrases.statusCode()).isEqualTo(400);
    assertThat(noPhrases.body()).contains("phrases");

    HttpResponse<String> french =
        send(
            "POST",
            "/api/v1/qa/rules",
            "{\"name\":\"x\",\"kind\":\"MAX_SILENCE\",\"section\":\"s\",\"limitSeconds\":2,"
                + "\"language\":\"fr\"}");
    assertThat(french.statusCode()).isEqualTo(400);
    assertThat(french.body()).contains("language must be en or zh");

    HttpResponse<String> unknown = send("GET", "/api/v1/qa/conversations/nope", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("conversation-not-found");

    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/qa/rules")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  private void callEnded(String callId) {
    Instant now = Instant.now();
    tx.executeWithoutResult(
        status ->
            events.publishEvent(
                new CallEnded(
                    callId,
                    callId,
                    "PJSIP/customer-0001",
                    "customer",
                    "4000",
                    null,
                    16,
                    "Normal Clearing",
                    now.minusSeconds(20),
                    now.minusSeconds(19),
                    now,
                    20,
                    19)));
  }

  private JsonNode awaitState(String callId, String state) throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> state.equals(state(callId)));
    HttpResponse<String> response = send("GET", "/api/v1/qa/conversations/" + callId, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private String state(String callId) {
    return jdbc.sql("SELECT state FROM qa_recording WHERE conversation_id = ?")
        .param(callId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private int tries(String callId) {
    return jdbc.sql("SELECT tries FROM qa_recording WHERE conversation_id = ?")
        .param(callId)
        .query(Integer.class)
        .single();
  }

  private Timestamp transcribedAt(String callId) {
    return jdbc.sql("SELECT transcribed_at FROM qa_recording WHERE conversation_id = ?")
        .param(callId)
        .query(Timestamp.class)
        .single();
  }

  private static JsonNode hit(JsonNode hits, String rule) {
    for (JsonNode hit : hits) {
      if (rule.equals(hit.get("ruleName").asText())) {
        return hit;
      }
    }
    throw new AssertionError("no hit of rule " + rule + " in " + hits);
  }

  /** Synthesized speech with where its sound starts and ends (MaryTTS pads with silence). */
  record Speech(byte[] pcm, long onsetMs, long offsetMs) {}

  private Speech speech(String text) {
    byte[] pcm = tts.synthesize(text, null).pcm16le8k();
    ByteBuffer samples = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
    int first = -1;
    int last = -1;
    for (int i = 0; i < pcm.length / 2; i++) {
      if (Math.abs(samples.getShort(i * 2)) > 800) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    return new Speech(pcm, first * 1000L / RATE, last * 1000L / RATE);
  }

  private static byte[] silence(int ms) {
    return new byte[ms * RATE / 1000 * 2];
  }

  private static byte[] wav(byte[] pcm16le) {
    ByteBuffer b = ByteBuffer.allocate(44 + pcm16le.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm16le.length);
    b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
    b.putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm16le.length).put(pcm16le);
    return b.array();
  }

  private HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", admin)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static final String PASSWORD = "qa-it-" + UUID.randomUUID();

  private String user(String role) throws Exception {
    String user =
        role.toLowerCase(java.util.Locale.ROOT)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/users",
            """
            {"username": "%s", "password": "%s", "roles": ["%s"]}
            """
                .formatted(user, PASSWORD, role));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return user;
  }

  private HttpResponse<String> sendAs(String user, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}

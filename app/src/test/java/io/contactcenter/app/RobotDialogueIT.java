package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.outboundrobot.DoNotCallRequested;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Repository;
import io.contactcenter.testinfra.RobotApi;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * The robot on a live call through the real Asterisk: it speaks synthesized prompts over the call's
 * media stream, a SIPp customer answers by voice (MaryTTS speech at 8 kHz sent as RTP) while the
 * question is still playing, and the robot stops talking, recognizes the reply, labels it and ends
 * the call with the right outcome.
 */
@ContactCenterIT
class RobotDialogueIT {

  static LocalAsterisk asterisk;

  @LocalServerPort int port;
  @Autowired HealthEndpoint health;
  @Autowired SpeechSynthesizer tts;
  @Autowired CapturedEvents events;

  @BeforeAll
  static void startAsterisk() {
    asterisk = TestInfrastructure.asterisk();
  }

  @BeforeEach
  void amiIsUp() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> health.healthForPath("ami").getStatus().equals(Status.UP));
  }

  @Test
  void aCustomerWhoAgreesWhileTheQuestionPlaysIsHeardAndLabelled() throws Exception {
    JsonNode attempt = callCustomerWhoSays("Yes, I will pay it today.");

    assertThat(attempt.get("dialOutcome").asText()).isEqualTo("ANSWERED");
    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("AGREED");
    JsonNode callee = lastCalleeTurn(attempt);
    assertThat(callee.get("text").asText()).contains("pay");
    assertThat(callee.get("label").asText()).isEqualTo("agree");
    assertThat(attempt.get("recording").asText()).endsWith(".wav");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> Files.exists(asterisk.recordings().resolve(attempt.get("recording").asText())));

    // QA and ops play it from the call page.
    RobotApi api = new RobotApi(port);
    HttpResponse<byte[]> recording =
        api.getBytes("/api/v1/calls/" + attempt.get("callId").asText() + "/recording");
    assertThat(recording.statusCode()).isEqualTo(200);
    assertThat(new String(recording.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(recording.body().length).isGreaterThan(8000);
    HttpResponse<String> page = api.get("/robot/calls/" + attempt.get("attemptId").asText());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("data-attempt=\"" + attempt.get("attemptId").asText() + "\"");
  }

  @Test
  void aCustomerWhoSaysStopCallingIsPutOnTheDoNotCallList() throws Exception {
    JsonNode attempt = callCustomerWhoSays("Please stop calling me.");

    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("DO_NOT_CALL");
    assertThat(lastCalleeTurn(attempt).get("label").asText()).isEqualTo("do_not_call");
    String id = attempt.get("attemptId").asText();
    // Announced right after the attempt is stored as finished.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                events.ofType(DoNotCallRequested.class).stream()
                    .anyMatch(e -> e.attemptId().equals(id)));
  }

  @Test
  void aCustomerWhoStaysSilentIsAskedAgainThenLeftAlone() throws Exception {
    JsonNode attempt = callCustomerWhoSays(null);

    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("NO_RESPONSE");
    boolean reprompted = false;
    for (JsonNode turn : attempt.get("turns")) {
      reprompted |= turn.get("text").asText().startsWith("Sorry, I didn't catch that");
    }
    assertThat(reprompted).as("re-prompted once: %s", attempt).isTrue();
  }

  /**
   * Places a robot call to a SIPp customer who, a moment into the question (after the disclosure),
   * says {@code words}; {@code null} for a customer who never speaks.
   */
  private JsonNode callCustomerWhoSays(String words) throws Exception {
    Duration disclosure = tts.synthesize(disclosureText("Acme Shop"), null).duration();
    byte[] reply = words == null ? new byte[0] : tts.synthesize(words, null).pcm16le8k();
    Path dir = Files.createTempDirectory("customer");
    writeUlawWav(
        dir.resolve("customer-says.ulaw.wav"),
        silence(disclosure.plusMillis(4500)),
        reply,
        silence(Duration.ofSeconds(words == null ? 60 : 3)));

    try (Sipp.Answering phone =
        Sipp.scenario("uas-answer.xml")
            .workingDirectory(dir)
            .timeout(Duration.ofSeconds(120))
            .answerOn(asterisk.ports().trunk())) {
      RobotApi api = new RobotApi(port);
      return api.awaitFinished(api.placeBalanceReminder(), Duration.ofSeconds(120));
    }
  }

  private static JsonNode lastCalleeTurn(JsonNode attempt) {
    JsonNode callee = null;
    for (JsonNode turn : attempt.get("turns")) {
      if ("CALLEE".equals(turn.get("speaker").asText())) {
        callee = turn;
      }
    }
    assertThat(callee).as("a callee turn in %s", attempt).isNotNull();
    return callee;
  }

  @SuppressWarnings("unchecked")
  private static String disclosureText(String merchant) throws Exception {
    Path script =
        Repository.root()
            .resolve("outbound-robot/src/main/resources/scripts/balance-reminder.yaml");
    Map<String, Object> yaml = new Yaml().load(Files.readString(script));
    Map<String, Object> steps = (Map<String, Object>) yaml.get("steps");
    Map<String, Object> disclosure = (Map<String, Object>) steps.get(yaml.get("start"));
    Map<String, String> say = (Map<String, String>) disclosure.get("say");
    return say.get("en").replace("${merchant}", merchant);
  }

  private static byte[] silence(Duration d) {
    return new byte[(int) (d.toMillis() * 16)];
  }

  /** A G.711 µ-law WAV (what SIPp streams as-is after the 44-byte header). */
  private static void writeUlawWav(Path file, byte[]... pcmParts) throws Exception {
    ByteArrayOutputStream ulaw = new ByteArrayOutputStream();
    for (byte[] pcm : pcmParts) {
      ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
      while (b.remaining() >= 2) {
        ulaw.write(linearToUlaw(b.getShort()));
      }
    }
    byte[] data = ulaw.toByteArray();
    ByteBuffer h = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.length);
    h.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
        .putInt(16)
        .putShort((short) 7)
        .putShort((short) 1);
    h.putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8);
    h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
    Files.write(file, h.array());
  }

  /** ITU-T G.711 µ-law encoding of one 16-bit sample. */
  private static int linearToUlaw(int sample) {
    int sign = (sample >> 8) & 0x80;
    if (sign != 0) {
      sample = -sample;
    }
    sample = Math.min(sample, 32635) + 0x84;
    int exponent = 7;
    for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (sample >> (exponent + 3)) & 0x0F;
    return ~(sign | (exponent << 4) | mantissa) & 0xFF;
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.pbx.CallControl;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.CustomerVoice;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.RobotApi;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.SpeechFailureInjection;
import io.contactcenter.testinfra.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Callees who misbehave and speech engines that break, on live robot calls through the real
 * Asterisk to a line of SIPp phones ({@code uas-bad-input.xml}): one who shouts, one who screams
 * (so loud that the words are clipped beyond recognition), one who presses keys the question does
 * not offer, one who hangs up while the robot asks, one who hangs up in the middle of a reply the
 * robot is recognizing, and two whose calls lose the synthesizer or the recognizer mid-call
 * (injected by {@link SpeechFailureInjection}; everything else is real).
 *
 * <p>Each ends in a defined outcome, and nothing is left behind: the attempt is finished with the
 * call's end recorded, Asterisk has no channel left, every SIP dialog ended cleanly (the phones'
 * scenario passed) and the open-recognizer gauge is back where it was. The seven calls run at once.
 */
@ContactCenterIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RobotBadInputIT {

  /** Each callee, by the last digit of the number the phones' scenario tells them apart by. */
  enum Callee {
    SHOUTS('1', "Li Lei"),
    PRESSES_RANDOM_KEYS('2', "Li Lei"),
    HANGS_UP_WHILE_ASKED('3', "Li Lei"),
    HANGS_UP_WHILE_HEARD('4', "Li Lei"),
    LOSES_THE_ROBOTS_VOICE('5', SpeechFailureInjection.FAIL_TTS),
    LOSES_THE_ROBOTS_HEARING('6', SpeechFailureInjection.FAIL_ASR),
    SCREAMS('7', "Li Lei");

    final char line;
    final String name;

    Callee(char line, String name) {
      this.line = line;
      this.name = name;
    }
  }

  private static final String GAUGE = "cc.asrtts.recognizers.open";

  @LocalServerPort int port;
  @Autowired HealthEndpoint health;
  @Autowired SpeechSynthesizer tts;
  @Autowired MeterRegistry meters;
  @Autowired CallControl calls;

  private LocalAsterisk asterisk;
  private final Map<Callee, JsonNode> attempts = new EnumMap<>(Callee.class);
  private Sipp.Result phones;
  private double recognizersBefore;

  @BeforeAll
  void callEveryCalleeAtOnce() throws Exception {
    asterisk = TestInfrastructure.asterisk();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> health.healthForPath("ami").getStatus().equals(Status.UP));
    recognizersBefore = recognizersOpen();

    // The phones act a moment into the question that follows the disclosure.
    Duration disclosure =
        tts.synthesize(CustomerVoice.balanceReminderDisclosure("Acme Shop"), null).duration();
    Duration intoQuestion = disclosure.plusMillis(4500);
    Path dir = Files.createTempDirectory("bad-input");
    byte[] yes = tts.synthesize("Yes, I will pay it today.", null).pcm16le8k();
    // MaryTTS peaks at about 80 % of full scale: three times louder clips ~5 % of the speech
    // samples (a shout), eight times ~35 % (a scream that Vosk hears as other words).
    CustomerVoice.write(
        dir.resolve("customer-shouts.ulaw.wav"),
        intoQuestion,
        louder(yes, 3),
        Duration.ofSeconds(3));
    CustomerVoice.write(
        dir.resolve("customer-screams.ulaw.wav"),
        intoQuestion,
        louder(yes, 8),
        Duration.ofSeconds(3));
    CustomerVoice.write(
        dir.resolve("customer-talks-on.ulaw.wav"),
        intoQuestion,
        tts.synthesize(
                "Well, I am not really sure about this payment yet, because I still have to check"
                    + " my bank account and talk to my wife about the order first.",
                null)
            .pcm16le8k(),
        Duration.ofSeconds(3));
    CustomerVoice.write(
        dir.resolve("customer-says.ulaw.wav"), intoQuestion, yes, Duration.ofSeconds(3));

    try (Sipp.Answering line =
        Sipp.scenario("uas-bad-input.xml")
            .workingDirectory(dir)
            .calls(Callee.values().length)
            // Keys and the silent hang-up 3 s after the disclosure, the mid-reply hang-up 4.5 s
            // after that: the callee has been talking for 3 s then.
            .pause(disclosure.plusSeconds(3))
            .key("keys", "7")
            .key("more_keys", "#")
            .timeout(Duration.ofSeconds(150))
            .answerOn(asterisk.ports().trunk())) {
      RobotApi api = new RobotApi(port);
      Map<Callee, String> ids = new EnumMap<>(Callee.class);
      for (Callee callee : Callee.values()) {
        ids.put(callee, place(api, callee));
      }
      for (Callee callee : Callee.values()) {
        attempts.put(callee, api.awaitFinished(ids.get(callee), Duration.ofSeconds(120)));
      }
      phones = line.await(Duration.ofSeconds(60));
    }
  }

  @Test
  void aCalleeWhoShoutsIsStillUnderstood() {
    JsonNode attempt = attempts.get(Callee.SHOUTS);

    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("AGREED");
    JsonNode reply = lastTurnOf(attempt, "CALLEE");
    assertThat(reply.get("label").asText()).isEqualTo("agree");
    // The words themselves vary with the clipped audio (on a loaded machine "yeah i will pay" came
    // back as "yeah i will"); what the callee relies on is that a shouted yes counts as a yes.
    assertThat(reply.get("text").asText()).isNotBlank();
  }

  @Test
  void aCalleeWhoScreamsBeyondRecognitionIsAskedAgainNotMisunderstood() {
    JsonNode attempt = attempts.get(Callee.SCREAMS);

    // Whatever Vosk made of it is not taken for an answer: the re-prompt offers the keypad, and
    // the callee, silent after the scream, is left alone.
    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("NO_RESPONSE");
    List<JsonNode> turns = turns(attempt);
    JsonNode scream = null;
    for (JsonNode turn : turns) {
      if ("CALLEE".equals(turn.get("speaker").asText()) && !turn.get("text").asText().isEmpty()) {
        scream = turn;
        break;
      }
    }
    assertThat(scream).as("the scream as heard in %s", attempt).isNotNull();
    // The words and their label vary with the clipped audio: usually nothing the classifier can
    // label, once in CI "i would" (refuse, 0.68, not confident enough to act on). What the callee
    // relies on is that it is not taken at its word: the robot's next words ask again.
    assertThat(turns.get(turns.indexOf(scream) + 1).get("text").asText())
        .as(attempt.toString())
        .startsWith("Sorry, I didn't catch that");
  }

  @Test
  void keysTheQuestionDoesNotOfferAreRepromptedThenTheRobotGivesUp() {
    JsonNode attempt = attempts.get(Callee.PRESSES_RANDOM_KEYS);

    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("NO_RESPONSE");
    List<JsonNode> turns = turns(attempt);
    List<String> keys = new ArrayList<>();
    for (JsonNode turn : turns) {
      if (!turn.get("dtmf").isNull()) {
        keys.add(turn.get("dtmf").asText());
        assertThat(turn.get("label").isNull()).as(turn.toString()).isTrue();
      }
    }
    assertThat(keys).as(attempt.toString()).containsExactly("7", "#");
    // The first key cut the question short and got the re-prompt that lists the keys that work.
    int first = indexOfKey(turns, "7");
    assertThat(turns.get(first - 1).get("step").asText()).isEqualTo("ask_payment");
    assertThat(turns.get(first + 1).get("text").asText())
        .startsWith("Sorry, I didn't catch that")
        .contains("Press 1");
    assertThat(lastTurnOf(attempt, "ROBOT").get("step").asText()).isEqualTo("no_response");
  }

  @Test
  void aCalleeWhoHangsUpWhileAskedEndsHungUp() {
    JsonNode attempt = attempts.get(Callee.HANGS_UP_WHILE_ASKED);

    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("HUNG_UP");
    List<JsonNode> turns = turns(attempt);
    assertThat(turns).extracting(t -> t.get("speaker").asText()).containsOnly("ROBOT");
    assertThat(turns.getLast().get("step").asText()).isEqualTo("ask_payment");
  }

  @Test
  void aCalleeWhoHangsUpMidReplyEndsHungUp() {
    JsonNode attempt = attempts.get(Callee.HANGS_UP_WHILE_HEARD);

    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("HUNG_UP");
    assertThat(turns(attempt).getLast().get("step").asText()).isEqualTo("ask_payment");
  }

  @Test
  void aSynthesizerThatFailsMidCallEndsItFailedAndTheRobotHangsUp() {
    JsonNode attempt = attempts.get(Callee.LOSES_THE_ROBOTS_VOICE);

    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("FAILED");
    assertThat(attempt.get("failure").asText()).contains("injected synthesizer failure");
    assertThat(lastTurnOf(attempt, "ROBOT").get("text").asText())
        .startsWith("We're sorry, we can't continue this call");
  }

  @Test
  void aRecognizerThatFailsMidReplyEndsItFailedAndTheRobotHangsUp() {
    JsonNode attempt = attempts.get(Callee.LOSES_THE_ROBOTS_HEARING);

    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("FAILED");
    assertThat(attempt.get("failure").asText()).contains("injected recognizer failure");
    assertThat(lastTurnOf(attempt, "ROBOT").get("text").asText())
        .startsWith("We're sorry, we can't continue this call");
  }

  @Test
  void everyCallReleasedItsChannelDialogAndRecognizers() throws Exception {
    // Every SIP dialog ended cleanly: BYE and 200 OK, whichever side hung up (and the keys' INFOs
    // were answered).
    assertThat(phones.succeeded()).as(phones.output()).isTrue();
    RobotApi api = new RobotApi(port);
    for (Callee callee : Callee.values()) {
      String id = attempts.get(callee).get("attemptId").asText();
      String callId = attempts.get(callee).get("callId").asText();
      assertThat(attempts.get(callee).get("dialOutcome").asText()).isEqualTo("ANSWERED");
      // The hangup reached the attempt, and Asterisk holds nothing for the call.
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> {
                JsonNode now = api.attempt(id);
                assertThat(now.get("status").asText()).isEqualTo("FINISHED");
                assertThat(now.get("endedAt").isNull()).as("%s: %s", callee, now).isFalse();
                assertThat(asterisk.cli("core show channels concise"))
                    .as("%s's channel", callee)
                    .doesNotContain(callId);
                assertThat(calls.activeAttemptIds()).doesNotContain(id);
              });
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(recognizersOpen()).isEqualTo(recognizersBefore));
  }

  private String place(RobotApi api, Callee callee) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode variables = (ObjectNode) json.readTree(RobotApi.BALANCE_VARIABLES);
    variables.put("customer_name", callee.name);
    ObjectNode body = json.createObjectNode();
    body.put("phone", "+861380013800" + callee.line);
    body.put("campaignType", "balance");
    body.set("variables", variables);
    HttpResponse<String> placed = api.place(body.toString());
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
    return json.readTree(placed.body()).get("attemptId").asText();
  }

  private double recognizersOpen() {
    return meters.get(GAUGE).gauge().value();
  }

  /** {@code times} louder, clipped at full scale: a callee shouting into the phone. */
  private static byte[] louder(byte[] pcm16le, int times) {
    ByteBuffer in = ByteBuffer.wrap(pcm16le).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer out = ByteBuffer.allocate(pcm16le.length).order(ByteOrder.LITTLE_ENDIAN);
    while (in.remaining() >= 2) {
      int loud = in.getShort() * times;
      out.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, loud)));
    }
    return out.array();
  }

  private static List<JsonNode> turns(JsonNode attempt) {
    List<JsonNode> turns = new ArrayList<>();
    attempt.get("turns").forEach(turns::add);
    assertThat(turns).as(attempt.toString()).isNotEmpty();
    return turns;
  }

  private static int indexOfKey(List<JsonNode> turns, String key) {
    for (int i = 0; i < turns.size(); i++) {
      if (key.equals(turns.get(i).get("dtmf").asText(null))) {
        return i;
      }
    }
    throw new AssertionError("no key " + key + " in " + turns);
  }

  private static JsonNode lastTurnOf(JsonNode attempt, String speaker) {
    JsonNode last = null;
    for (JsonNode turn : attempt.get("turns")) {
      if (speaker.equals(turn.get("speaker").asText())) {
        last = turn;
      }
    }
    assertThat(last).as("a %s turn in %s", speaker, attempt).isNotNull();
    return last;
  }
}

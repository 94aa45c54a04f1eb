package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.outboundrobot.CallbackRequested;
import io.contactcenter.outboundrobot.DoNotCallRequested;
import io.contactcenter.outboundrobot.HumanTransferRequested;
import io.contactcenter.pbx.CallQueued;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Repository;
import io.contactcenter.testinfra.RobotApi;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * The robot on a live call through the real Asterisk: it speaks synthesized prompts over the call's
 * media stream, a SIPp customer answers by voice (MaryTTS speech at 8 kHz sent as RTP) while the
 * question is still playing, and the robot stops talking, recognizes the reply, labels it and ends
 * the call with the right outcome. One customer per reply the balance-reminder script handles, one
 * who stays silent, and a voicemail greeting.
 */
@ContactCenterIT
@WithSharedAsterisk
class RobotDialogueIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  @LocalServerPort int port;
  @Autowired SpeechSynthesizer tts;
  @Autowired CapturedEvents events;

  @Value("${cc.outboundrobot.zone}")
  ZoneId robotZone;

  @Test
  void aCustomerWhoAgreesWhileTheQuestionPlaysIsHeardAndLabelled() throws Exception {
    JsonNode attempt = callCustomerWhoSays("Yes, I will pay it today.");

    assertThat(attempt.get("dialOutcome").asText()).isEqualTo("ANSWERED");
    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("AGREED");
    JsonNode callee = lastCalleeTurn(attempt);
    assertThat(callee.get("text").asText()).contains("pay");
    assertThat(callee.get("label").asText()).isEqualTo("agree");
    // The label was voted over the recognizer's 5 best transcripts; its share is stored and held
    // the script's min_vote_share (ADR 0049).
    assertThat(callee.get("confidence").asDouble()).isBetween(0.6, 1.0);
    // Barge-in: the reply was taken while the question would still have been playing.
    JsonNode question = turnBefore(attempt, callee);
    Duration questionLength = tts.synthesize(question.get("text").asText(), null).duration();
    assertThat(instant(callee)).isBefore(instant(question).plus(questionLength));
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

    // Other systems get the result on the versioned topics, keyed by attempt id: the dialogue
    // with its turns, and the attempt's end once the call is down too (ids as plain strings).
    String attemptId = attempt.get("attemptId").asText();
    assertThat(awaitRecord("cc.robot.dialogue-completed.v1", attemptId))
        .contains("\"outcome\":\"AGREED\"")
        .contains("\"turns\"");
    assertThat(awaitRecord("cc.robot.attempt-ended.v1", attemptId))
        .contains("\"attemptId\":\"" + attemptId + "\"")
        .contains("\"dialOutcome\":\"ANSWERED\"")
        .contains("\"outcome\":\"AGREED\"")
        .contains("\"label\":\"agree\"")
        .contains("\"endedAt\"");
  }

  /** The value of the first record on {@code topic} keyed {@code key}, within 30 s. */
  private static String awaitRecord(String topic, String key) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.services().kafka(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "robot-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      return await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                  if (key.equals(r.key())) {
                    return r.value();
                  }
                }
                return null;
              },
              r -> r != null);
    }
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

  /**
   * A Chinese call: no Chinese recognition model exists here, so the robot speaks Chinese (the
   * Mandarin voice) and the customer answers with a key, pressed while the question plays.
   */
  @Test
  void aChineseCustomerHearsChineseAndAnswersWithAKey() throws Exception {
    Duration disclosure = tts.synthesize(disclosureText("Acme Shop", "zh"), null).duration();
    Path messages = Files.createTempFile("sipp-keys-", ".log");
    String attemptId;
    JsonNode attempt;
    try (Sipp.Answering phone =
        Sipp.scenario("uas-answer-keys.xml")
            .pause(disclosure.plusMillis(2500))
            .key("digit", "1")
            .traceMessages(messages)
            .timeout(Duration.ofSeconds(120))
            .answerOn(asterisk.ports().trunk())) {
      RobotApi api = new RobotApi(port);
      HttpResponse<String> placed =
          api.place(
              "{\"phone\":\"+8613800138000\",\"campaignType\":\"balance\","
                  + "\"language\":\"zh\",\"variables\":"
                  + RobotApi.BALANCE_VARIABLES
                  + "}");
      assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
      attemptId =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(placed.body())
              .get("attemptId")
              .asText();
      attempt = api.awaitFinished(attemptId, Duration.ofSeconds(120));
      Sipp.Result result = phone.await(Duration.ofSeconds(30));
      assertThat(result.succeeded())
          .as("%s%n%s", result.output(), Files.exists(messages) ? Files.readString(messages) : "")
          .isTrue();
    }

    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("AGREED");
    JsonNode key = lastCalleeTurn(attempt);
    assertThat(key.get("dtmf").asText()).as(attempt.toString()).isEqualTo("1");
    assertThat(turnBefore(attempt, key).get("text").asText()).contains("尾款一千二百九十九元五角");
    assertThat(lastRobotTurn(attempt).get("text").asText()).containsPattern("\\p{IsHan}");
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

  @Test
  void aCustomerWhoHasAlreadyPaidIsThankedAndLeftAlone() throws Exception {
    JsonNode attempt = callCustomerWhoSays("I already paid it yesterday.");

    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("ALREADY_DONE");
    assertThat(lastCalleeTurn(attempt).get("label").asText()).isEqualTo("already_done");
    assertThat(lastRobotTurn(attempt).get("text").asText()).startsWith("Thank you");
  }

  @Test
  void aCustomerWhoRefusesIsRecordedAsRefused() throws Exception {
    JsonNode attempt = callCustomerWhoSays("No, I will not pay, cancel the order.");

    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("REFUSED");
    assertThat(lastCalleeTurn(attempt).get("label").asText()).isEqualTo("refuse");
  }

  @Test
  void aCustomerWhoNamesATimeIsCalledBackThenInTheirZone() throws Exception {
    JsonNode attempt =
        callCustomerWhoSays(
            "I am busy right now. Please call me back tomorrow at ten in the morning.");

    assertThat(attempt.get("outcome").asText())
        .as(attempt.toString())
        .isEqualTo("CALLBACK_SCHEDULED");
    JsonNode callee = lastCalleeTurn(attempt);
    assertThat(callee.get("label").asText()).isEqualTo("call_back_later");
    // "tomorrow at ten" is 10:00 in the robot's zone (Asia/Shanghai in tests, not the JVM's UTC),
    // on the day after the one on which it was said there.
    ZonedDateTime said = instant(callee).atZone(robotZone);
    Instant expected =
        said.toLocalDate().plusDays(1).atTime(LocalTime.of(10, 0)).atZone(robotZone).toInstant();
    assertThat(Instant.parse(attempt.get("callbackAt").asText())).isEqualTo(expected);
    String id = attempt.get("attemptId").asText();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                events.ofType(CallbackRequested.class).stream()
                    .anyMatch(e -> e.attemptId().equals(id) && e.callbackAt().equals(expected)));
  }

  @Test
  void aCustomerWhoAsksForAPersonIsQueuedAndCalledBackWhenNoAgentIsFree() throws Exception {
    RobotApi api = new RobotApi(port);
    Call call =
        call(
            customerAudio("Can I talk to a real person please?"),
            attempt -> {
              String id = attempt.get("attemptId").asText();
              // The call really entered the script's queue in Asterisk (AMI QueueCallerJoin).
              await()
                  .atMost(Duration.ofSeconds(30))
                  .until(
                      () ->
                          events.ofType(CallQueued.class).stream()
                              .anyMatch(
                                  q -> id.equals(q.attemptId()) && q.queue().equals("billing")));
              // No agent is logged in: the robot takes the call back and promises a callback.
              await()
                  .atMost(Duration.ofSeconds(60))
                  .until(() -> api.attempt(id), a -> !a.get("callbackAt").isNull());
            });

    // The attempt may already carry the robot's words after the queue (the queue lets an empty
    // line go within a second of the transfer), so read it once the phone is down.
    String id = call.attempt().get("attemptId").asText();
    JsonNode attempt = api.attempt(id);
    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("TRANSFERRED");
    assertThat(lastCalleeTurn(attempt).get("label").asText()).isEqualTo("request_human");
    assertThat(events.ofType(HumanTransferRequested.class))
        .anyMatch(e -> e.attemptId().equals(id) && e.queue().equals("billing"));
    List<String> robotSaid = new ArrayList<>();
    for (JsonNode turn : attempt.get("turns")) {
      if ("ROBOT".equals(turn.get("speaker").asText())) {
        robotSaid.add(turn.get("text").asText());
      }
    }
    assertThat(robotSaid.get(robotSaid.size() - 2)).contains("Please hold");
    assertThat(robotSaid.getLast()).startsWith("I'm sorry, nobody from our team is free right now");
    Instant callbackAt = Instant.parse(attempt.get("callbackAt").asText());
    assertThat(callbackAt).isAfter(instant(lastRobotTurn(attempt)));
    assertThat(events.ofType(CallbackRequested.class))
        .anyMatch(e -> e.attemptId().equals(id) && e.callbackAt().equals(callbackAt));
    // Routing and tickets in other processes get both requests on their topics.
    assertThat(awaitRecord("cc.robot.human-transfer-requested.v1", id))
        .contains("\"queue\":\"billing\"")
        .contains("\"transcript\"");
    assertThat(awaitRecord("cc.robot.callback-requested.v1", id))
        .contains("\"attemptId\":\"" + id + "\"")
        .contains("\"callbackAt\"");
    // ... and hangs up: the customer's phone got its BYE, nobody was left on hold.
    assertThat(call.phone().succeeded()).as(call.phone().output()).isTrue();
  }

  @Test
  void aVoicemailGreetingEndsTheCallAsVoicemailWithoutADialogue() throws Exception {
    byte[] greeting =
        tts.synthesize(
                "Hi, you have reached the voicemail of John. I am not available right now."
                    + " Please leave a message after the tone.",
                null)
            .pcm16le8k();

    JsonNode attempt =
        call(
                List.of(silence(Duration.ofSeconds(1)), greeting, silence(Duration.ofSeconds(30))),
                finished -> {})
            .attempt();

    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("VOICEMAIL");
    assertThat(attempt.get("dialOutcome").asText()).isEqualTo("VOICEMAIL");
    // The disclosure, then the greeting as heard, unlabelled: no question was asked.
    JsonNode turns = attempt.get("turns");
    assertThat(turns).hasSize(2);
    assertThat(turns.get(0).get("speaker").asText()).isEqualTo("ROBOT");
    assertThat(turns.get(0).get("step").asText()).isEqualTo("disclosure");
    assertThat(turns.get(0).get("text").asText()).startsWith("Hello, this is an automated call");
    JsonNode greetingTurn = turns.get(1);
    // The greeting did not cut the disclosure short: the robot decided only after playing it all
    // (less a frame or two of pacing).
    Duration disclosure = tts.synthesize(turns.get(0).get("text").asText(), null).duration();
    assertThat(instant(greetingTurn))
        .isAfter(instant(turns.get(0)).plus(disclosure).minusMillis(500));
    assertThat(greetingTurn.get("speaker").asText()).isEqualTo("CALLEE");
    assertThat(greetingTurn.get("label").isNull()).as(greetingTurn.toString()).isTrue();
    assertThat(greetingTurn.get("text").asText()).contains("message");
  }

  /** What the test does while the customer's phone is still on the call. */
  @FunctionalInterface
  private interface WhileOnCall {
    void check(JsonNode finishedAttempt) throws Exception;
  }

  /** A call as the robot stored it when it finished, and as the customer's phone saw it end. */
  private record Call(JsonNode attempt, Sipp.Result phone) {}

  /**
   * Places a robot call to a SIPp customer who, a moment into the question (after the disclosure),
   * says {@code words}; {@code null} for a customer who never speaks.
   */
  private JsonNode callCustomerWhoSays(String words) throws Exception {
    return call(customerAudio(words), attempt -> {}).attempt();
  }

  /** Silence through the disclosure and into the question, then {@code words}, then silence. */
  private List<byte[]> customerAudio(String words) throws Exception {
    Duration disclosure = tts.synthesize(disclosureText("Acme Shop"), null).duration();
    byte[] reply = words == null ? new byte[0] : tts.synthesize(words, null).pcm16le8k();
    return List.of(
        silence(disclosure.plusMillis(4500)),
        reply,
        silence(Duration.ofSeconds(words == null ? 60 : 3)));
  }

  /**
   * Places a balance-reminder call to a SIPp phone that answers and sends {@code audio}; waits
   * until the attempt is finished, runs {@code whileOnCall}, then waits for the phone to be hung
   * up.
   */
  private Call call(List<byte[]> audio, WhileOnCall whileOnCall) throws Exception {
    Path dir = Files.createTempDirectory("customer");
    writeUlawWav(dir.resolve("customer-says.ulaw.wav"), audio.toArray(byte[][]::new));

    try (Sipp.Answering phone =
        Sipp.scenario("uas-answer.xml")
            .workingDirectory(dir)
            .timeout(Duration.ofSeconds(120))
            .answerOn(asterisk.ports().trunk())) {
      RobotApi api = new RobotApi(port);
      JsonNode attempt = api.awaitFinished(api.placeBalanceReminder(), Duration.ofSeconds(120));
      whileOnCall.check(attempt);
      return new Call(attempt, phone.await(Duration.ofSeconds(30)));
    }
  }

  private static JsonNode lastCalleeTurn(JsonNode attempt) {
    return lastTurnOf(attempt, "CALLEE");
  }

  private static JsonNode lastRobotTurn(JsonNode attempt) {
    return lastTurnOf(attempt, "ROBOT");
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

  private static JsonNode turnBefore(JsonNode attempt, JsonNode turn) {
    JsonNode before = null;
    for (JsonNode t : attempt.get("turns")) {
      if (t.equals(turn)) {
        assertThat(before).as("a turn before %s", turn).isNotNull();
        return before;
      }
      before = t;
    }
    throw new AssertionError(turn + " is not a turn of " + attempt);
  }

  private static Instant instant(JsonNode turn) {
    return Instant.parse(turn.get("at").asText());
  }

  @SuppressWarnings("unchecked")
  private static String disclosureText(String merchant) throws Exception {
    return disclosureText(merchant, "en");
  }

  @SuppressWarnings("unchecked")
  private static String disclosureText(String merchant, String language) throws Exception {
    Path script =
        Repository.root()
            .resolve("outbound-robot/src/main/resources/scripts/balance-reminder.yaml");
    Map<String, Object> yaml = new Yaml().load(Files.readString(script));
    Map<String, Object> steps = (Map<String, Object>) yaml.get("steps");
    Map<String, Object> disclosure = (Map<String, Object>) steps.get(yaml.get("start"));
    Map<String, String> say = (Map<String, String>) disclosure.get("say");
    return say.get(language).replace("${merchant}", merchant);
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

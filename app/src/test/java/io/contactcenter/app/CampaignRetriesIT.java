package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.CustomerVoice;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.RobotApi;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The retries a campaign owes its contacts, against the real Asterisk and SIPp customers (what
 * {@link CampaignIT} does not show): a contact whose phone rings out unanswered is dialed again no
 * sooner than {@code cc.campaigns.retry.no-answer} later and reached; a contact who says "call me
 * back in two minutes" is dialed again at the time they named, not before, and reached.
 *
 * <p>Two phases, each one SIPp process behind the test trunk. First {@code uas-answer-or-ring.xml}:
 * the number ending in 0 rings until Asterisk gives up (the robot's ring timeout), the other
 * answers and, a moment into the question after the disclosure, asks for the callback. Then {@code
 * uas-answer.xml}: whoever is called agrees to pay.
 *
 * <p>Every part runs on the real clock: the callee names a time relative to now, as customers do,
 * and the robot's reply analysis resolves it (to the minute, so the callback is one to two minutes
 * after the reply); the no-answer spacing is shortened for tests in {@link ContactCenterIT}. A fake
 * clock would have to be shared by the dialer, the robot, PostgreSQL and Asterisk's event times to
 * prove anything, so none is used. The test takes about 3 minutes, most of it the callback's wait.
 */
@ContactCenterIT
@WithSharedAsterisk
class CampaignRetriesIT {

  private static final String RINGS_OUT = "Rings Out";
  private static final String CALL_ME_LATER = "Call Me Later";
  private static final String RINGS_OUT_NUMBER = "13700137010";
  private static final String CALL_ME_LATER_NUMBER = "13700137011";

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  @LocalServerPort int port;
  @Autowired SpeechSynthesizer tts;

  @Value("${cc.campaigns.retry.no-answer}")
  Duration noAnswerSpacing;

  @Test
  void anUnansweredContactIsRetriedAfterTheSpacingAndACallbackComesAtTheNamedTime()
      throws Exception {
    CampaignApi api = new CampaignApi(port);
    HttpResponse<String> created =
        api.post(
            "/api/v1/campaigns",
            """
            {"name": "Retries and call-backs", "type": "balance",
             "callWindow": "MON-SUN 00:00-23:59", "maxConcurrent": 2, "maxPerSecond": 5,
             "maxAttempts": 3, "variables": {"merchant": "Acme Shop"}}
            """);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = api.read(created.body()).get("campaignId").asText();
    HttpResponse<String> uploaded =
        api.upload("/api/v1/campaigns/" + id + "/contacts", "retries.csv", csv());
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    assertThat(api.read(uploaded.body()).get("added").asInt()).as(uploaded.body()).isEqualTo(2);

    // The customers reply a moment into the question, after the (uninterruptible) disclosure.
    Duration disclosure =
        tts.synthesize(CustomerVoice.balanceReminderDisclosure("Acme Shop"), null).duration();
    Path asksForCallback =
        CustomerVoice.says(
            tts,
            disclosure.plusMillis(4500),
            "I am busy right now. Please call me back in two minutes.",
            Duration.ofSeconds(3));
    Path agrees =
        CustomerVoice.says(
            tts, disclosure.plusMillis(4500), "Yes, I will pay it today.", Duration.ofSeconds(3));

    // Each phase's phones take one call more than the contacts need: the trunk is shared with the
    // tests before this one, and a late message of theirs (a CANCEL for a call given up before
    // this test began) must not use up the phones the contacts are called on. What each phone
    // received is read from its message trace instead: every contact exactly once per phase.
    Path firstTrace = Files.createTempFile("campaign-retries-first-", ".trace");
    List<JsonNode> first;
    try (Sipp.Answering phones =
        Sipp.scenario("uas-answer-or-ring.xml")
            .workingDirectory(asksForCallback)
            .calls(3)
            .timeout(Duration.ofSeconds(120))
            .traceMessages(firstTrace)
            .answerOn(asterisk.ports().trunk())) {
      assertThat(api.post("/api/v1/campaigns/" + id + "/start", "").statusCode()).isEqualTo(200);
      first =
          await()
              .atMost(Duration.ofSeconds(120))
              .until(
                  () -> attempts(api, id),
                  a -> a.size() == 2 && a.stream().allMatch(CampaignRetriesIT::finished));
      // The phones answer the robot's last messages (BYE, ACK) before they go, so nothing of
      // these calls is retransmitted to the next phase's phones.
      Thread.sleep(2000);
      phones.stop(Duration.ofSeconds(10));
    }
    assertThat(callsTo(firstTrace, RINGS_OUT_NUMBER)).as(firstTrace.toString()).isEqualTo(1);
    assertThat(callsTo(firstTrace, CALL_ME_LATER_NUMBER)).as(firstTrace.toString()).isEqualTo(1);

    Path secondTrace = Files.createTempFile("campaign-retries-second-", ".trace");
    try (Sipp.Answering phones =
        Sipp.scenario("uas-answer.xml")
            .workingDirectory(agrees)
            .calls(3)
            .timeout(Duration.ofSeconds(300))
            .traceMessages(secondTrace)
            .answerOn(asterisk.ports().trunk())) {
      Instant secondPhonesUp = Instant.now();

      JsonNode rangOut = attemptOf(first, RINGS_OUT);
      assertThat(rangOut.get("dialOutcome").asText()).as(rangOut.toString()).isEqualTo("NO_ANSWER");
      assertThat(rangOut.get("outcome").isNull()).as(rangOut.toString()).isTrue();
      // Not a check of the product: the test's phones must be swapped before the retry is due.
      assertThat(secondPhonesUp)
          .as("the first phase outlasted the no-answer spacing: lengthen it in ContactCenterIT")
          .isBefore(at(rangOut, "finishedAt").plus(noAnswerSpacing));

      JsonNode askedLater = attemptOf(first, CALL_ME_LATER);
      assertThat(askedLater.get("dialOutcome").asText()).isEqualTo("ANSWERED");
      assertThat(askedLater.get("outcome").asText())
          .as(askedLater.toString())
          .isEqualToIgnoringCase("callback_scheduled");
      JsonNode reply = lastCalleeTurn(new RobotApi(port).attempt(attemptId(askedLater)));
      assertThat(reply.get("label").asText()).as(reply.toString()).isEqualTo("call_back_later");
      // "In two minutes", to the minute: one to two minutes after the reply was heard.
      Instant callbackAt = at(askedLater, "callbackAt");
      Instant heard = at(reply, "at");
      assertThat(callbackAt)
          .isAfterOrEqualTo(heard.plus(Duration.ofMinutes(1)).minusSeconds(1))
          .isBeforeOrEqualTo(heard.plus(Duration.ofMinutes(2)).plusSeconds(10));

      await()
          .atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> progress(api, id), p -> "COMPLETED".equals(p.get("state").asText()));
      Thread.sleep(2000);
      phones.stop(Duration.ofSeconds(10));
    }
    assertThat(callsTo(secondTrace, RINGS_OUT_NUMBER)).as(secondTrace.toString()).isEqualTo(1);
    assertThat(callsTo(secondTrace, CALL_ME_LATER_NUMBER)).as(secondTrace.toString()).isEqualTo(1);

    List<JsonNode> attempts = attempts(api, id);
    assertThat(attempts).as(attempts.toString()).hasSize(4);

    // The line that rang out: retried no sooner than the spacing after the first attempt ended
    // (and soon after it), then answered.
    List<JsonNode> ringsOut = attemptsOf(attempts, RINGS_OUT);
    assertThat(ringsOut).as(ringsOut.toString()).hasSize(2);
    assertThat(ringsOut.get(0).get("dialOutcome").asText()).isEqualTo("NO_ANSWER");
    Instant retryDue = at(ringsOut.get(0), "finishedAt").plus(noAnswerSpacing);
    assertThat(at(ringsOut.get(1), "createdAt"))
        .isAfterOrEqualTo(retryDue)
        .isBefore(retryDue.plusSeconds(15));
    assertThat(ringsOut.get(1).get("dialOutcome").asText()).isEqualTo("ANSWERED");
    assertThat(ringsOut.get(1).get("outcome").asText()).isEqualToIgnoringCase("agreed");

    // The callee who asked for a callback: called again at the time named, not before, then
    // answered.
    List<JsonNode> callMeLater = attemptsOf(attempts, CALL_ME_LATER);
    assertThat(callMeLater).as(callMeLater.toString()).hasSize(2);
    Instant named = at(callMeLater.get(0), "callbackAt");
    assertThat(at(callMeLater.get(1), "createdAt"))
        .isAfterOrEqualTo(named)
        .isBefore(named.plusSeconds(15));
    assertThat(callMeLater.get(1).get("dialOutcome").asText()).isEqualTo("ANSWERED");
    assertThat(callMeLater.get(1).get("outcome").asText()).isEqualToIgnoringCase("agreed");

    // The funnel: 2 contacts, 4 attempts, 3 answered; by result.
    JsonNode progress = progress(api, id);
    assertThat(progress.get("contacts").asInt()).as(progress.toString()).isEqualTo(2);
    assertThat(progress.get("done").asInt()).as(progress.toString()).isEqualTo(2);
    assertThat(progress.get("attempts").asInt()).as(progress.toString()).isEqualTo(4);
    assertThat(progress.get("answered").asInt()).as(progress.toString()).isEqualTo(3);
    assertThat(progress.path("byDialOutcome").path("NO_ANSWER").asInt()).isEqualTo(1);
    assertThat(progress.path("byOutcome").path("callback_scheduled").asInt()).isEqualTo(1);
    assertThat(progress.path("byOutcome").path("agreed").asInt()).isEqualTo(2);
  }

  private static JsonNode progress(CampaignApi api, String id) throws Exception {
    return api.getJson("/api/v1/campaigns/" + id + "/progress");
  }

  /** The campaign's attempts, oldest first. */
  private static List<JsonNode> attempts(CampaignApi api, String id) throws Exception {
    List<JsonNode> attempts = new ArrayList<>();
    api.getJson("/api/v1/campaigns/" + id + "/attempts?limit=100").forEach(attempts::add);
    attempts.sort(Comparator.comparing(a -> at(a, "createdAt")));
    return attempts;
  }

  private static List<JsonNode> attemptsOf(List<JsonNode> attempts, String name) {
    return attempts.stream().filter(a -> name.equals(a.get("name").asText())).toList();
  }

  private static JsonNode attemptOf(List<JsonNode> attempts, String name) {
    List<JsonNode> of = attemptsOf(attempts, name);
    assertThat(of).as("one attempt for %s in %s", name, attempts).hasSize(1);
    return of.getFirst();
  }

  /** The calls (dialogs, not retransmissions) a phone's trace shows to a number ending so. */
  private static long callsTo(Path trace, String number) {
    return Sipp.invitesReceived(trace).values().stream().filter(n -> n.endsWith(number)).count();
  }

  private static boolean finished(JsonNode attempt) {
    return "FINISHED".equals(attempt.get("state").asText());
  }

  private static String attemptId(JsonNode attempt) {
    return attempt.get("attemptId").asText();
  }

  private static Instant at(JsonNode node, String field) {
    assertThat(node.get(field).isNull()).as("%s in %s", field, node).isFalse();
    return Instant.parse(node.get(field).asText());
  }

  private static JsonNode lastCalleeTurn(JsonNode robotAttempt) {
    JsonNode last = null;
    for (JsonNode turn : robotAttempt.get("turns")) {
      if ("CALLEE".equals(turn.get("speaker").asText())) {
        last = turn;
      }
    }
    assertThat(last).as("a callee turn in %s", robotAttempt).isNotNull();
    return last;
  }

  /**
   * Two contacts whose time zone puts them at midday, so the window is open whenever the test runs:
   * the number ending in 0 never answers in the first phase (see uas-answer-or-ring.xml).
   */
  private static byte[] csv() {
    int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(12 - hour + 12, 24) - 12;
    String zone = ZoneOffset.ofHours(offset).getId().replace("Z", "+00:00");
    return ("phone,name,order_number,amount_due,deadline,timezone\n"
            + "+86"
            + RINGS_OUT_NUMBER
            + ","
            + RINGS_OUT
            + ",R2026010,320.00 CNY,2026-12-30,"
            + zone
            + "\n"
            + "+86"
            + CALL_ME_LATER_NUMBER
            + ","
            + CALL_ME_LATER
            + ",R2026011,450.00 CNY,2026-12-30,"
            + zone
            + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.testinfra.BasicAuthApi;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Repository;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.TestUsers;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * The prompt editor's test call through the real Asterisk (ADR 0038): an ops user has the robot
 * ring a number with a question edited but not saved; the SIPp phone behind the trunk is rung at
 * that number, the robot speaks the edited question with the campaign's values (and samples for the
 * contact's), answers the key pressed and hangs up. The call records the edited texts and that it
 * was a test; the stored version and the campaign's contacts, counts and calls stay as they were. A
 * second test call while the first is going is 429; a number on the do-not-call list is 422 and a
 * malformed one 400, with nobody rung.
 */
@ContactCenterIT
@WithSharedAsterisk
class PromptTestCallIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  private static final String PASSWORD = "test-call-password";
  private static final String SCRIPT = "balance-reminder";
  private static final String ASK = "steps.ask_payment.say";
  private static final String EDITED =
      "This is the edited question for ${customer_name} from ${merchant}. Press 1 if you will pay.";

  @LocalServerPort int port;
  @Autowired SpeechSynthesizer tts;

  private final ObjectMapper json = new ObjectMapper();
  private final BasicAuthApi http = new BasicAuthApi(() -> port, PASSWORD);

  @Test
  void theEnteredNumberIsRungWithTheEditedPromptsAndTheCampaignIsUntouched() throws Exception {
    CampaignApi admin = new CampaignApi(port);
    String ops = new TestUsers(port, PASSWORD).create("OPS");
    String campaignId = draftCampaignWithOneContact(admin);
    int version = admin.getJson("/api/v1/campaigns/" + campaignId).get("scriptVersion").asInt();
    String original = askText(admin, version);
    int versionsBefore = admin.getJson("/api/v1/scripts/versions").size();
    JsonNode progressBefore = admin.getJson("/api/v1/campaigns/" + campaignId + "/progress");
    assertThat(progressBefore.get("contacts").asInt()).as(progressBefore.toString()).isEqualTo(1);
    String number = "+86139" + (10000000 + (int) (Math.random() * 89999999));

    Duration disclosure = tts.synthesize(disclosureText("Acme Shop"), null).duration();
    Path trace = Files.createTempFile("sipp-test-call-", ".log");
    JsonNode attempt;
    try (Sipp.Answering phone =
        Sipp.scenario("uas-answer-keys.xml")
            .pause(disclosure.plusMillis(2500))
            .key("digit", "1")
            .traceMessages(trace)
            .timeout(Duration.ofMinutes(2))
            .answerOn(asterisk.ports().trunk())) {
      HttpResponse<String> placed = testCall(ops, number, campaignId, version, EDITED);
      assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
      String attemptId = json.readTree(placed.body()).get("attemptId").asText();

      // One test call at a time per user: the second is refused while the first is going.
      HttpResponse<String> second = testCall(ops, number, campaignId, version, EDITED);
      assertThat(second.statusCode()).as(second.body()).isEqualTo(429);
      assertThat(second.body()).contains("urn:cc:problem:test-call-in-flight");

      attempt =
          await()
              .atMost(Duration.ofMinutes(2))
              .until(
                  () -> admin.getJson("/api/v1/robot/calls/" + attemptId),
                  a -> "FINISHED".equals(a.get("status").asText()));
      Sipp.Result result = phone.await(Duration.ofSeconds(30));
      assertThat(result.succeeded()).as(result.output()).isTrue();
    }

    // The phone rang at the number entered, once.
    assertThat(Sipp.invitesReceived(trace).values().stream().map(n -> n.replaceAll("\\D", "")))
        .containsExactly(number.substring(1));
    // The robot spoke the edited question, with the campaign's merchant and a sample name.
    assertThat(attempt.get("outcome").asText()).as(attempt.toString()).isEqualTo("AGREED");
    assertThat(attempt.get("testCall").asBoolean()).isTrue();
    assertThat(attempt.get("promptTexts").get(ASK).get("en").asText()).isEqualTo(EDITED);
    assertThat(robotSaid(attempt, "ask_payment"))
        .as(attempt.toString())
        .isEqualTo(
            "This is the edited question for customer name from Acme Shop. Press 1 if you will"
                + " pay.");
    // Saving was not needed, and nothing was saved.
    assertThat(askText(admin, version)).isEqualTo(original).isNotEqualTo(EDITED);
    assertThat(admin.getJson("/api/v1/scripts/versions").size()).isEqualTo(versionsBefore);
    // Not the campaign's call: its contacts, counts and calls are as they were.
    assertThat(admin.getJson("/api/v1/campaigns/" + campaignId + "/progress"))
        .isEqualTo(progressBefore);
    assertThat(admin.getJson("/api/v1/campaigns/" + campaignId + "/attempts")).isEmpty();
    assertThat(admin.get("/api/v1/robot/calls?campaign=" + campaignId).headers())
        .satisfies(h -> assertThat(h.firstValue("X-Total-Count")).hasValue("0"));
    // Audited with the number masked.
    JsonNode audit = admin.getJson("/api/v1/audit?user=" + ops);
    assertThat(audit.toString())
        .contains("TEST_CALL", "robot:" + attempt.get("attemptId").asText())
        .doesNotContain(number.substring(3));
    // The robot call page has its places for "test call" and the texts spoken.
    HttpResponse<String> page = admin.get("/robot/calls/" + attempt.get("attemptId").asText());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"test-call\"", "id=\"prompt-texts\"");
  }

  @Test
  void aNumberOnTheDoNotCallListIs422AndAMalformedOne400AndNobodyIsRung() throws Exception {
    CampaignApi admin = new CampaignApi(port);
    String ops = new TestUsers(port, PASSWORD).create("OPS");
    String campaignId = draftCampaignWithOneContact(admin);
    int version = admin.getJson("/api/v1/campaigns/" + campaignId).get("scriptVersion").asInt();
    String number = "+86137" + (10000000 + (int) (Math.random() * 89999999));
    HttpResponse<String> listed =
        admin.post("/api/v1/do-not-call", "{\"phone\":\"" + number + "\"}");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(204);
    String callsBefore = totalCalls(admin);

    HttpResponse<String> dnc = testCall(ops, number, campaignId, version, EDITED);
    assertThat(dnc.statusCode()).as(dnc.body()).isEqualTo(422);
    assertThat(dnc.body()).contains("urn:cc:problem:do-not-call", "do-not-call list");

    HttpResponse<String> malformed = testCall(ops, "13800138000", campaignId, version, EDITED);
    assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
    JsonNode problem = json.readTree(malformed.body());
    assertThat(problem.get("type").asText()).isEqualTo("urn:cc:problem:invalid-number");
    assertThat(problem.get("field").asText()).isEqualTo("number");

    // Nothing was stored or dialed, and both refusals are audited.
    assertThat(totalCalls(admin)).isEqualTo(callsBefore);
    assertThat(admin.getJson("/api/v1/audit?user=" + ops).toString())
        .contains("refused: do-not-call", "refused: not a valid number")
        .doesNotContain(number.substring(3));
  }

  private HttpResponse<String> testCall(
      String user, String number, String campaignId, int version, String askText) throws Exception {
    Map<String, Object> body =
        Map.of(
            "number",
            number,
            "campaignId",
            campaignId,
            "texts",
            Map.of(ASK, Map.of("en", askText)));
    return http.as(
        user,
        "POST",
        "/api/v1/scripts/" + SCRIPT + "/versions/" + version + "/test-calls",
        json.writeValueAsString(body));
  }

  private String draftCampaignWithOneContact(CampaignApi admin) throws Exception {
    HttpResponse<String> created =
        admin.post(
            "/api/v1/campaigns",
            """
            {"name": "Test calls %s", "type": "balance", "language": "en",
             "variables": {"merchant": "Acme Shop"}}
            """
                .formatted(UUID.randomUUID()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String campaignId = admin.read(created.body()).get("campaignId").asText();
    String csv =
        "phone,name,order_number,amount_due,deadline\n"
            + "+86136"
            + (10000000 + (int) (Math.random() * 89999999))
            + ",Han Meimei,B2026,20.00 CNY,2026-12-31\n";
    HttpResponse<String> imported =
        admin.upload(
            "/api/v1/campaigns/" + campaignId + "/contacts",
            "one.csv",
            csv.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    return campaignId;
  }

  private static String askText(CampaignApi admin, int version) throws Exception {
    for (JsonNode prompt :
        admin
            .getJson("/api/v1/scripts/" + SCRIPT + "/versions/" + version + "/prompts")
            .get("prompts")) {
      if (prompt.get("path").asText().equals(ASK)) {
        return prompt.get("texts").get("en").asText();
      }
    }
    throw new AssertionError("no " + ASK + " in v" + version);
  }

  private static String totalCalls(CampaignApi admin) throws Exception {
    return admin.get("/api/v1/robot/calls?size=1").headers().firstValue("X-Total-Count").orElse("");
  }

  private static String robotSaid(JsonNode attempt, String step) {
    for (JsonNode turn : attempt.get("turns")) {
      if ("ROBOT".equals(turn.get("speaker").asText()) && step.equals(turn.get("step").asText())) {
        return turn.get("text").asText();
      }
    }
    throw new AssertionError("the robot said nothing at " + step + ": " + attempt);
  }

  @SuppressWarnings("unchecked")
  private static String disclosureText(String merchant) throws Exception {
    Path script =
        Repository.root().resolve("outbound-robot/src/main/resources/scripts/" + SCRIPT + ".yaml");
    Map<String, Object> yaml = new Yaml().load(Files.readString(script));
    Map<String, Object> steps = (Map<String, Object>) yaml.get("steps");
    Map<String, Object> disclosure = (Map<String, Object>) steps.get(yaml.get("start"));
    return ((Map<String, String>) disclosure.get("say")).get("en").replace("${merchant}", merchant);
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.testinfra.BasicAuthApi;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Repository;
import io.contactcenter.testinfra.RobotApi;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.TestUsers;
import io.contactcenter.testinfra.WithSharedAsterisk;
import io.contactcenter.tickets.SourceKind;
import io.contactcenter.tickets.TicketOpened;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 14's proof, end to end with real parts: the robot calls a SIPp customer (real Asterisk) who
 * says, in MaryTTS speech sent as RTP, that they want to complain about a broken parcel; Vosk hears
 * it and the robot labels it a complaint. The ticket it opens carries the complaint's category and
 * the priority the policy gives it, the recognized transcript and a link to the call's recording
 * that the agent may play; the ACD assigns it to the signed-in ready agent with the ticket group's
 * skill (not to the ready one without it) with the first-response clock running. The ticket is the
 * called customer's: their number (masked, as every ticket shows it) and tier. The agent replies on
 * the ticket page in headless Chromium; the clock stops, in the API and on the page, and the reply
 * is handed to the outgoing notification port addressed to the customer's full number.
 */
@ContactCenterIT
@WithSharedAsterisk
class RobotComplaintTicketIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  private static final String PASSWORD = "robot-complaint-password";
  private static final String COMPLAINT = "I want to complain about the broken parcel.";

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired SpeechSynthesizer tts;
  @Autowired CapturedEvents events;
  @Autowired JdbcClient jdbc;

  private final ObjectMapper json = new ObjectMapper();
  private final BasicAuthApi api = new BasicAuthApi(() -> port, PASSWORD);
  private final List<String> loggedIn = new ArrayList<>();

  @AfterEach
  void logOut() throws Exception {
    // Tickets they still hold go back to routing, and no later test's ticket comes to them.
    for (String agent : loggedIn) {
      api.as(agent, "POST", "/api/v1/agent/logout", null);
    }
  }

  @Test
  void aComplaintToldToTheRobotBecomesATicketTheSkilledAgentAnswersOnItsPage() throws Exception {
    // Robot tickets go to the default group, whose routing queue asks for the skill "support".
    // Both agents are ready for tickets before the call; only one of them has that skill.
    String skilled = readyAgent("cmp-skilled-", "{\"support\": 3}");
    String unskilled = readyAgent("cmp-unskilled-", "{\"orders\": 3}");

    // The customer tells the robot; it labels the reply a complaint, says goodbye and hangs up.
    // A number of their own: the same words from the same customer within the duplicate window
    // would be merged into their open ticket (a rerun, another test's call).
    String callee = "+86139" + String.format("%08d", new Random().nextInt(100_000_000));
    JsonNode attempt = callCustomerWhoSays(callee, COMPLAINT);
    String attemptId = attempt.get("attemptId").asText();
    assertThat(attempt.get("outcome").asText())
        .as("the robot's outcome: %s", attempt)
        .isEqualTo("COMPLAINT_TICKET");
    JsonNode said = lastCalleeTurn(attempt);
    assertThat(said.get("label").asText()).as("label of %s", said).isEqualTo("complaint");
    String heard = said.get("text").asText();
    assertThat(heard).as("what Vosk heard").contains("complain");

    // One ticket for the attempt, opened from the robot's TicketRequested.
    String ticketId =
        await("a ticket opened for robot attempt " + attemptId)
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    events.ofType(TicketOpened.class).stream()
                        .filter(
                            o ->
                                o.source().kind() == SourceKind.ROBOT_ATTEMPT
                                    && o.source().ref().equals(attemptId))
                        .map(TicketOpened::ticketId)
                        .findFirst()
                        .orElse(null),
                id -> id != null);

    // Routing gives it to the skilled agent; the recording link appears once Asterisk has
    // closed the file at the call's end.
    JsonNode details =
        await("ticket " + ticketId + " assigned to " + skilled + " with a recording link")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> details(ticketId),
                d ->
                    skilled.equals(d.get("ticket").get("assignee").asText(null))
                        && d.hasNonNull("recording"));
    JsonNode ticket = details.get("ticket");
    assertThat(ticket.get("category").asText()).isEqualTo("COMPLAINT");
    // PriorityPolicy: complaints open HIGH (a standard customer, the robot names no priority).
    assertThat(ticket.get("priority").asText()).isEqualTo("HIGH");
    assertThat(ticket.get("channel").asText()).isEqualTo("ROBOT");
    // The called customer's ticket: their number, masked as tickets show it, and their tier.
    assertThat(ticket.get("customerPhone").asText())
        .isEqualTo(PhoneNumber.parse(callee).masked())
        .doesNotContain(callee.substring(4, 12));
    assertThat(ticket.get("tier").asText()).isEqualTo("STANDARD");
    assertThat(ticket.get("group").asText()).isEqualTo("support");
    assertThat(ticket.get("subject").asText()).isEqualTo(heard);
    assertThat(ticket.get("tags").toString()).contains("\"robot\"").contains("\"complaint\"");
    assertThat(kindsAndActors(details)).contains("ASSIGNED by routing");
    // The transcript as recognized: what the robot said and what the customer answered.
    String opened = entry(details, "OPENED").get("body").asText();
    assertThat(opened)
        .contains("callee: \"" + heard + "\" [complaint")
        .contains("robot: Hello, this is an automated call from Acme Shop")
        .contains("call: " + attempt.get("callId").asText());
    JsonNode firstResponse = clock(details, "FIRST_RESPONSE");
    assertThat(firstResponse.get("state").asText())
        .as(firstResponse.toString())
        .isEqualTo("RUNNING");
    // The built-in HIGH policy: a first response within an hour of business time.
    assertThat(firstResponse.get("target").asText()).isEqualTo("PT1H");

    // It is the skilled agent's contact, not the other's.
    assertThat(openContacts(skilled)).contains("ticket:" + ticketId);
    assertThat(openContacts(unskilled)).doesNotContain("ticket:" + ticketId);

    // The agent may not play any call, but plays this ticket's call from the ticket.
    String recording = details.get("recording").asText();
    assertThat(recording).isEqualTo("/api/v1/tickets/" + ticketId + "/recording");
    assertThat(
            getBytes(skilled, "/api/v1/calls/" + attempt.get("callId").asText() + "/recording")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> asAssignee = api.as(skilled, "GET", "/api/v1/tickets/" + ticketId, null);
    assertThat(json.readTree(asAssignee.body()).get("recording").asText()).isEqualTo(recording);
    HttpResponse<byte[]> wav = getBytes(skilled, recording);
    assertThat(wav.statusCode()).isEqualTo(200);
    assertThat(new String(wav.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(wav.body().length).as("a recording of several seconds").isGreaterThan(8000);
    // Another agent sees the ticket but not the link, and may not play the call.
    HttpResponse<String> asOther = api.as(unskilled, "GET", "/api/v1/tickets/" + ticketId, null);
    assertThat(json.readTree(asOther.body()).get("recording").isNull()).isTrue();
    assertThat(getBytes(unskilled, recording).statusCode()).isEqualTo(403);

    // The agent works it on the ticket page.
    WebDriver browser = chromium.driver();
    new TestUsers(port, PASSWORD).signIn(browser, skilled);
    browser.get(api.url("/agent/tickets/" + ticketId));
    By firstResponseRow = By.cssSelector("#sla tbody tr[data-metric='FIRST_RESPONSE']");
    // The SLA table is re-rendered as the clock ticks: read the row afresh on every look.
    page("the first-response clock running on the page")
        .until(() -> slaRow(browser, firstResponseRow), List.of("RUNNING", "Running")::equals);
    assertThat(browser.findElement(By.id("facts")).getText())
        .contains(heard)
        .contains("Complaint")
        .contains("High")
        .contains(skilled);
    assertThat(browser.findElement(By.cssSelector("#history li[data-kind='OPENED']")).getText())
        .contains(heard);
    // The recording plays in the page, from the link the agent's session may fetch.
    WebElement link = browser.findElement(By.id("recording-link"));
    assertThat(link.getDomAttribute("href")).isEqualTo(recording);
    assertThat(browser.findElement(By.cssSelector("#recording audio")).getDomAttribute("src"))
        .isEqualTo(recording);
    Object fetched =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                    + " + new TextDecoder().decode(new Uint8Array(b).slice(0, 4)) + ' '"
                    + " + b.byteLength))).catch(e => done('failed: ' + e));",
                recording);
    assertThat(String.valueOf(fetched))
        .as("the page fetching the recording")
        .startsWith("200 RIFF ");

    String reply =
        "We are sorry the parcel arrived broken; a replacement is on its way. "
            + UUID.randomUUID().toString().substring(0, 8);
    browser.findElement(By.id("text")).sendKeys(reply);
    browser.findElement(By.id("send-reply")).click();

    // The first response is given: the clock stops in time, on the page and in the API.
    page("the first-response clock met on the page")
        .until(() -> slaRow(browser, firstResponseRow), List.of("MET", "Met")::equals);
    assertThat(browser.findElement(By.id("history")).getText()).contains(reply);
    JsonNode answered = details(ticketId);
    assertThat(clock(answered, "FIRST_RESPONSE").get("state").asText())
        .as(answered.get("sla").toString())
        .isEqualTo("MET");
    JsonNode replied = entry(answered, "REPLY");
    assertThat(replied.get("actor").asText()).isEqualTo(skilled);
    assertThat(replied.get("body").asText()).isEqualTo(reply);
    assertThat(answered.get("ticket").get("assignee").asText()).isEqualTo(skilled);
    // The reply reaches the customer: handed, once, to the outgoing notification port (whose
    // embedded default stores it) addressed to the number the robot called, in full.
    assertThat(
            jdbc.sql(
                    "SELECT recipient, text FROM ticket_notification WHERE ticket_id = :id"
                        + " AND kind = 'CUSTOMER_REPLY'")
                .param("id", ticketId)
                .query((rs, n) -> rs.getString("recipient") + " " + rs.getString("text"))
                .list())
        .containsExactly(callee + " " + reply);
    assertThat(chromium.securityPolicyViolations()).isEmpty();
  }

  // ---- the call

  /**
   * Places a balance-reminder call to {@code callee}, a SIPp customer who, a moment into the
   * question (after the disclosure), says {@code words}; returns the attempt once it is finished
   * and the customer's phone has been hung up on.
   */
  private JsonNode callCustomerWhoSays(String callee, String words) throws Exception {
    Duration disclosure = tts.synthesize(disclosureText(), null).duration();
    Path dir = Files.createTempDirectory("customer");
    writeUlawWav(
        dir.resolve("customer-says.ulaw.wav"),
        silence(disclosure.plusMillis(4500)),
        tts.synthesize(words, null).pcm16le8k(),
        silence(Duration.ofSeconds(3)));
    try (Sipp.Answering phone =
        Sipp.scenario("uas-answer.xml")
            .workingDirectory(dir)
            .timeout(Duration.ofSeconds(120))
            .answerOn(asterisk.ports().trunk())) {
      RobotApi robot = new RobotApi(port);
      HttpResponse<String> placed =
          robot.place(
              "{\"phone\":\""
                  + callee
                  + "\",\"campaignType\":\"balance\",\"variables\":"
                  + RobotApi.BALANCE_VARIABLES
                  + "}");
      assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
      JsonNode attempt =
          robot.awaitFinished(
              json.readTree(placed.body()).get("attemptId").asText(), Duration.ofSeconds(120));
      Sipp.Result result = phone.await(Duration.ofSeconds(30));
      assertThat(result.succeeded()).as("the customer's phone: %s", result.output()).isTrue();
      return attempt;
    }
  }

  private static JsonNode lastCalleeTurn(JsonNode attempt) {
    JsonNode last = null;
    for (JsonNode turn : attempt.get("turns")) {
      if ("CALLEE".equals(turn.get("speaker").asText())) {
        last = turn;
      }
    }
    assertThat(last).as("a callee turn in %s", attempt).isNotNull();
    return last;
  }

  @SuppressWarnings("unchecked")
  private static String disclosureText() throws Exception {
    Path script =
        Repository.root()
            .resolve("outbound-robot/src/main/resources/scripts/balance-reminder.yaml");
    Map<String, Object> yaml = new Yaml().load(Files.readString(script));
    Map<String, Object> steps = (Map<String, Object>) yaml.get("steps");
    Map<String, Object> disclosure = (Map<String, Object>) steps.get(yaml.get("start"));
    Map<String, String> say = (Map<String, String>) disclosure.get("say");
    return say.get("en").replace("${merchant}", "Acme Shop");
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

  // ---- agents and tickets

  /** A new agent with these routing skills and room for tickets, signed in and ready. */
  private String readyAgent(String prefix, String skills) throws Exception {
    String agent =
        new TestUsers(port, PASSWORD)
            .create(prefix + UUID.randomUUID().toString().substring(0, 8), "AGENT");
    // Room for every ticket other tests may have left waiting in the queue, and this one.
    HttpResponse<String> profile =
        api.admin(
            "PUT",
            "/api/v1/routing/agents/" + agent,
            "{\"skills\": " + skills + ", \"chats\": 0, \"tickets\": 50, \"wrapUpSeconds\": 0}",
            "en");
    assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
    loggedIn.add(agent);
    HttpResponse<String> login = api.as(agent, "POST", "/api/v1/agent/login", null);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    HttpResponse<String> ready =
        api.as(agent, "PUT", "/api/v1/agent/state", "{\"state\": \"READY\"}");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    return agent;
  }

  private List<String> openContacts(String agent) throws Exception {
    HttpResponse<String> status = api.as(agent, "GET", "/api/v1/agent/status", null);
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(status.body()).get("open").forEach(c -> ids.add(c.get("id").asText()));
    return ids;
  }

  private JsonNode details(String ticketId) throws Exception {
    HttpResponse<String> response = api.admin("GET", "/api/v1/tickets/" + ticketId, null, "en");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static JsonNode clock(JsonNode details, String metric) {
    for (JsonNode c : details.get("sla")) {
      if (metric.equals(c.get("metric").asText())) {
        return c;
      }
    }
    throw new AssertionError("no " + metric + " clock in " + details.get("sla"));
  }

  private static JsonNode entry(JsonNode details, String kind) {
    for (JsonNode e : details.get("history")) {
      if (kind.equals(e.get("kind").asText())) {
        return e;
      }
    }
    throw new AssertionError("no " + kind + " entry in " + details.get("history"));
  }

  private static List<String> kindsAndActors(JsonNode details) {
    List<String> out = new ArrayList<>();
    details
        .get("history")
        .forEach(e -> out.add(e.get("kind").asText() + " by " + e.get("actor").asText()));
    return out;
  }

  private HttpResponse<byte[]> getBytes(String user, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(java.net.URI.create(api.url(path)))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The row's state attribute and its shown state, read from one look at the row. */
  private static List<String> slaRow(WebDriver browser, By row) {
    WebElement shown = browser.findElement(row);
    return List.of(String.valueOf(shown.getDomAttribute("data-state")), cells(shown).get(1));
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
  }

  private static ConditionFactory page(String what) {
    // Pages are served by the same JVM on busy cores, the browser beside them: be patient.
    return Chromium.onPage(Duration.ofSeconds(60)).alias(what);
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The QA pages in headless Chromium on a phone-sized screen: QA staff add a rule on the rules page
 * (a bad one is refused with the reason, nothing saved); a call transcribed for an agent is scored
 * with it; the agent sees the score on their page, a hit's time seeks the recording, and appeals;
 * another reviewer decides the appeal on the appeals page and the final score changes. An agent
 * cannot see or appeal someone else's conversation.
 */
@ContactCenterIT
class QaPagesIT {

  private static final String PASSWORD = "qa-pages-password";

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @TempDir Path recordings;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void rulesScoresAndAppealsWorkOnTheirPages() throws Exception {
    String reviewer = user("QA");
    String decider = user("QA");
    String agent = user("AGENT");
    String otherAgent = user("AGENT");
    String word = "blunder" + Long.toString(System.nanoTime() % 100_000, 36).replaceAll("\\d", "");
    WebDriver browser = chromium.driver();
    browser.manage().window().setSize(new Dimension(390, 844));

    // QA staff add a rule on the rules page; without phrases it is refused, naming the field.
    signIn(browser, reviewer);
    browser.get(url("/qa/rules"));
    // The page has loaded the rules (and reset the form) before anything is typed.
    page()
        .until(
            () ->
                !browser.findElements(By.cssSelector("#rules tbody tr")).isEmpty()
                    || browser.findElement(By.id("no-rules")).isDisplayed());
    String ruleName = "No " + word;
    browser.findElement(By.id("rule-name")).sendKeys(ruleName);
    new Select(browser.findElement(By.id("rule-kind"))).selectByValue("FORBIDDEN_PHRASE");
    browser.findElement(By.id("rule-section")).sendKeys("compliance");
    submit(browser, "rule-form");
    page().until(() -> browser.findElement(By.id("rule-error")).isDisplayed());
    assertThat(browser.findElement(By.id("rule-error")).getText()).contains("phrases");
    assertThat(rules()).doesNotContain(ruleName);
    browser.findElement(By.id("rule-phrases")).sendKeys(word);
    submit(browser, "rule-form");
    page().until(() -> browser.findElement(By.id("rules")).getText().contains(ruleName));
    String ruleId = null;
    for (JsonNode r : new CampaignApi(port).getJson("/api/v1/qa/rules")) {
      if (r.get("name").asText().equals(ruleName)) {
        ruleId = r.get("id").asText();
        assertThat(r.get("phrases").toString()).contains(word);
      }
    }
    assertThat(ruleId).isNotNull();
    signOut(browser);

    // A call the agent accepted, transcribed: the agent says the forbidden word at 12 s.
    String call = "qa-pages-" + UUID.randomUUID();
    Path wav = recordings.resolve(call + ".wav");
    Files.write(wav, silentWav(20));
    String words =
        json.writeValueAsString(
            List.of(
                Map.of(
                    "word",
                    "hello",
                    "startMs",
                    1000,
                    "endMs",
                    1400,
                    "confidence",
                    0.9,
                    "speaker",
                    "AGENT"),
                Map.of(
                    "word",
                    word,
                    "startMs",
                    12000,
                    "endMs",
                    12500,
                    "confidence",
                    0.9,
                    "speaker",
                    "AGENT")));
    jdbc.sql(
            """
            INSERT INTO qa_recording (conversation_id, recording, language, ended_at, state,
                not_before, enqueued_at, transcribed_at, duration_ms, words)
            VALUES (?, ?, 'en', now(), 'DONE', now(), now(), now(), 20000, ?::jsonb)
            """)
        .params(call, wav.toString(), words)
        .update();
    jdbc.sql("INSERT INTO qa_call_agent (conversation_id, agent, accepted_at) VALUES (?, ?, now())")
        .params(call, agent)
        .update();
    jdbc.sql("UPDATE qa_recording SET agent = ? WHERE conversation_id = ?")
        .params(agent, call)
        .update();
    assertThat(
            as(reviewer, "POST", "/api/v1/qa/conversations/" + call + "/rescore", "").statusCode())
        .isEqualTo(200);
    HttpResponse<String> reviewed =
        as(
            reviewer,
            "POST",
            "/api/v1/qa/conversations/" + call + "/review",
            "{\"score\":40,\"comment\":\"forbidden word\"}");
    assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);

    // Someone else's conversation is as unknown to an agent as a missing one.
    assertThat(as(otherAgent, "GET", "/api/v1/qa/my/conversations/" + call, null).statusCode())
        .isEqualTo(404);
    assertThat(
            as(otherAgent, "GET", "/api/v1/qa/my/conversations/" + call + "/recording", null)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            as(
                    otherAgent,
                    "POST",
                    "/api/v1/qa/conversations/" + call + "/appeals",
                    "{\"reason\":\"not mine\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(as(agent, "GET", "/api/v1/qa/conversations/" + call, null).statusCode())
        .as("the reviewers' API is not the agent's")
        .isEqualTo(403);
    HttpResponse<String> ownRecording =
        send(
            HttpRequest.newBuilder(uri("/api/v1/qa/my/conversations/" + call + "/recording"))
                .header("Authorization", basic(agent))
                .header("Range", "bytes=0-99"));
    assertThat(ownRecording.statusCode()).isEqualTo(206);

    // The agent sees the score, seeks to the hit, and appeals.
    signIn(browser, agent);
    browser.get(url("/agent/qa-scores"));
    By open = By.cssSelector("button.open-conversation[data-conversation='" + call + "']");
    page().until(() -> !browser.findElements(open).isEmpty());
    assertThat(browser.findElement(By.id("conversations")).getText()).contains("40");
    browser.findElement(open).click();
    WebElement hitRow =
        page()
            .until(
                () ->
                    browser.findElements(By.cssSelector("#hits tbody tr")).stream()
                        .filter(tr -> tr.getText().contains(ruleName))
                        .findFirst()
                        .orElse(null),
                java.util.Objects::nonNull);
    assertThat(hitRow.getText()).contains(word);
    WebElement seek = hitRow.findElement(By.cssSelector("button.seek"));
    assertThat(seek.getDomAttribute("data-ms")).isEqualTo("12000");
    seek.click();
    page()
        .until(
            () ->
                ((Number)
                            ((JavascriptExecutor) browser)
                                .executeScript(
                                    "return document.getElementById('player').currentTime"))
                        .doubleValue()
                    >= 12.0);
    double at =
        ((Number)
                ((JavascriptExecutor) browser)
                    .executeScript("return document.getElementById('player').currentTime"))
            .doubleValue();
    assertThat(at).as("the recording plays from the hit").isBetween(12.0, 13.0);
    browser.findElement(By.id("appeal-reason")).sendKeys("The customer said it, not me");
    submit(browser, "appeal-form");
    page().until(() -> browser.findElement(By.id("my-appeals")).getText().contains("not me"));
    signOut(browser);

    // The reviewer may not decide the appeal of their own review; another reviewer accepts it.
    JsonNode appeal =
        json.readTree(as(decider, "GET", "/api/v1/qa/appeals?state=OPEN", null).body());
    String appealId = null;
    for (JsonNode a : appeal) {
      if (a.get("conversationId").asText().equals(call)) {
        appealId = a.get("id").asText();
      }
    }
    assertThat(appealId).isNotNull();
    HttpResponse<String> own =
        as(
            reviewer,
            "POST",
            "/api/v1/qa/appeals/" + appealId + "/decision",
            "{\"accepted\":false}");
    assertThat(own.statusCode()).isEqualTo(422);

    signIn(browser, decider);
    browser.get(url("/qa/appeals"));
    By row = By.cssSelector("#appeals tr[data-appeal='" + appealId + "'] button.decide");
    page().until(() -> !browser.findElements(row).isEmpty());
    browser.findElement(row).click();
    WebElement score = browser.findElement(By.id("decision-score"));
    score.clear();
    score.sendKeys("85");
    browser.findElement(By.id("decision-comment")).sendKeys("the customer said it");
    submit(browser, "decision-form");
    page().until(() -> !browser.findElement(By.id("decision-status")).getText().isEmpty());
    JsonNode decided =
        json.readTree(as(decider, "GET", "/api/v1/qa/appeals/" + appealId, null).body());
    assertThat(decided.get("state").asText()).as(decided.toString()).isEqualTo("ACCEPTED");
    assertThat(decided.get("finalScore").asDouble()).isEqualTo(85);
    assertThat(decided.get("history")).hasSize(2);
    JsonNode conversation =
        json.readTree(as(decider, "GET", "/api/v1/qa/conversations/" + call, null).body());
    assertThat(conversation.get("summary").get("finalScore").asDouble()).isEqualTo(85);
    JsonNode mine = json.readTree(as(agent, "GET", "/api/v1/qa/my/appeals", null).body());
    assertThat(mine.get(0).get("state").asText()).isEqualTo("ACCEPTED");
    signOut(browser);

    as(reviewer, "DELETE", "/api/v1/qa/rules/" + ruleId, null);
  }

  private static void submit(WebDriver browser, String form) {
    browser.findElement(By.cssSelector("#" + form + " button[type='submit']")).click();
  }

  private List<String> rules() throws Exception {
    return java.util.stream.StreamSupport.stream(
            new CampaignApi(port).getJson("/api/v1/qa/rules").spliterator(), false)
        .map(r -> r.get("name").asText())
        .toList();
  }

  /** A WAV of silence: 8 kHz, 16-bit mono. */
  private static byte[] silentWav(int seconds) {
    int data = 8000 * 2 * seconds;
    ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data);
    b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
    b.putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
    return b.array();
  }

  private String user(String role) throws Exception {
    return users()
        .create(
            "qa-pages-" + role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8),
            role);
  }

  private void signIn(WebDriver browser, String user) {
    users().signIn(browser, user);
  }

  private TestUsers users() {
    return new TestUsers(port, PASSWORD);
  }

  private void signOut(WebDriver browser) {
    browser.findElement(By.id("sign-out")).click();
    page().until(() -> browser.getCurrentUrl().contains("/login"));
  }

  private HttpResponse<String> as(String user, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user));
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return send(request);
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create(url(path));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static ConditionFactory page() {
    return Chromium.onPage(Duration.ofSeconds(30));
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.DrawnChart;
import io.contactcenter.testinfra.TestUsers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * QA reports, calibration and complaints by meaning on the real stack (PostgreSQL, the web API,
 * headless Chromium on a phone-sized screen). Conversations are stored transcribed, as the
 * transcription worker leaves them, and scored through the API with rules QA staff created.
 */
@ContactCenterIT
class QaReportsIT {

  private static final String PASSWORD = "qa-reports-password";

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> rules = new ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void deleteRules() throws Exception {
    for (String id : rules) {
      jdbc.sql("DELETE FROM qa_rule WHERE id = ?::uuid").param(id).update();
    }
    rules.clear();
  }

  @Test
  void scoresByAgentAndTeamWithTrendRuleHitRatesCsvAndThePage() throws Exception {
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String reviewer = user("QA");
    String decider = user("QA");
    String supervisor = user("SUPERVISOR");
    String agentA = user("AGENT");
    String agentB = user("AGENT");
    String teamA = "质检一组-" + tag;
    String teamB = "=HYPERLINK(\"x\")-" + tag;
    assertThat(team(reviewer, agentA, teamA).statusCode()).isEqualTo(204);
    assertThat(team(reviewer, agentB, teamB).statusCode()).isEqualTo(204);
    assertThat(team(supervisor, agentA, "other").statusCode())
        .as("supervisors read the reports, they do not change teams")
        .isEqualTo(403);
    HttpResponse<String> badAgent = team(reviewer, "bad agent!", teamA);
    assertThat(badAgent.statusCode()).isEqualTo(400);
    assertThat(badAgent.body()).contains("agent");

    String word = "blunder" + tag.replaceAll("\\d", "");
    rule(
        reviewer,
        Map.of(
            "name",
            "No " + word,
            "kind",
            "FORBIDDEN_PHRASE",
            "section",
            "compliance",
            "weight",
            10,
            "autoFail",
            true,
            "speaker",
            "AGENT",
            "phrases",
            List.of(word)));

    Instant now = Instant.now();
    Instant early = now.minus(Duration.ofDays(15));
    Instant late = now.minus(Duration.ofDays(1));
    String c1 = conversation(agentA, "CALL", early, "en", agentSays("hello " + word));
    String c2 = conversation(agentA, "CALL", late, "en", agentSays("hello how can i help"));
    String c3 = conversation(agentA, "CHAT", late, "en", agentSays("hello there"));
    String c4 = conversation(agentB, "CALL", late, "en", agentSays("well " + word));
    for (String c : List.of(c1, c2, c3, c4)) {
      HttpResponse<String> scored =
          as(reviewer, "POST", "/api/v1/qa/conversations/" + c + "/rescore", "");
      assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
    }
    // c2 reviewed at 70, appealed by agent A, upheld at 90; c4 reviewed, appealed, rejected.
    review(reviewer, c2, 70);
    review(reviewer, c4, 20);
    decide(decider, appeal(agentA, c2), true, 90);
    decide(decider, appeal(agentB, c4), false, null);

    double meanA =
        Math.round(
                (finalScore(reviewer, c1) + finalScore(reviewer, c2) + finalScore(reviewer, c3))
                    / 3
                    * 10)
            / 10.0;
    assertThat(finalScore(reviewer, c1)).as("the forbidden word fails the call").isZero();
    assertThat(finalScore(reviewer, c2)).isEqualTo(90);

    String range = "from=" + now.minus(Duration.ofDays(20)) + "&to=" + now.plusSeconds(3600);
    JsonNode byAgent =
        read(
            as(
                supervisor,
                "GET",
                "/api/v1/qa/reports/scores?by=agent&team=" + enc(teamA) + "&" + range,
                null));
    assertThat(byAgent).hasSize(1);
    JsonNode a = byAgent.get(0);
    assertThat(a.get("key").asText()).isEqualTo(agentA);
    assertThat(a.get("conversations").asLong()).isEqualTo(3);
    assertThat(a.get("reviewed").asLong()).isEqualTo(1);
    assertThat(a.get("autoFailed").asLong()).isEqualTo(1);
    assertThat(a.get("appealsOpened").asLong()).isEqualTo(1);
    assertThat(a.get("appealsUpheld").asLong()).isEqualTo(1);
    assertThat(a.get("meanScore").asDouble()).isEqualTo(meanA);

    Map<String, JsonNode> byTeam = new HashMap<>();
    for (JsonNode t :
        read(as(supervisor, "GET", "/api/v1/qa/reports/scores?by=team&" + range, null))) {
      byTeam.put(t.get("key").asText(), t);
    }
    assertThat(byTeam.get(teamA).get("conversations").asLong()).isEqualTo(3);
    assertThat(byTeam.get(teamB).get("conversations").asLong()).isEqualTo(1);
    assertThat(byTeam.get(teamB).get("appealsOpened").asLong()).isEqualTo(1);
    assertThat(byTeam.get(teamB).get("appealsUpheld").asLong()).isZero();
    assertThat(byTeam.get(teamB).get("autoFailed").asLong()).isEqualTo(1);

    JsonNode chats =
        read(
            as(
                supervisor,
                "GET",
                "/api/v1/qa/reports/scores?by=team&channel=chat&team=" + enc(teamA) + "&" + range,
                null));
    assertThat(chats)
        .singleElement()
        .satisfies(t -> assertThat(t.get("conversations").asLong()).isEqualTo(1));

    JsonNode weekly =
        read(
            as(
                supervisor,
                "GET",
                "/api/v1/qa/reports/weekly?team=" + enc(teamA) + "&" + range,
                null));
    assertThat(weekly).hasSize(2);
    assertThat(weekly.get(0).get("conversations").asLong()).isEqualTo(1);
    assertThat(weekly.get(0).get("autoFailed").asLong()).isEqualTo(1);
    assertThat(weekly.get(0).get("meanScore").asDouble()).isZero();
    assertThat(weekly.get(1).get("conversations").asLong()).isEqualTo(2);
    assertThat(weekly.get(1).get("reviewed").asLong()).isEqualTo(1);

    JsonNode ruleHits =
        read(
            as(
                supervisor,
                "GET",
                "/api/v1/qa/reports/rules?team=" + enc(teamA) + "&" + range,
                null));
    JsonNode mine = null;
    for (JsonNode r : ruleHits) {
      if (r.get("ruleName").asText().equals("No " + word)) {
        mine = r;
      }
    }
    assertThat(mine).as(ruleHits.toString()).isNotNull();
    assertThat(mine.get("conversations").asLong()).isEqualTo(3);
    assertThat(mine.get("failedConversations").asLong()).isEqualTo(1);
    assertThat(mine.get("hitRate").asDouble()).isEqualTo(0.333);

    // CSV: UTF-8 with a byte-order mark; a team name that a spreadsheet would run stays text.
    HttpResponse<byte[]> csv =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/qa/reports/scores.csv?by=team&" + range))
                .header("Authorization", basic(supervisor))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    byte[] bytes = csv.body();
    assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    List<String> lines = List.of(text.split("\r\n"));
    assertThat(lines.getFirst())
        .startsWith(
            "team,conversations,reviewed,mean_score,auto_failed,appeals_opened,appeals_upheld");
    assertThat(lines).anyMatch(l -> l.startsWith(teamA + ",3,1," + meanA + ",1,1,1,"));
    assertThat(lines)
        .anyMatch(l -> l.startsWith("\"'=HYPERLINK(\"\"x\"\")-" + tag + "\",1,1,"))
        .noneMatch(l -> l.startsWith("=") || l.startsWith("\"="));

    // Bad filters are refused, naming the parameter.
    HttpResponse<String> fax =
        as(supervisor, "GET", "/api/v1/qa/reports/scores?channel=fax&" + range, null);
    assertThat(fax.statusCode()).isEqualTo(400);
    assertThat(fax.body()).contains("channel");
    HttpResponse<String> by = as(supervisor, "GET", "/api/v1/qa/reports/scores?by=site", null);
    assertThat(by.statusCode()).isEqualTo(400);
    assertThat(by.body()).contains("by must be agent or team");
    HttpResponse<String> backwards =
        as(
            supervisor,
            "GET",
            "/api/v1/qa/reports/weekly?from=" + now + "&to=" + now.minusSeconds(60),
            null);
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(as(agentA, "GET", "/api/v1/qa/reports/scores", null).statusCode()).isEqualTo(403);

    // The page, for a supervisor on a phone, in Chinese: team A's agent with their figures.
    WebDriver browser = chromium.driver();
    browser.manage().window().setSize(new Dimension(390, 844));
    signIn(browser, supervisor);
    browser.get(url("/qa/reports"));
    browser.findElement(By.cssSelector("form.lang-switch button[value='zh-CN']")).click();
    page().until(() -> browser.findElement(By.tagName("h1")).getText().equals("质检报表"));
    assertThat(browser.findElements(By.id("nav-qa-reports"))).isNotEmpty();
    assertThat(browser.findElements(By.id("team-form"))).as("teams are QA's").isEmpty();
    // The page's default range (the last 28 days) holds both weeks.
    browser.findElement(By.id("report-team")).sendKeys(teamA);
    browser.findElement(By.cssSelector("#report-filter button[type='submit']")).click();
    By row = By.cssSelector("#scores tr[data-key='" + agentA + "']");
    page().until(() -> !browser.findElements(row).isEmpty());
    List<String> cells =
        browser.findElement(row).findElements(By.tagName("td")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(cells.subList(1, 7)).containsExactly("3", "1", meanA(meanA), "1", "1", "1");
    // The chart above the table: each agent's average score, as the API gives it (ADR 0036).
    String scoresApi =
        browser
            .findElement(By.id("export-csv"))
            .getDomAttribute("href")
            .replace("/scores.csv?", "/scores?");
    DrawnChart chart =
        page()
            .until(
                () -> DrawnChart.of(browser, "scores-chart"),
                c -> c != null && c.labels().contains(agentA));
    JsonNode scores = DrawnChart.apiJson(browser, scoresApi);
    assertThat(chart.labels()).hasSize(scores.size());
    for (JsonNode g : scores) {
      Double drawn =
          chart.value("平均分", g.get("key").asText().isEmpty() ? "（无）" : g.get("key").asText());
      if (g.get("meanScore").isNull()) {
        assertThat(drawn).isNull();
      } else {
        assertThat(drawn).isEqualTo(g.get("meanScore").asDouble());
      }
    }
    assertThat(chart.paintedPixels()).isPositive();
    page().until(() -> browser.findElements(By.cssSelector("#weekly tbody tr")).size() == 2);
    assertThat(browser.findElement(By.id("rule-hits")).getText()).contains("No " + word, "33.3 %");
    assertThat(browser.findElement(By.id("export-csv")).getDomAttribute("href"))
        .contains("scores.csv", "team=");
    Long overflow =
        (Long)
            ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(overflow).as("the page fits a 390 px screen").isLessThanOrEqualTo(0L);
    signOut(browser);
  }

  @Test
  void calibrationScoresStayHiddenUntilSubmittedThenShowTheSpreadAndAreAudited() throws Exception {
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String lead = user("QA");
    String ann = user("QA");
    String bob = user("QA");
    String agent = user("AGENT");
    String word = "gaffe" + tag.replaceAll("\\d", "");
    String greeting =
        rule(
            lead,
            Map.of(
                "name",
                "Greeting " + tag,
                "kind",
                "REQUIRED_PHRASE",
                "section",
                "opening",
                "weight",
                10,
                "speaker",
                "AGENT",
                "phrases",
                List.of("hello")));
    String forbidden =
        rule(
            lead,
            Map.of(
                "name",
                "No " + word,
                "kind",
                "FORBIDDEN_PHRASE",
                "section",
                "compliance",
                "weight",
                10,
                "speaker",
                "AGENT",
                "phrases",
                List.of(word)));
    String c = conversation(agent, "CALL", Instant.now(), "en", agentSays("hello " + word));
    assertThat(as(lead, "POST", "/api/v1/qa/conversations/" + c + "/rescore", "").statusCode())
        .isEqualTo(200);

    HttpResponse<String> unknown =
        as(lead, "POST", "/api/v1/qa/calibrations", "{\"conversationId\":\"no-such-" + tag + "\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    HttpResponse<String> started =
        as(
            lead,
            "POST",
            "/api/v1/qa/calibrations",
            json.writeValueAsString(Map.of("conversationId", c, "note", "greeting and word")));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonNode calibration = read(started);
    String id = calibration.get("id").asText();
    String path = "/api/v1/qa/calibrations/" + id;
    Map<String, Boolean> auto = new HashMap<>();
    for (JsonNode item : calibration.get("items")) {
      auto.put(item.get("ruleId").asText(), item.get("automaticallyMet").asBoolean());
    }
    assertThat(auto).containsEntry(greeting, true).containsEntry(forbidden, false);

    // The lead's reference: the greeting met, the word not.
    Map<String, Boolean> reference = new HashMap<>(auto);
    assertThat(submit(lead, path, 80, reference).statusCode()).isEqualTo(200);
    JsonNode annBefore = read(as(ann, "GET", path, null));
    assertThat(annBefore.get("submitted").asInt()).isEqualTo(1);
    assertThat(annBefore.get("submittedByViewer").asBoolean()).isFalse();
    assertThat(annBefore.get("scores")).as("nobody's score before one's own").isEmpty();
    assertThat(annBefore.get("result").isNull()).isTrue();

    // Ann scores on the page: she finds the word was not said (the item met), score 70.
    WebDriver browser = chromium.driver();
    browser.manage().window().setSize(new Dimension(390, 844));
    signIn(browser, ann);
    browser.get(url("/qa/calibrations"));
    By open = By.cssSelector("#calibrations tr[data-calibration='" + id + "'] button");
    page().until(() -> !browser.findElements(open).isEmpty());
    browser.findElement(open).click();
    By wordBox = By.cssSelector("#items input[data-rule='" + forbidden + "']");
    page().until(() -> browser.findElement(wordBox).isDisplayed());
    assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();
    browser.findElement(wordBox).click();
    browser.findElement(By.id("calibration-score")).sendKeys("70");
    browser.findElement(By.cssSelector("#score-form button[type='submit']")).click();
    By spreadRow = By.cssSelector("#spread tr[data-rule='" + forbidden + "']");
    page().until(() -> !browser.findElements(spreadRow).isEmpty());
    assertThat(browser.findElement(By.id("submissions")).getText()).contains(lead, "80", ann, "70");
    assertThat(browser.findElement(By.id("summary")).getText()).contains("80", "70");
    signOut(browser);

    // Bob: an answer missing is refused naming it; then he scores 50 with the lead.
    Map<String, Boolean> partial = new HashMap<>(reference);
    partial.remove(greeting);
    HttpResponse<String> missing = submit(bob, path, 50, partial);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("items", "Greeting " + tag);
    assertThat(submit(bob, path, 50, reference).statusCode()).isEqualTo(200);
    HttpResponse<String> again = submit(bob, path, 60, reference);
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(read422(again).get("detail").asText())
        .isEqualTo("You have already scored this calibration; a score is not changed later.");
    HttpResponse<String> againZh =
        as(
            bob,
            "POST",
            path + "/scores",
            json.writeValueAsString(Map.of("score", 60, "items", reference, "comment", "")),
            "zh-CN");
    assertThat(againZh.statusCode()).isEqualTo(422);
    JsonNode problemZh = read422(againZh);
    assertThat(problemZh.get("detail").asText()).isEqualTo("你已经为这次校准打过分了，分数提交后不能再修改。");
    assertThat(problemZh.get("type").asText()).isEqualTo("urn:cc:problem:calibration-refused");
    assertThat(problemZh.get("reason").asText()).isEqualTo("already-scored");

    JsonNode result = read(as(ann, "GET", path, null)).get("result");
    assertThat(result.get("reference").asDouble()).isEqualTo(80);
    assertThat(result.get("reviewers").asInt()).isEqualTo(2);
    assertThat(result.get("meanScore").asDouble()).isEqualTo(60);
    assertThat(result.get("variance").asDouble()).isEqualTo(100);
    assertThat(result.get("varianceAgainstReference").asDouble()).isEqualTo(500); // (100+900)/2
    assertThat(result.get("largestDifference").asDouble()).isEqualTo(30);
    for (JsonNode item : result.get("items")) {
      if (item.get("ruleId").asText().equals(forbidden)) {
        assertThat(item.get("met").asInt()).isEqualTo(1);
        assertThat(item.get("notMet").asInt()).isEqualTo(1);
        assertThat(item.get("reference").asBoolean()).isFalse();
        assertThat(item.get("againstReference").asInt()).isEqualTo(1);
        assertThat(item.get("agreement").asDouble()).isEqualTo(0.5);
      }
      if (item.get("ruleId").asText().equals(greeting)) {
        assertThat(item.get("againstReference").asInt()).isZero();
        assertThat(item.get("agreement").asDouble()).isEqualTo(1.0);
      }
    }

    List<String> audit =
        jdbc.sql(
                "SELECT actor || ' ' || action || ' ' || detail FROM audit_event"
                    + " WHERE target = ? ORDER BY id")
            .param("calibration:" + id)
            .query(String.class)
            .list();
    assertThat(audit).hasSize(4);
    assertThat(audit.get(0)).startsWith(lead + " QA_CALIBRATION started");
    assertThat(audit.get(1)).startsWith(lead + " QA_CALIBRATION scored: reference score 80");
    assertThat(audit.get(2)).startsWith(ann + " QA_CALIBRATION scored: score 70");
    assertThat(audit.get(3)).startsWith(bob + " QA_CALIBRATION scored: score 50");
  }

  @Test
  void aMovedAgentsPastStaysWithTheTeamTheyWereInAndRefusedAppealsReadInChinese() throws Exception {
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String lead = user("QA");
    String decider = user("QA");
    String supervisor = user("SUPERVISOR");
    String agent = user("AGENT");
    String north = "北区-" + tag;
    String south = "south-" + tag;
    Instant now = Instant.now();
    Instant moved = now.minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
    // The first team covers the agent's earlier conversations; the move counts from five days ago.
    assertThat(team(lead, agent, north).statusCode()).isEqualTo(204);
    String before =
        conversation(agent, "CALL", now.minus(Duration.ofDays(10)), "en", agentSays("hi"));
    String after =
        conversation(agent, "CHAT", now.minus(Duration.ofDays(1)), "en", agentSays("hi"));
    HttpResponse<String> future = team(lead, agent, south, now.plus(Duration.ofDays(1)));
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body()).contains("from");
    assertThat(team(lead, agent, south, moved).statusCode()).isEqualTo(204);
    HttpResponse<String> backdated = team(lead, agent, north, moved.minus(Duration.ofDays(1)));
    assertThat(backdated.statusCode())
        .as("a change never rewrites an earlier period")
        .isEqualTo(400);
    assertThat(backdated.body()).contains("from must not be before");
    for (String c : List.of(before, after)) {
      assertThat(as(lead, "POST", "/api/v1/qa/conversations/" + c + "/rescore", "").statusCode())
          .isEqualTo(200);
    }

    String range = "from=" + now.minus(Duration.ofDays(20)) + "&to=" + now.plusSeconds(3600);
    Map<String, Long> byTeam = new HashMap<>();
    for (JsonNode t :
        read(as(supervisor, "GET", "/api/v1/qa/reports/scores?by=team&" + range, null))) {
      byTeam.put(t.get("key").asText(), t.get("conversations").asLong());
    }
    assertThat(byTeam).containsEntry(north, 1L).containsEntry(south, 1L);
    JsonNode northOnly =
        read(
            as(
                supervisor,
                "GET",
                "/api/v1/qa/reports/scores?by=agent&team=" + enc(north) + "&" + range,
                null));
    assertThat(northOnly).hasSize(1);
    assertThat(northOnly.get(0).get("key").asText()).isEqualTo(agent);
    assertThat(northOnly.get(0).get("conversations").asLong()).isEqualTo(1);

    JsonNode history =
        read(as(supervisor, "GET", "/api/v1/qa/teams/members/" + agent + "/history", null));
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("team").asText()).isEqualTo(south);
    assertThat(history.get(0).get("to").isNull()).isTrue();
    assertThat(Instant.parse(history.get(0).get("from").asText())).isEqualTo(moved);
    assertThat(history.get(0).get("changedBy").asText()).isEqualTo(lead);
    assertThat(history.get(1).get("team").asText()).isEqualTo(north);
    assertThat(history.get(1).get("from").isNull()).as("since always").isTrue();
    assertThat(Instant.parse(history.get(1).get("to").asText())).isEqualTo(moved);
    JsonNode current = null;
    for (JsonNode m : read(as(supervisor, "GET", "/api/v1/qa/teams", null))) {
      if (m.get("agent").asText().equals(agent)) {
        current = m;
      }
    }
    assertThat(current).isNotNull();
    assertThat(current.get("team").asText()).isEqualTo(south);

    // Leaving every team ends the membership; the past stays with south.
    assertThat(team(lead, agent, "").statusCode()).isEqualTo(204);
    JsonNode left =
        read(as(supervisor, "GET", "/api/v1/qa/teams/members/" + agent + "/history", null));
    assertThat(left).hasSize(2);
    assertThat(left.get(0).get("to").isNull()).isFalse();
    byTeam.clear();
    for (JsonNode t :
        read(as(supervisor, "GET", "/api/v1/qa/reports/scores?by=team&" + range, null))) {
      byTeam.put(t.get("key").asText(), t.get("conversations").asLong());
    }
    assertThat(byTeam).containsEntry(north, 1L).containsEntry(south, 1L);

    // Refused appeals in the caller's language, naming the rule that refused them.
    HttpResponse<String> early =
        as(
            agent,
            "POST",
            "/api/v1/qa/conversations/" + after + "/appeals",
            "{\"reason\":\"too early\"}",
            "zh-CN");
    assertThat(early.statusCode()).isEqualTo(422);
    JsonNode notReviewed = read422(early);
    assertThat(notReviewed.get("reason").asText()).isEqualTo("not-reviewed");
    assertThat(notReviewed.get("detail").asText()).isEqualTo("该会话尚未经人工复核，只能对复核结果提出申诉。");
    review(lead, after, 60);
    String appeal = appeal(agent, after);
    HttpResponse<String> own =
        as(
            lead,
            "POST",
            "/api/v1/qa/appeals/" + appeal + "/decision",
            "{\"accepted\":false}",
            "zh-CN");
    assertThat(own.statusCode())
        .as("the reviewer does not decide the appeal of their review")
        .isEqualTo(422);
    assertThat(read422(own).get("detail").asText()).isEqualTo("必须由另一位质检员处理：该复核是 " + lead + " 做的。");
    HttpResponse<String> ownEn =
        as(lead, "POST", "/api/v1/qa/appeals/" + appeal + "/decision", "{\"accepted\":false}");
    assertThat(read422(ownEn).get("detail").asText())
        .isEqualTo("A different reviewer must decide: " + lead + " made the review.");
    decide(decider, appeal, false, null);

    // On the page, in Chinese: a QA lead puts a new agent in a team from a given day.
    String newcomer = user("AGENT");
    String day = now.minus(Duration.ofDays(3)).toString().substring(0, 10);
    WebDriver browser = chromium.driver();
    signIn(browser, lead);
    browser.get(url("/qa/reports"));
    browser.findElement(By.cssSelector("form.lang-switch button[value='zh-CN']")).click();
    page().until(() -> browser.findElement(By.tagName("h1")).getText().equals("质检报表"));
    browser.findElement(By.id("team-agent")).sendKeys(newcomer);
    browser.findElement(By.id("team-name")).sendKeys(north);
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('team-from').value = arguments[0]", day);
    browser.findElement(By.cssSelector("#team-form button[type='submit']")).click();
    By member = By.cssSelector("#teams tr[data-agent='" + newcomer + "']");
    page().until(() -> !browser.findElements(member).isEmpty());
    List<String> memberCells =
        browser.findElement(member).findElements(By.tagName("td")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(memberCells.get(0)).isEqualTo(north);
    assertThat(memberCells.get(2)).isNotBlank().isNotEqualTo("一直");
    JsonNode newcomerHistory =
        read(as(lead, "GET", "/api/v1/qa/teams/members/" + newcomer + "/history", null));
    assertThat(newcomerHistory).hasSize(1);
    assertThat(newcomerHistory.get(0).get("from").asText()).startsWith(day + "T00:00:00");
    signOut(browser);
  }

  @Test
  void anAgentsOwnSamplingShareDecidesHowManyOfTheirConversationsPeopleReview() throws Exception {
    String lead = user("QA");
    String supervisor = user("SUPERVISOR");
    String newcomer = user("AGENT");
    String veteran = user("AGENT");
    assertThat(share(lead, newcomer, 1.0).statusCode()).isEqualTo(204);
    assertThat(share(lead, veteran, 0.0).statusCode()).isEqualTo(204);
    assertThat(share(supervisor, veteran, 0.5).statusCode()).isEqualTo(403);
    HttpResponse<String> bad = share(lead, veteran, 1.5);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("share must be between 0 and 1");
    JsonNode view = read(as(supervisor, "GET", "/api/v1/qa/sampling", null));
    assertThat(view.get("defaultShare").asDouble()).isBetween(0.0, 1.0);
    Map<String, Double> shares = new HashMap<>();
    for (JsonNode a : view.get("agents")) {
      shares.put(a.get("agent").asText(), a.get("share").asDouble());
      if (a.get("agent").asText().equals(newcomer)) {
        assertThat(a.get("changedBy").asText()).isEqualTo(lead);
      }
    }
    assertThat(shares).containsEntry(newcomer, 1.0).containsEntry(veteran, 0.0);

    // Five clean conversations each: every one of the newcomer's is picked, none of the veteran's.
    for (int i = 0; i < 5; i++) {
      for (String agent : List.of(newcomer, veteran)) {
        String c = conversation(agent, "CALL", Instant.now(), "en", agentSays("hello there"));
        assertThat(as(lead, "POST", "/api/v1/qa/conversations/" + c + "/rescore", "").statusCode())
            .isEqualTo(200);
        JsonNode summary =
            read(as(lead, "GET", "/api/v1/qa/conversations/" + c, null)).get("summary");
        assertThat(summary.get("autoFailed").asBoolean()).isFalse();
        assertThat(summary.get("sampled").asBoolean()).as(agent).isEqualTo(agent.equals(newcomer));
      }
    }
    assertThat(
            as(lead, "PUT", "/api/v1/qa/sampling/agents/" + newcomer, "{\"share\":null}")
                .statusCode())
        .isEqualTo(204);
    JsonNode after = read(as(lead, "GET", "/api/v1/qa/sampling", null)).get("agents");
    for (JsonNode a : after) {
      assertThat(a.get("agent").asText()).isNotEqualTo(newcomer);
    }

    // On the page (QA staff only): the veteran's share set to 25 %.
    WebDriver browser = chromium.driver();
    signIn(browser, lead);
    browser.get(url("/qa/reports"));
    page().until(() -> !browser.findElement(By.id("sampling-default")).getText().isBlank());
    browser.findElement(By.id("sampling-agent")).sendKeys(veteran);
    browser.findElement(By.id("sampling-share")).sendKeys("25");
    browser.findElement(By.cssSelector("#sampling-form button[type='submit']")).click();
    By row = By.cssSelector("#sampling tr[data-agent='" + veteran + "']");
    page()
        .until(
            () ->
                !browser.findElements(row).isEmpty()
                    && browser.findElement(row).getText().contains("25"));
    assertThat(browser.findElement(row).getText()).contains(lead);
    signOut(browser);
    for (JsonNode a : read(as(lead, "GET", "/api/v1/qa/sampling", null)).get("agents")) {
      if (a.get("agent").asText().equals(veteran)) {
        assertThat(a.get("share").asDouble()).isEqualTo(0.25);
      }
    }
    signIn(browser, supervisor);
    browser.get(url("/qa/reports"));
    page().until(() -> !browser.findElements(By.id("scores")).isEmpty());
    assertThat(browser.findElements(By.id("sampling-form"))).as("sampling is QA's").isEmpty();
    signOut(browser);
  }

  @Test
  void aComplaintInOtherWordsThanThePhrasesIsFoundByTheClassifierInBothLanguages()
      throws Exception {
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String reviewer = user("QA");
    String agent = user("AGENT");
    String complaint =
        rule(
            reviewer,
            Map.of(
                "name",
                "Complaint " + tag,
                "kind",
                "COMPLAINT",
                "section",
                "signals",
                "weight",
                0));
    String en =
        conversation(
            agent,
            "CALL",
            Instant.now(),
            "en",
            List.of(
                word("hello", 500, 900, "AGENT"),
                word("you", 3000, 3200, "CUSTOMER"),
                word("people", 3200, 3500, "CUSTOMER"),
                word("have", 3500, 3700, "CUSTOMER"),
                word("ruined", 3700, 4100, "CUSTOMER"),
                word("my", 4100, 4300, "CUSTOMER"),
                word("weekend", 4300, 4800, "CUSTOMER"),
                word("can", 7000, 7200, "CUSTOMER"),
                word("you", 7200, 7400, "CUSTOMER"),
                word("repeat", 7400, 7800, "CUSTOMER"),
                word("the", 7800, 7900, "CUSTOMER"),
                word("number", 7900, 8300, "CUSTOMER")));
    List<Map<String, Object>> zhWords = new ArrayList<>();
    zhWords.add(word("您好", 0, 500, "AGENT"));
    String said = "你们公司怎么一个懂的人都没有";
    for (int i = 0; i < said.length(); i++) {
      zhWords.add(word(said.substring(i, i + 1), 2000 + i * 200, 2200 + i * 200, "CUSTOMER"));
    }
    String zh = conversation(agent, "CALL", Instant.now(), "zh", zhWords);
    String calm =
        conversation(
            agent,
            "CALL",
            Instant.now(),
            "en",
            List.of(
                word("can", 1000, 1200, "CUSTOMER"),
                word("you", 1200, 1400, "CUSTOMER"),
                word("repeat", 1400, 1800, "CUSTOMER"),
                word("the", 1800, 1900, "CUSTOMER"),
                word("tracking", 1900, 2300, "CUSTOMER"),
                word("number", 2300, 2700, "CUSTOMER")));

    for (String c : List.of(en, zh, calm)) {
      assertThat(
              as(reviewer, "POST", "/api/v1/qa/conversations/" + c + "/rescore", "").statusCode())
          .isEqualTo(200);
    }
    JsonNode enHit = hit(reviewer, en, complaint);
    assertThat(enHit.get("passed").asBoolean()).isFalse();
    assertThat(enHit.get("evidence").asText())
        .contains("(meaning)", "you people have ruined my weekend");
    assertThat(enHit.get("startMs").asLong()).isEqualTo(3000);
    assertThat(enHit.get("endMs").asLong()).isEqualTo(4800);
    JsonNode zhHit = hit(reviewer, zh, complaint);
    assertThat(zhHit.get("passed").asBoolean()).isFalse();
    assertThat(zhHit.get("evidence").asText()).contains(said);
    assertThat(zhHit.get("startMs").asLong()).isEqualTo(2000);
    assertThat(hit(reviewer, calm, complaint).get("passed").asBoolean()).isTrue();
    assertThat(
            read(as(reviewer, "GET", "/api/v1/qa/conversations/" + en, null))
                .get("summary")
                .get("sampled")
                .asBoolean())
        .as("a complaint is always reviewed")
        .isTrue();
  }

  @Test
  void appealTurnaroundAgainstTheTargetPerReviewerWithTheAppealsOpenPastIt() throws Exception {
    String reviewer = user("QA");
    String fast = user("QA");
    String slow = user("QA");
    String supervisor = user("SUPERVISOR");
    String agent = user("AGENT");
    Instant now = Instant.now();
    // Appeals are filed and decided through the API, then moved in time: the decided ones to a
    // fortnight 300 days ago that no other test touches, so the figures are this test's alone.
    Instant base = now.minus(Duration.ofDays(300)).truncatedTo(ChronoUnit.HOURS);
    String[] deciders = {fast, fast, slow, slow, slow};
    long[] hours = {10, 30, 47, 60, 100};
    for (int i = 0; i < hours.length; i++) {
      String appeal = reviewedAndAppealed(reviewer, agent);
      decide(deciders[i], appeal, i % 2 == 0, i % 2 == 0 ? 80 : null);
      Instant opened = base.plus(Duration.ofDays(i));
      jdbc.sql("UPDATE qa_appeal SET opened_at = ?, decided_at = ? WHERE id = ?::uuid")
          .params(
              Timestamp.from(opened),
              Timestamp.from(opened.plus(Duration.ofHours(hours[i]))),
              appeal)
          .update();
    }
    // Two still open past the 48 h target (72 h and 50 h), one open for an hour only.
    String oldest = reviewedAndAppealed(reviewer, agent);
    String older = reviewedAndAppealed(reviewer, agent);
    String fresh = reviewedAndAppealed(reviewer, agent);
    for (Object[] moved :
        List.of(new Object[] {oldest, 72}, new Object[] {older, 50}, new Object[] {fresh, 1})) {
      jdbc.sql("UPDATE qa_appeal SET opened_at = ? WHERE id = ?::uuid")
          .params(
              Timestamp.from(now.minus(Duration.ofHours((Integer) moved[1]))), (String) moved[0])
          .update();
    }

    String range = "from=" + base + "&to=" + base.plus(Duration.ofDays(14));
    JsonNode report = read(as(supervisor, "GET", "/api/v1/qa/reports/appeals?" + range, null));
    assertThat(report.get("targetHours").asDouble()).isEqualTo(48.0);
    assertThat(report.get("filed").asLong()).isEqualTo(5);
    assertThat(report.get("decided").asLong()).isEqualTo(5);
    // 10, 30, 47, 60, 100 h: the median is 47; p95 lies at rank 3.8, 60 + 0.8 × 40.
    assertThat(report.get("medianHours").asDouble()).isEqualTo(47.0);
    assertThat(report.get("p95Hours").asDouble()).isEqualTo(92.0);
    assertThat(report.get("withinTarget").asDouble()).isEqualTo(0.6);
    Map<String, JsonNode> byDecider = new HashMap<>();
    for (JsonNode d : report.get("byDecider")) {
      byDecider.put(d.get("decider").asText(), d);
    }
    assertThat(byDecider).containsOnlyKeys(fast, slow);
    assertThat(byDecider.get(fast).get("decided").asLong()).isEqualTo(2);
    assertThat(byDecider.get(fast).get("medianHours").asDouble()).isEqualTo(20.0);
    assertThat(byDecider.get(fast).get("p95Hours").asDouble()).isEqualTo(29.0);
    assertThat(byDecider.get(fast).get("withinTarget").asDouble()).isEqualTo(1.0);
    assertThat(byDecider.get(slow).get("decided").asLong()).isEqualTo(3);
    assertThat(byDecider.get(slow).get("medianHours").asDouble()).isEqualTo(60.0);
    assertThat(byDecider.get(slow).get("p95Hours").asDouble()).isEqualTo(96.0);
    assertThat(byDecider.get(slow).get("withinTarget").asDouble()).isEqualTo(0.333);

    // The overdue ones whenever filed, oldest first, with their age; not the fresh one.
    List<String> overdue = new ArrayList<>();
    Map<String, Double> age = new HashMap<>();
    for (JsonNode o : report.get("overdue")) {
      overdue.add(o.get("appealId").asText());
      age.put(o.get("appealId").asText(), o.get("ageHours").asDouble());
      assertThat(o.get("appellant").asText()).isNotBlank();
    }
    assertThat(overdue).contains(oldest, older).doesNotContain(fresh);
    assertThat(overdue.indexOf(oldest)).isLessThan(overdue.indexOf(older));
    assertThat(age.get(oldest)).isBetween(72.0, 72.2);
    assertThat(age.get(older)).isBetween(50.0, 50.2);
    assertThat(report.get("overdueCount").asLong()).isGreaterThanOrEqualTo(2);
    JsonNode empty =
        read(
            as(
                supervisor,
                "GET",
                "/api/v1/qa/reports/appeals?from="
                    + base.minus(Duration.ofDays(30))
                    + "&to="
                    + base.minus(Duration.ofDays(20)),
                null));
    assertThat(empty.get("decided").asLong()).isZero();
    assertThat(empty.get("medianHours").isNull()).isTrue();
    assertThat(empty.get("byDecider")).isEmpty();

    // Bad ranges: 400 naming the parameter, in the caller's language.
    HttpResponse<String> backwards =
        as(
            supervisor,
            "GET",
            "/api/v1/qa/reports/appeals?from=" + now + "&to=" + now.minusSeconds(60),
            null,
            "zh-CN");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(json.readTree(backwards.body()).get("detail").asText())
        .startsWith("参数“from”")
        .contains("必须早于“to”");
    HttpResponse<String> tooLong =
        as(
            supervisor,
            "GET",
            "/api/v1/qa/reports/appeals?from=" + now.minus(Duration.ofDays(400)) + "&to=" + now,
            null);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(json.readTree(tooLong.body()).get("detail").asText())
        .isEqualTo("The days from 'from' to 'to' are 400; at most 366 are allowed.");
    HttpResponse<String> notInstant =
        as(supervisor, "GET", "/api/v1/qa/reports/appeals?from=yesterday", null);
    assertThat(notInstant.statusCode()).isEqualTo(400);
    assertThat(notInstant.body()).contains("from");
    assertThat(as(agent, "GET", "/api/v1/qa/reports/appeals", null).statusCode()).isEqualTo(403);
    assertThat(as(reviewer, "GET", "/api/v1/qa/reports/appeals", null).statusCode()).isEqualTo(200);

    // The reports page in English: the table for the fortnight and the overdue list.
    WebDriver browser = chromium.driver();
    signIn(browser, supervisor);
    browser.get(url("/qa/reports"));
    page().until(() -> browser.findElement(By.tagName("h1")).getText().equals("QA reports"));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "document.getElementById('report-from').value = arguments[0];"
                + "document.getElementById('report-to').value = arguments[1];",
            base.toString().substring(0, 10),
            base.plus(Duration.ofDays(13)).toString().substring(0, 10));
    browser.findElement(By.cssSelector("#report-filter button[type='submit']")).click();
    By slowRow = By.cssSelector("#appeal-turnaround tr[data-decider='" + slow + "']");
    page().until(() -> !browser.findElements(slowRow).isEmpty());
    assertThat(
            browser.findElement(slowRow).findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList())
        .containsExactly(slow, "3", "60", "96", "33.3 %");
    assertThat(browser.findElement(By.id("appeals-summary")).getText())
        .isEqualTo("Target: decided within 48 h of filing. Filed in the range: 5; decided: 5.");
    By oldestRow = By.cssSelector("#overdue-appeals tr[data-appeal='" + oldest + "']");
    assertThat(browser.findElements(oldestRow)).isNotEmpty();
    assertThat(browser.findElement(oldestRow).findElements(By.tagName("td")).get(1).getText())
        .isEqualTo(agent);
    assertThat(
            browser.findElements(
                By.cssSelector("#overdue-appeals tr[data-appeal='" + fresh + "']")))
        .isEmpty();
    signOut(browser);

    // The appeals page marks the open appeals past the target.
    signIn(browser, fast);
    browser.get(url("/qa/appeals"));
    By oldestAppeal = By.cssSelector("#appeals tr[data-appeal='" + oldest + "']");
    page().until(() -> !browser.findElements(oldestAppeal).isEmpty());
    assertThat(browser.findElement(oldestAppeal).getAttribute("class")).contains("overdue");
    assertThat(browser.findElement(oldestAppeal).getText()).contains("(overdue: over 48 h)");
    By freshAppeal = By.cssSelector("#appeals tr[data-appeal='" + fresh + "']");
    assertThat(browser.findElement(freshAppeal).getAttribute("class")).doesNotContain("overdue");
    assertThat(browser.findElement(By.id("appeal-target")).getText())
        .startsWith("Target: decided within 48 hours of filing. Open past it: ");
    signOut(browser);

    // Decide the open ones, so that no other test finds them.
    for (String open : List.of(oldest, older, fresh)) {
      decide(slow, open, false, null);
    }
  }

  /** A new conversation of the agent's, scored, reviewed by the reviewer and appealed. */
  private String reviewedAndAppealed(String reviewer, String agent) throws Exception {
    String c = conversation(agent, "CALL", Instant.now(), "en", agentSays("hello how are you"));
    HttpResponse<String> scored =
        as(reviewer, "POST", "/api/v1/qa/conversations/" + c + "/rescore", "");
    assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
    review(reviewer, c, 60);
    return appeal(agent, c);
  }

  // ------------------------------------------------------------------------------------ helpers

  private JsonNode hit(String user, String conversation, String ruleId) throws Exception {
    JsonNode review = read(as(user, "GET", "/api/v1/qa/conversations/" + conversation, null));
    JsonNode found = null;
    for (JsonNode h : review.get("score").get("hits")) {
      if (h.get("ruleId").asText().equals(ruleId)
          && (found == null || found.get("passed").asBoolean())) {
        found = h;
      }
    }
    assertThat(found).as(review.get("score").toString()).isNotNull();
    return found;
  }

  private static String meanA(double mean) {
    return java.text.NumberFormat.getInstance(java.util.Locale.SIMPLIFIED_CHINESE).format(mean);
  }

  private HttpResponse<String> submit(
      String user, String path, double score, Map<String, Boolean> items) throws Exception {
    return as(
        user,
        "POST",
        path + "/scores",
        json.writeValueAsString(Map.of("score", score, "items", items, "comment", "")));
  }

  private HttpResponse<String> team(String user, String agent, String team) throws Exception {
    return as(
        user,
        "PUT",
        "/api/v1/qa/teams/members/" + enc(agent),
        json.writeValueAsString(Map.of("team", team)));
  }

  private HttpResponse<String> team(String user, String agent, String team, Instant from)
      throws Exception {
    return as(
        user,
        "PUT",
        "/api/v1/qa/teams/members/" + enc(agent),
        json.writeValueAsString(Map.of("team", team, "from", from.toString())));
  }

  private HttpResponse<String> share(String user, String agent, double share) throws Exception {
    return as(
        user,
        "PUT",
        "/api/v1/qa/sampling/agents/" + enc(agent),
        json.writeValueAsString(Map.of("share", share)));
  }

  private JsonNode read422(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    return json.readTree(response.body());
  }

  private String rule(String user, Map<String, Object> body) throws Exception {
    HttpResponse<String> created =
        as(user, "POST", "/api/v1/qa/rules", json.writeValueAsString(body));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = read(created).get("id").asText();
    rules.add(id);
    return id;
  }

  private void review(String reviewer, String conversation, double score) throws Exception {
    HttpResponse<String> r =
        as(
            reviewer,
            "POST",
            "/api/v1/qa/conversations/" + conversation + "/review",
            "{\"score\":" + score + ",\"comment\":\"checked\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private String appeal(String agent, String conversation) throws Exception {
    HttpResponse<String> r =
        as(
            agent,
            "POST",
            "/api/v1/qa/conversations/" + conversation + "/appeals",
            "{\"reason\":\"please look again\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return read(r).get("id").asText();
  }

  private void decide(String decider, String appeal, boolean accepted, Integer score)
      throws Exception {
    HttpResponse<String> r =
        as(
            decider,
            "POST",
            "/api/v1/qa/appeals/" + appeal + "/decision",
            "{\"accepted\":" + accepted + (score == null ? "" : ",\"score\":" + score) + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private double finalScore(String user, String conversation) throws Exception {
    return read(as(user, "GET", "/api/v1/qa/conversations/" + conversation, null))
        .get("summary")
        .get("finalScore")
        .asDouble();
  }

  private static List<Map<String, Object>> agentSays(String text) {
    List<Map<String, Object>> words = new ArrayList<>();
    String[] parts = text.split(" ");
    for (int i = 0; i < parts.length; i++) {
      words.add(word(parts[i], 1000 + i * 400, 1300 + i * 400, "AGENT"));
    }
    return words;
  }

  private static Map<String, Object> word(String word, long startMs, long endMs, String speaker) {
    return Map.of(
        "word", word, "startMs", startMs, "endMs", endMs, "confidence", 0.9, "speaker", speaker);
  }

  /**
   * A conversation stored transcribed (as the transcription worker or the chat intake leave it).
   */
  private String conversation(
      String agent,
      String channel,
      Instant endedAt,
      String language,
      List<Map<String, Object>> words)
      throws Exception {
    String id = "qa-reports-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO qa_recording (conversation_id, recording, language, ended_at, state,
                not_before, enqueued_at, transcribed_at, duration_ms, words, channel, agent)
            VALUES (?, NULL, ?, ?, 'DONE', now(), now(), now(), 20000, ?::jsonb, ?, ?)
            """)
        .params(
            id, language, Timestamp.from(endedAt), json.writeValueAsString(words), channel, agent)
        .update();
    return id;
  }

  private String user(String role) throws Exception {
    return users()
        .create(
            "qa-reports-" + role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8),
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

  private JsonNode read(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return json.readTree(response.body());
  }

  private HttpResponse<String> as(String user, String method, String path, String body)
      throws Exception {
    return as(user, method, path, body, "en");
  }

  private HttpResponse<String> as(
      String user, String method, String path, String body, String language) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(user))
            .header("Accept-Language", language);
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
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

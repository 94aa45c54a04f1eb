package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.WithdrawReason;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.DrawnChart;
import io.contactcenter.testinfra.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervisor's reports on the real stack (PostgreSQL, Redis, Kafka, headless Chromium): chats,
 * a ticket and calls go through the real routing engine in a queue of the test's own (accepted and
 * wrapped up by an agent, abandoned by their customer, a callback requested), and today's report
 * counts them per queue, channel and agent with the times stored for them; other days do not; the
 * CSV is Excel-ready in the reader's language; each agent's time by presence state and not-ready
 * reason is what routing stored of their changes, with their QA score; bad intervals are 400
 * problems naming the parameter; the page shows the figures at phone width.
 */
@ContactCenterIT
class SupervisorReportsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "reports-test-passphrase-1";
  private static final String ADMIN = basic("admin", ContactCenterIT.ADMIN_PASSWORD);
  private static final ZoneId CENTER = ZoneId.of("Asia/Shanghai");

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired ContactRouting routing;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void todaysReportCountsWhatRoutingStoredPerQueueChannelAndAgent() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String queue = "reports-" + suffix;
    String agent = "reporter-" + suffix;
    String supervisor = "report-sup-" + suffix;
    HttpResponse<String> created =
        send(
            "PUT",
            "/api/v1/routing/queues/" + queue,
            ADMIN,
            "{\"skill\":\"rep"
                + suffix
                + "\",\"serviceLevelSeconds\":30,"
                + "\"steps\":[{\"afterSeconds\":0,\"minimumLevel\":1}]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String agentAuth = user(agent, "AGENT");
    HttpResponse<String> profile =
        send(
            "PUT",
            "/api/v1/routing/agents/" + agent,
            ADMIN,
            "{\"skills\":{\"rep" + suffix + "\":3},\"chats\":1,\"tickets\":1}");
    assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
    String supervisorAuth = user(supervisor, "SUPERVISOR");

    // The agent accepts and wraps up a chat and a ticket.
    assertThat(send("POST", "/api/v1/agent/login", agentAuth, "").statusCode()).isEqualTo(200);
    send("PUT", "/api/v1/agent/state", agentAuth, "{\"state\":\"READY\"}");
    String chat = enqueue("CHAT", "report-chat-" + suffix, queue);
    acceptAndWrapUp(agentAuth, chat);
    String ticket = enqueue("TICKET", "report-ticket-" + suffix, queue);
    acceptAndWrapUp(agentAuth, ticket);

    // Nobody is ready: a chat whose customer leaves, a caller who hangs up, a caller who asks to
    // be called back and is then handled another way.
    send("PUT", "/api/v1/agent/state", agentAuth, "{\"state\":\"NOT_READY\",\"reason\":\"break\"}");
    String left = enqueue("CHAT", "report-left-" + suffix, queue);
    Instant queued = Instant.now();
    // The customer leaves after 1.5 s, so that this is the queue's longest wait.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Instant.now().isAfter(queued.plusMillis(1500)));
    assertThat(routing.withdraw(ContactId.of(left), WithdrawReason.CUSTOMER_LEFT)).isTrue();
    ContactId hungUp =
        routing.enqueue(
            new NewContact(ContactChannel.VOICE, "report-call-" + suffix, queue, false));
    assertThat(routing.withdraw(hungUp, WithdrawReason.CUSTOMER_LEFT)).isTrue();
    ContactId callback =
        routing.enqueue(
            new NewContact(ContactChannel.VOICE, "report-callback-" + suffix, queue, false));
    assertThat(routing.requestCallback(callback, PhoneNumber.parse("+8613900139555"))).isTrue();
    assertThat(routing.withdraw(callback, WithdrawReason.CANCELLED)).isTrue();
    // Another reason is a change of its own: its time is counted apart.
    send(
        "PUT",
        "/api/v1/agent/state",
        agentAuth,
        "{\"state\":\"NOT_READY\",\"reason\":\"training\"}");
    String qaScored = scoredConversation(agent, 80);
    send("POST", "/api/v1/agent/logout", agentAuth, "");

    JsonNode today =
        json(send("GET", "/api/v1/supervisor/reports?period=today", supervisorAuth, null));
    assertThat(today.get("zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(today.get("from").asText()).isEqualTo(LocalDate.now(CENTER).toString());

    JsonNode chats = row(today.get("queues"), queue, "CHAT");
    assertThat(chats.get("offered").asLong()).isEqualTo(2);
    assertThat(chats.get("answered").asLong()).isEqualTo(1);
    assertThat(chats.get("abandoned").asLong()).isEqualTo(1);
    assertThat(chats.get("abandonRate").asDouble()).isEqualTo(0.5);
    assertThat(chats.get("callbacks").asLong()).isZero();
    assertThat(chats.get("serviceLevelThresholdSeconds").asLong()).isEqualTo(30);
    assertThat(chats.get("serviceLevel").asDouble()).isEqualTo(1.0);
    // The speed of answer and handle time are the chat's stored times, to the millisecond.
    assertThat(chats.get("averageSpeedOfAnswerSeconds").asDouble())
        .isCloseTo(stored(chat, "answered_at", "enqueued_at"), within(0.0015));
    assertThat(chats.get("averageHandleSeconds").asDouble())
        .isCloseTo(stored(chat, "ended_at", "answered_at"), within(0.0015));
    // The longest wait: the chat whose customer left after at least 1.5 s (unless a slow machine
    // kept the answered chat waiting even longer).
    assertThat(chats.get("longestWaitSeconds").asDouble())
        .isCloseTo(
            Math.max(
                stored(left, "ended_at", "enqueued_at"),
                stored(chat, "answered_at", "enqueued_at")),
            within(0.0015))
        .isGreaterThanOrEqualTo(1.5);

    JsonNode tickets = row(today.get("queues"), queue, "TICKET");
    assertThat(tickets.get("offered").asLong()).isEqualTo(1);
    assertThat(tickets.get("answered").asLong()).isEqualTo(1);
    assertThat(tickets.get("abandonRate").asDouble()).isZero();

    JsonNode calls = row(today.get("queues"), queue, "VOICE");
    assertThat(calls.get("offered").asLong()).isEqualTo(2);
    assertThat(calls.get("answered").asLong()).isZero();
    assertThat(calls.get("abandoned").asLong()).isEqualTo(1);
    assertThat(calls.get("callbacks").asLong()).isEqualTo(1);
    assertThat(calls.get("serviceLevel").isNull()).isTrue();
    assertThat(calls.get("averageSpeedOfAnswerSeconds").isNull()).isTrue();
    // SL2 forgives the caller who hung up within the threshold.
    assertThat(calls.get("serviceLevel2").asDouble()).isEqualTo(1.0);

    JsonNode agentChats = agentRow(today.get("agents"), agent, "CHAT");
    assertThat(agentChats.get("handled").asLong()).isEqualTo(1);
    assertThat(agentChats.get("completed").asLong()).isEqualTo(1);
    assertThat(agentChats.get("handleSeconds").asDouble())
        .isCloseTo(stored(chat, "ended_at", "answered_at"), within(0.0015));
    assertThat(agentRow(today.get("agents"), agent, "TICKET").get("handled").asLong()).isEqualTo(1);

    // The agent's time by state is what routing stored of their presence changes, to the
    // millisecond; each not-ready reason apart; the QA score is the reviewed conversation's.
    Map<String, Double> stored = storedStateSeconds(agent);
    assertThat(stored.keySet())
        .contains("READY:", "ON_CONTACT:", "WRAP_UP:", "NOT_READY:break", "NOT_READY:training");
    JsonNode time = agentTimeRow(today.get("agentTimes"), agent);
    assertThat(time.get("readySeconds").asDouble()).isCloseTo(stored.get("READY:"), within(0.001));
    assertThat(time.get("onContactSeconds").asDouble())
        .isCloseTo(stored.get("ON_CONTACT:"), within(0.001));
    assertThat(time.get("afterCallWorkSeconds").asDouble())
        .isCloseTo(stored.get("WRAP_UP:"), within(0.001));
    assertThat(time.get("loggedInSeconds").asDouble())
        .isCloseTo(stored.values().stream().mapToDouble(Double::doubleValue).sum(), within(0.005));
    JsonNode reasons = time.get("notReadyByReason");
    assertThat(reasons.findValuesAsText("reason")).contains("break", "training");
    for (JsonNode r : reasons) {
      assertThat(r.get("seconds").asDouble())
          .as(r.get("reason").asText())
          .isCloseTo(stored.get("NOT_READY:" + r.get("reason").asText()), within(0.001));
    }
    // The break lasted while the chat's customer waited 1.5 s and left.
    assertThat(stored.get("NOT_READY:break")).isGreaterThanOrEqualTo(1.5);
    double busy =
        time.get("onContactSeconds").asDouble() + time.get("afterCallWorkSeconds").asDouble();
    assertThat(time.get("occupancy").asDouble())
        .isCloseTo(busy / (busy + time.get("readySeconds").asDouble()), within(0.0001));
    assertThat(time.get("qaConversations").asLong()).as(qaScored).isEqualTo(1);
    assertThat(time.get("qaMeanScore").asDouble()).isEqualTo(80.0);

    // Yesterday has none of it; a custom range of today alone has the same figures.
    JsonNode yesterday =
        json(send("GET", "/api/v1/supervisor/reports?period=yesterday", supervisorAuth, null));
    assertThat(yesterday.get("queues").findValuesAsText("queue")).doesNotContain(queue);
    assertThat(yesterday.get("agents").findValuesAsText("agentId")).doesNotContain(agent);
    String day = LocalDate.now(CENTER).toString();
    JsonNode custom =
        json(
            send(
                "GET",
                "/api/v1/supervisor/reports?period=custom&from=" + day + "&to=" + day,
                supervisorAuth,
                null));
    assertThat(row(custom.get("queues"), queue, "CHAT")).isEqualTo(chats);

    // The CSV, in Chinese: a byte-order mark for Excel, Chinese headers and channel names.
    HttpResponse<byte[]> csv =
        http.send(
            request("/api/v1/supervisor/reports/queues.csv?period=today", supervisorAuth, "zh-CN")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    byte[] bytes = csv.body();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]})
        .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text.lines().findFirst().orElseThrow()).startsWith("队列,渠道,进线量,接通量,放弃量,放弃率,回拨请求");
    assertThat(text)
        .contains(queue + ",在线聊天,2,1,1,50.0%,0,")
        .contains(queue + ",电话,2,0,1,50.0%,1,");
    String agents =
        http.send(
                request("/api/v1/supervisor/reports/agents.csv?period=today", supervisorAuth, "en")
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
            .body();
    assertThat(agents).contains("Agent,Channel,Handled").contains(agent + ",Chat,1,1,");
    String agentTime =
        http.send(
                request(
                        "/api/v1/supervisor/reports/agent-time.csv?period=today",
                        supervisorAuth,
                        "zh-CN")
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
            .body();
    assertThat(agentTime.lines().findFirst().orElseThrow())
        .startsWith("\uFEFF坐席,登录时长（秒）,就绪（秒）")
        .contains("未就绪：break（秒）", "未就绪：training（秒）");
    assertThat(agentTime.lines().filter(l -> l.startsWith(agent + ",")).findFirst().orElseThrow())
        .contains(",1,80.0,");

    // Agents may not read the reports.
    assertThat(send("GET", "/api/v1/supervisor/reports", agentAuth, null).statusCode())
        .isEqualTo(403);

    showsTheFiguresAtPhoneWidth(supervisor, queue, agent);
  }

  @Test
  void badIntervalsAreProblemsNamingTheParameterInTheReadersLanguage() throws Exception {
    String supervisor = "report-bad-" + UUID.randomUUID().toString().substring(0, 6);
    String auth = user(supervisor, "SUPERVISOR");

    HttpResponse<String> reversed =
        send(
            "GET",
            "/api/v1/supervisor/reports?period=custom&from=2026-11-02&to=2026-11-01",
            auth,
            null);
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(json(reversed).get("detail").asText())
        .isEqualTo("The parameter 'from' (2026-11-02) must not be after 'to' (2026-11-01).");
    HttpResponse<String> chinese =
        send(
            "GET",
            "/api/v1/supervisor/reports?period=custom&from=2026-11-02&to=2026-11-01",
            auth,
            null,
            "zh-CN");
    assertThat(json(chinese).get("detail").asText())
        .isEqualTo("参数“from”（2026-11-02）不能晚于“to”（2026-11-01）。");

    HttpResponse<String> tooLong =
        send("GET", "/api/v1/supervisor/reports?from=2026-01-01&to=2026-12-31", auth, null);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(json(tooLong).get("detail").asText())
        .isEqualTo("The days from 'from' to 'to' are 365; at most 92 are allowed.");

    HttpResponse<String> badDate =
        send(
            "GET",
            "/api/v1/supervisor/reports/queues.csv?period=custom&from=1.11.2026&to=2026-11-03",
            auth,
            null);
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(json(badDate).get("detail").asText())
        .isEqualTo("The parameter 'from' must be a date such as 2026-11-01.");

    HttpResponse<String> badPeriod =
        send("GET", "/api/v1/supervisor/reports?period=fortnight", auth, null);
    assertThat(badPeriod.statusCode()).isEqualTo(400);
    assertThat(json(badPeriod).get("detail").asText()).contains("'period'").contains("last-7-days");
  }

  private void showsTheFiguresAtPhoneWidth(String supervisor, String queue, String agent) {
    WebDriver page = chromium.driver();
    page.manage().window().setSize(new Dimension(390, 844));
    new TestUsers(port, PASSWORD).signIn(page, supervisor);
    page.get(url("/supervisor/reports"));

    WebElement chats = browser().until(() -> pageRow(page, queue, "Chat"), r -> r != null);
    assertThat(chats.findElements(By.tagName("td")))
        .extracting(WebElement::getText)
        .startsWith(queue, "Chat", "2", "1", "1", "50%", "0");
    assertThat(page.findElement(By.id("queues-csv")).getDomAttribute("href"))
        .isEqualTo("/api/v1/supervisor/reports/queues.csv?period=today");
    // The chart above the table: answered and abandoned per queue and channel, as the API says.
    DrawnChart chart = browser().until(() -> DrawnChart.of(page, "queues-chart"), c -> c != null);
    JsonNode report = DrawnChart.apiJson(page, "/api/v1/supervisor/reports?period=today");
    assertThat(chart.labels()).hasSize(report.get("queues").size());
    for (JsonNode q : report.get("queues")) {
      String label = q.get("queue").asText() + " · " + channelName(q.get("channel").asText());
      assertThat(chart.value("Answered", label)).isEqualTo(q.get("answered").asDouble());
      assertThat(chart.value("Abandoned", label)).isEqualTo(q.get("abandoned").asDouble());
    }
    assertThat(chart.value("Answered", queue + " · Chat")).isEqualTo(1.0);
    assertThat(chart.value("Abandoned", queue + " · Chat")).isEqualTo(1.0);
    assertThat(chart.paintedPixels()).isPositive();
    // Per hour of today in the center's zone, for this queue: the chart and the table beside it
    // say what the API says, and the hours add up to the queue's figures for the day.
    By option = By.cssSelector("#hourly-queue option[value='" + queue + "']");
    browser().until(() -> !page.findElements(option).isEmpty());
    new org.openqa.selenium.support.ui.Select(page.findElement(By.id("hourly-queue")))
        .selectByValue(queue);
    JsonNode hourly = DrawnChart.apiJson(page, "/api/v1/supervisor/reports/hourly?queue=" + queue);
    assertThat(hourly.get("zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(hourly.get("day").asText()).isEqualTo(LocalDate.now(CENTER).toString());
    assertThat(hourly.get("hours")).hasSize(24);
    long offered = 0;
    for (JsonNode h : hourly.get("hours")) {
      offered += h.get("offered").asLong();
    }
    long dayOffered = 0;
    for (JsonNode q : report.get("queues")) {
      if (q.get("queue").asText().equals(queue)) {
        dayOffered += q.get("offered").asLong();
      }
    }
    assertThat(offered).isEqualTo(dayOffered).isPositive();
    double expected = dayOffered;
    DrawnChart hours =
        browser()
            .until(
                () -> DrawnChart.of(page, "hourly-chart"),
                c ->
                    c != null
                        && c.values("Offered").stream().mapToDouble(Double::doubleValue).sum()
                            == expected);
    assertThat(hours.labels()).startsWith("00:00", "01:00").endsWith("23:00");
    List<WebElement> hourRows = page.findElements(By.cssSelector("#report-hourly tbody tr"));
    assertThat(hourRows).hasSize(24);
    for (int i = 0; i < 24; i++) {
      JsonNode h = hourly.get("hours").get(i);
      String label = h.get("hour").asText();
      assertThat(hours.labels().get(i)).isEqualTo(label);
      assertThat(hours.value("Offered", label)).isEqualTo(h.get("offered").asDouble());
      assertThat(hours.value("Answered", label)).isEqualTo(h.get("answered").asDouble());
      assertThat(hours.value("Abandoned", label)).isEqualTo(h.get("abandoned").asDouble());
      assertThat(hourRows.get(i).findElements(By.tagName("td")))
          .extracting(WebElement::getText)
          .containsExactly(
              label,
              h.get("offered").asText(),
              h.get("answered").asText(),
              h.get("abandoned").asText());
    }
    assertThat(hours.paintedPixels()).isPositive();
    WebElement time =
        page.findElements(By.cssSelector("#report-agent-time tbody tr")).stream()
            .filter(r -> r.findElements(By.tagName("td")).get(0).getText().equals(agent))
            .findFirst()
            .orElseThrow();
    List<WebElement> timeCells = time.findElements(By.tagName("td"));
    assertThat(timeCells.get(6).getText())
        .containsPattern("break \\d+:\\d\\d:\\d\\d")
        .containsPattern("training \\d+:\\d\\d:\\d\\d");
    assertThat(timeCells.get(9).getText()).isEqualTo("80");
    assertThat(page.findElement(By.id("agent-time-csv")).getDomAttribute("href"))
        .isEqualTo("/api/v1/supervisor/reports/agent-time.csv?period=today");
    JavascriptExecutor js = (JavascriptExecutor) page;
    assertThat(
            ((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
        .isLessThanOrEqualTo(((Number) js.executeScript("return window.innerWidth")).intValue());

    // A custom range the wrong way round: the page says which parameter is wrong.
    page.findElement(By.cssSelector("#period option[value=custom]")).click();
    js.executeScript(
        "document.getElementById('from').value = '2026-11-02';"
            + "document.getElementById('to').value = '2026-11-01';");
    page.findElement(By.id("show-report")).click();
    WebElement error = page.findElement(By.id("report-error"));
    browser().until(error::isDisplayed);
    assertThat(error.getText()).contains("'from'").contains("2026-11-02");
    assertThat(chromium.securityPolicyViolations()).isEmpty();
  }

  private static String channelName(String channel) {
    return switch (channel) {
      case "VOICE" -> "Call";
      case "CHAT" -> "Chat";
      default -> "Ticket";
    };
  }

  private static WebElement pageRow(WebDriver page, String queue, String channel) {
    return page.findElements(By.cssSelector("#report-queues tbody tr")).stream()
        .filter(
            r -> {
              var cells = r.findElements(By.tagName("td"));
              return cells.size() > 1
                  && cells.get(0).getText().equals(queue)
                  && cells.get(1).getText().equals(channel);
            })
        .findFirst()
        .orElse(null);
  }

  // ---- helpers ----

  /** Seconds between two of the contact's stored instants. */
  private double stored(String contact, String later, String earlier) {
    return jdbc.sql("SELECT " + later + ", " + earlier + " FROM routing_contact WHERE id = ?")
        .param(contact)
        .query(
            (rs, n) -> {
              Timestamp a = rs.getTimestamp(1);
              Timestamp b = rs.getTimestamp(2);
              return Duration.between(b.toInstant(), a.toInstant()).toNanos() / 1e9;
            })
        .single();
  }

  private static JsonNode row(JsonNode rows, String queue, String channel) {
    for (JsonNode r : rows) {
      if (r.get("queue").asText().equals(queue) && r.get("channel").asText().equals(channel)) {
        return r;
      }
    }
    throw new AssertionError("no " + channel + " row for " + queue + " in " + rows);
  }

  private static JsonNode agentTimeRow(JsonNode rows, String agent) {
    for (JsonNode r : rows) {
      if (r.get("agentId").asText().equals(agent)) {
        return r;
      }
    }
    throw new AssertionError("no time row for " + agent + " in " + rows);
  }

  /**
   * Seconds the agent spent per "state:reason" by the presence changes routing stored (to the
   * microsecond, as PostgreSQL keeps them), each lasting until the next (the last is the log-out).
   */
  private Map<String, Double> storedStateSeconds(String agent) {
    record Change(String key, Instant at) {}
    List<Change> changes =
        jdbc.sql(
                "SELECT state, reason, at FROM routing_agent_state_log WHERE agent_id = ?"
                    + " ORDER BY at, id")
            .param(agent)
            .query(
                (rs, n) ->
                    new Change(
                        rs.getString("state") + ":" + rs.getString("reason"),
                        rs.getTimestamp("at").toInstant()))
            .list();
    assertThat(changes).isNotEmpty();
    assertThat(changes.getLast().key()).isEqualTo("OFFLINE:");
    Map<String, Double> seconds = new HashMap<>();
    for (int i = 0; i + 1 < changes.size(); i++) {
      seconds.merge(
          changes.get(i).key(),
          Duration.between(changes.get(i).at(), changes.get(i + 1).at()).toNanos() / 1e9,
          Double::sum);
    }
    return seconds;
  }

  /** A conversation of the agent's that QA scored and a reviewer set to {@code score}. */
  private String scoredConversation(String agent, int score) throws Exception {
    String id = "report-qa-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO qa_recording (conversation_id, recording, language, ended_at, state,
                not_before, enqueued_at, transcribed_at, duration_ms, words, channel, agent)
            VALUES (?, NULL, 'en', ?, 'DONE', now(), now(), now(), 20000, ?::jsonb, 'CALL', ?)
            """)
        .params(
            id,
            Timestamp.from(Instant.now()),
            "[{\"word\":\"hello\",\"startMs\":0,\"endMs\":500,\"confidence\":0.9,"
                + "\"speaker\":\"AGENT\"}]",
            agent)
        .update();
    HttpResponse<String> scored =
        send("POST", "/api/v1/qa/conversations/" + id + "/rescore", ADMIN, "");
    assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
    HttpResponse<String> reviewed =
        send(
            "POST",
            "/api/v1/qa/conversations/" + id + "/review",
            ADMIN,
            "{\"score\":" + score + ",\"comment\":\"checked\"}");
    assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
    return id;
  }

  private static JsonNode agentRow(JsonNode rows, String agent, String channel) {
    for (JsonNode r : rows) {
      if (r.get("agentId").asText().equals(agent) && r.get("channel").asText().equals(channel)) {
        return r;
      }
    }
    throw new AssertionError("no " + channel + " row for " + agent + " in " + rows);
  }

  private void acceptAndWrapUp(String auth, String contact) throws Exception {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> json(send("GET", "/api/v1/agent/status", auth, null)),
            s -> s.get("offers").findValuesAsText("id").contains(contact));
    HttpResponse<String> accepted =
        send("POST", "/api/v1/agent/offers/" + contact + "/accept", auth, "");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    // Completed first, so the agent is in after-call work until the disposition is in.
    HttpResponse<String> completed =
        send("POST", "/api/v1/agent/contacts/" + contact + "/complete", auth, "");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    assertThat(json(completed).get("state").asText()).isEqualTo("WRAP_UP");
    HttpResponse<String> wrapped =
        send(
            "POST",
            "/api/v1/agent/contacts/" + contact + "/wrap-up",
            auth,
            "{\"disposition\":\"resolved\",\"notes\":\"\"}");
    assertThat(wrapped.statusCode()).as(wrapped.body()).isEqualTo(200);
  }

  private String enqueue(String channel, String reference, String queue) throws Exception {
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/routing/contacts",
            ADMIN,
            "{\"channel\":\""
                + channel
                + "\",\"reference\":\""
                + reference
                + "\",\"queue\":\""
                + queue
                + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("contactId").asText();
  }

  private String user(String name, String role) throws Exception {
    new TestUsers(port, PASSWORD).create(name, role);
    return basic(name, PASSWORD);
  }

  private HttpRequest.Builder request(String path, String auth, String language) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", auth)
        .header("Accept-Language", language)
        .timeout(Duration.ofSeconds(10));
  }

  private HttpResponse<String> send(String method, String path, String auth, String body)
      throws Exception {
    return send(method, path, auth, body, "en");
  }

  private HttpResponse<String> send(
      String method, String path, String auth, String body, String language) throws Exception {
    HttpRequest.Builder request =
        request(path, auth, language)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static ConditionFactory browser() {
    return Chromium.onPage(Duration.ofSeconds(30));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}

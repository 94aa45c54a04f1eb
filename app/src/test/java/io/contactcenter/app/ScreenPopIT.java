package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactOffered;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.WithdrawReason;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.TestUsers;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The screen pop with a real call: a known customer (dialplan 4202 sets CC_CUSTOMER as the IVR
 * does) waits in the ACD, routing offers the call to an agent whose workspace is open in headless
 * Chromium, and the page shows the caller (masked: agents do not see numbers), tier, queue and wait
 * and the customer's history with an earlier agent's notes, while the agent's phone (SIPp behind
 * the trunk, a number ending in 0: it rings and never answers) rings. Another agent cannot read it.
 */
@ContactCenterIT
@WithSharedAsterisk
class ScreenPopIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  private static final String PASSWORD = "screen-pop-test-password";
  private static final String CUSTOMER = "+8613800138000";

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired AgentDesk desk;
  @Autowired AgentDirectory agents;
  @Autowired ContactRouting routing;
  @Autowired CapturedEvents events;
  @Autowired JdbcClient jdbc;

  private final List<String> agentsUsed = new CopyOnWriteArrayList<>();
  private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void logOutAndClearTheLine() {
    agentsUsed.forEach(desk::logOut);
    routing.waiting().stream()
        .filter(w -> w.channel() == ContactChannel.VOICE)
        .forEach(w -> routing.withdraw(w.id(), WithdrawReason.CANCELLED));
    callers.shutdownNow();
  }

  @Test
  void anOfferedCallPopsTheCallerAndTheirHistoryWithNumbersMasked() throws Exception {
    // An earlier call of this customer, closed by a colleague with notes naming the number.
    String colleague = users().create("AGENT");
    agents.save(new AgentSettings(colleague, Map.of("orders", 1), 0, 0, 0, ""));
    HttpResponse<String> earlier =
        send(
            "POST",
            "/agent/api/dispositions",
            colleague,
            """
            {"callId": "earlier-%s", "caller": "%s", "disposition": "FOLLOW_UP",
             "notes": "promised a refund, call back on %s"}
            """
                .formatted(UUID.randomUUID().toString().substring(0, 8), CUSTOMER, CUSTOMER));
    assertThat(earlier.statusCode()).as(earlier.body()).isEqualTo(200);
    // A ticket the customer opened in the shop, naming the number, and yesterday's chat in which
    // the shop identified them (its rows as the chat stores them for a signed-in shop visitor).
    // Letters between the hex digits: eight digits in a row would be masked as a phone number.
    String hex = UUID.randomUUID().toString();
    String tag = "x" + hex.substring(0, 4) + "y" + hex.substring(4, 8);
    HttpResponse<String> ticket =
        new CampaignApi(port)
            .post(
                "/api/v1/tickets",
                """
                {"subject": "Refund %s to card, reach me at %s", "customerPhone": "%s",
                 "category": "RETURN", "channel": "SHOP", "sourceKind": "SHOP_REQUEST",
                 "sourceRef": "pop-%s"}
                """
                    .formatted(tag, CUSTOMER, CUSTOMER, tag));
    assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(201);
    String chat = "pop-chat-" + tag;
    jdbc.sql(
            "INSERT INTO chat_conversation (conversation_id, site, visitor_id, customer_phone,"
                + " language, state, agent, created_at, ended_at) VALUES (?, 'test-shop', ?, ?,"
                + " 'zh', 'ENDED', ?, now() - interval '1 day', now() - interval '1 day')")
        .params(chat, "visitor-" + tag, CUSTOMER, colleague)
        .update();
    jdbc.sql(
            "INSERT INTO chat_message (conversation_id, seq, sender, client_message_id, body,"
                + " sent_at) VALUES (?, 1, 'VISITOR', 'm1', ?, now() - interval '1 day')")
        .params(chat, "我的退款 " + tag + " 到哪了？电话 " + CUSTOMER)
        .update();

    String agent = users().create("AGENT");
    agents.save(new AgentSettings(agent, Map.of("support", 3), 0, 0, 0, "agent-50@trunk-test"));
    agentsUsed.add(agent);
    WebDriver browser = chromium.driver();
    users().signIn(browser, agent);
    browser.get(url("/agent/workspace"));
    page().until(() -> attribute(browser, "presence-state", "data-state"), "NOT_READY"::equals);

    try (Sipp.Answering phone =
        Sipp.scenario("uas-answer-or-ring.xml")
            .calls(1)
            .timeout(Duration.ofSeconds(90))
            .answerOn(asterisk.ports().trunk())) {
      CompletableFuture<Sipp.Result> caller =
          CompletableFuture.supplyAsync(
              () ->
                  Sipp.scenario("acd-caller.xml")
                      .service("4202")
                      .pause(Duration.ofSeconds(15))
                      .timeout(Duration.ofSeconds(60))
                      .callAsterisk(asterisk.ports().sip()),
              callers);
      browser.findElement(By.id("presence-ready")).click();

      ContactOffered offer =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      events.ofType(ContactOffered.class).stream()
                          .filter(o -> o.agentId().equals(agent))
                          .findFirst()
                          .orElse(null),
                  o -> o != null);
      page()
          .until(
              () -> attribute(browser, "screen-pop", "data-contact"), offer.id().value()::equals);
      assertThat(text(browser, "pop-queue")).isEqualTo("support");
      assertThat(text(browser, "pop-tier")).isEqualTo("Standard");
      assertThat(text(browser, "pop-waited")).matches("\\d+ s");
      // The caller's number, masked for an agent; their history across channels, masked too.
      assertThat(text(browser, "pop-caller")).startsWith("+86").doesNotContain("13800138000");
      String history = browser.findElement(By.id("pop-history")).getText();
      assertThat(history).contains("promised a refund").doesNotContain("13800138000");
      assertThat(browser.findElements(By.cssSelector("#pop-history tr[data-kind='DISPOSITION']")))
          .isNotEmpty();
      assertThat(history).contains("Refund " + tag).contains("我的退款 " + tag);
      assertThat(browser.findElements(By.cssSelector("#pop-history tr[data-kind='TICKET']")))
          .isNotEmpty();
      assertThat(browser.findElements(By.cssSelector("#pop-history tr[data-kind='CHAT']")))
          .isNotEmpty();

      // Only the agent it is offered to gets it.
      HttpResponse<String> other =
          send("GET", "/agent/api/screen-pop/" + offer.id().value(), colleague, null);
      assertThat(other.statusCode()).isEqualTo(404);
      assertThat(other.body()).contains("contact-not-yours").doesNotContain("13800138000");

      assertThat(caller.get().succeeded()).isTrue();
      // The ring ends with Asterisk's CANCEL, which the phone answers (200, 487) before it exits.
      // Stopped while the CANCEL is on its way, the phone would leave Asterisk retransmitting it to
      // the trunk port, where the next class's phone takes it for a call of its own.
      Sipp.Result rang = phone.await(Duration.ofSeconds(60));
      assertThat(rang.succeeded()).as("the agent's phone:%n%s", rang.output()).isTrue();
    }
  }

  @Test
  void aCustomersIvrSessionStaysInTheTimelineBehindNewerSessionsOfOtherCallers() throws Exception {
    // A customer's call a week ago, through the hotline menu; since then 501 other callers went
    // through the menu. The timeline once searched only the IVR's newest 500 sessions.
    String hex = UUID.randomUUID().toString().replace("-", "");
    String customer = "+86139" + "%08d".formatted(Math.floorMod(hex.hashCode(), 100_000_000));
    String call = "ivr-pop-" + hex.substring(0, 12);
    jdbc.sql(
            "INSERT INTO pbx_call_detail_record (call_id, linked_id, channel, caller, callee,"
                + " cause, cause_text, started_at, answered_at, ended_at, duration_seconds,"
                + " billable_seconds) VALUES (?, ?, 'PJSIP/trunk-1', ?, '4100', 16,"
                + " 'Normal Clearing', now() - interval '7 days 4 min', now() - interval '7 days"
                + " 3 min', now() - interval '7 days', 240, 180)")
        .params(call, call, customer)
        .update();
    jdbc.sql(
            "INSERT INTO ivr_session (session_id, call_id, flow_id, flow_version, caller, language,"
                + " started_at, ended_at, path, visits, intent, self_service, outcome) VALUES"
                + " (gen_random_uuid(), ?, 'hotline', 1, ?, 'zh', now() - interval '7 days 4 min',"
                + " now() - interval '7 days 3 min', 'welcome > orders > agent', '[]', 'orders',"
                + " 'FOUND', 'TO_AGENT')")
        .params(call, customer)
        .update();
    jdbc.sql(
            "INSERT INTO ivr_session (session_id, call_id, flow_id, flow_version, caller, language,"
                + " started_at, ended_at, path, visits, intent, self_service, outcome) SELECT"
                + " gen_random_uuid(), ? || i, 'hotline', 1, '+8613700000000', 'zh',"
                + " now() - make_interval(mins => i), now() - make_interval(mins => i),"
                + " 'welcome > billing > goodbye', '[]', 'billing', NULL, 'CONTAINED'"
                + " FROM generate_series(1, 501) i")
        .param("other-" + hex.substring(0, 8) + "-")
        .update();
    String agent = users().create("AGENT");

    HttpResponse<String> timeline =
        send(
            "GET",
            "/agent/api/timeline?caller=" + java.net.URLEncoder.encode(customer, "UTF-8"),
            agent,
            null);

    assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
    assertThat(timeline.body())
        .contains("\"kind\":\"IVR\",\"callId\":\"" + call + "\"")
        .contains("welcome > orders > agent (orders) → TO_AGENT")
        .doesNotContain("billing");
  }

  // ---- helpers ----

  private HttpResponse<String> send(String method, String path, String user, String body)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** This test's people: accounts through the admin API, sign-in through the form. */
  private TestUsers users() {
    return new TestUsers(port, PASSWORD);
  }

  private static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static String attribute(WebDriver browser, String id, String name) {
    String value = browser.findElement(By.id(id)).getDomAttribute(name);
    return value == null ? "" : value;
  }

  private static ConditionFactory page() {
    return Chromium.onPage(Duration.ofSeconds(20));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}

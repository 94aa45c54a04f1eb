package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.QueueServiceLevel;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervisor's wallboard in headless Chromium on a phone-sized screen (390 px), fed by the real
 * routing engine: an agent's state and a waiting chat appear and change without a reload, the
 * queue's counts on the page are routing's own, and only supervisors and admins get the board.
 */
@ContactCenterIT
class WallboardIT {

  private static final String PASSWORD = "wallboard-test-password";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired ContactRouting routing;
  @Autowired AgentDesk desk;
  @Autowired AgentDirectory agents;

  private final List<String> loggedIn = new CopyOnWriteArrayList<>();
  private final List<ContactId> contacts = new CopyOnWriteArrayList<>();

  @AfterEach
  void logOutAndWithdraw() {
    contacts.forEach(c -> routing.withdraw(c, WithdrawReason.CANCELLED));
    loggedIn.forEach(desk::logOut);
  }

  @Test
  void aSupervisorWatchesAgentsAndQueuesChangeLiveOnAPhoneSizedScreen() throws Exception {
    String supervisor = users().create("SUPERVISOR");
    String agent = users().create("AGENT");
    // Skill "orders" at level 3: the orders queue's first step offers to this agent and no other
    // test's support agent.
    agents.save(new AgentSettings(agent, Map.of("orders", 3), 2, 0, 0, ""));
    desk.logIn(agent);
    loggedIn.add(agent);

    WebDriver browser = chromium.driver();
    browser.manage().window().setSize(new Dimension(390, 844));
    users().signIn(browser, supervisor);
    browser.get(url("/supervisor/wallboard"));

    page()
        .until(
            () -> cell(browser, "#agents tr[data-agent='" + agent + "'] .state"),
            text -> text.startsWith("Not ready"));

    ContactId chat =
        routing.enqueue(
            new NewContact(
                ContactChannel.CHAT, "wallboard-" + UUID.randomUUID(), "orders", false, "Ms Li"));
    contacts.add(chat);
    // Pushed: no reload of the page from here on.
    page().until(() -> cell(browser, "#queues tr[data-queue='orders'] .waiting"), "1"::equals);
    assertThat(orders().waiting()).isEqualTo(1);
    // The chart of waiting contacts has the board's latest number as its newest point.
    page().until(() -> waitingChartLast(browser), n -> n != null && n == 1.0);
    assertThat(waitingChartLast(browser)).isEqualTo(ordersWaitingFromApi(browser));
    page()
        .until(
            () -> cell(browser, "#queues tr[data-queue='orders'] .longest"),
            text -> text.matches("\\d+ s"));

    desk.ready(agent);
    page()
        .until(
            () -> cell(browser, "#agents tr[data-agent='" + agent + "'] .state"),
            "On a contact"::equals);
    page().until(() -> cell(browser, "#queues tr[data-queue='orders'] .waiting"), "0"::equals);
    page().until(() -> waitingChartLast(browser), n -> n != null && n == 0.0);
    assertThat(waitingChartLast(browser)).isEqualTo(ordersWaitingFromApi(browser));
    DrawnChart waiting = DrawnChart.of(browser, "waiting-chart");
    assertThat(waiting.values("orders")).contains(1.0, 0.0);
    assertThat(waiting.valueTitle()).isEqualTo("Waiting");
    assertThat(waiting.paintedPixels()).isPositive();
    assertThat(waiting.width()).isPositive().isLessThanOrEqualTo(390);
    // The same samples as text: the table under the chart, newest first, one column per queue.
    List<String> history = historyColumn(browser, "orders");
    assertThat(history.get(0)).isEqualTo("0");
    assertThat(history).contains("1");

    desk.accept(agent, chat);
    desk.complete(agent, chat);
    // The answered count the page shows is routing's: reconciled with the engine's statistics.
    long answered = orders().answered();
    page()
        .until(
            () -> cell(browser, "#queues tr[data-queue='orders'] .answered"),
            String.valueOf(answered)::equals);
    page()
        .until(
            () -> cell(browser, "#queues tr[data-queue='orders'] .sl"), text -> text.endsWith("%"));
    page()
        .until(
            () -> cell(browser, "#agents tr[data-agent='" + agent + "'] .in-state"),
            text -> text.matches("\\d+ s|\\d+ min \\d+ s"));

    // Usable on the phone: nothing is wider than the screen (tables scroll inside their card).
    Number width =
        (Number)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
    assertThat(width.intValue()).isLessThanOrEqualTo(390);

    // The same board in Chinese.
    browser.findElement(By.id("lang-zh-CN")).click();
    page().until(() -> browser.findElement(By.tagName("h1")).getText(), "监控大屏"::equals);
    page()
        .until(
            () -> cell(browser, "#agents tr[data-agent='" + agent + "'] .state"),
            text -> text.startsWith("话后处理") || text.startsWith("就绪"));
    DrawnChart zh = page().until(() -> DrawnChart.of(browser, "waiting-chart"), c -> c != null);
    assertThat(zh.valueTitle()).isEqualTo("排队数");
    assertThat(zh.last("orders")).isEqualTo(ordersWaitingFromApi(browser));

    // The supervisor is disabled while watching: the open stream is not left running, and the
    // page says why the numbers stopped, with a way to sign in again.
    users().disable(supervisor);
    page()
        .until(
            () -> cell(browser, "#signed-out"), text -> text != null && text.startsWith("您已被退出登录"));
    assertThat(browser.findElement(By.cssSelector("#signed-out a")).getAttribute("href"))
        .endsWith("/login");
  }

  @Test
  void onlySupervisorsAndAdminsGetTheBoardAndItsStream() throws Exception {
    String supervisor = users().create("SUPERVISOR");
    String agent = users().create("AGENT");

    HttpResponse<String> refused = get("/api/v1/supervisor/wallboard", agent);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("json");

    HttpResponse<String> board = get("/api/v1/supervisor/wallboard", supervisor);
    assertThat(board.statusCode()).as(board.body()).isEqualTo(200);
    JsonNode json = JSON.readTree(board.body());
    List<String> queues = new ArrayList<>();
    json.get("queues").forEach(q -> queues.add(q.get("queue").asText()));
    assertThat(queues).containsAll(List.of("orders", "support", "vip"));
    assertThat(json.get("agents").isArray()).isTrue();
    assertThat(json.get("calls").isArray()).isTrue();

    // The stream sends the board at once, as a server-sent event.
    List<String> lines = new CopyOnWriteArrayList<>();
    var stream =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(URI.create(url("/api/v1/supervisor/wallboard/stream")))
                    .header("Authorization", basic(supervisor))
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    stream.thenAccept(r -> r.body().forEach(lines::add));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("\"queues\"")));
    stream.cancel(true);

    assertThat(get("/api/v1/supervisor/wallboard/stream", agent).statusCode()).isEqualTo(403);
    assertThat(get("/supervisor/wallboard", agent).statusCode()).isEqualTo(403);
  }

  // ---- helpers ----

  private QueueServiceLevel orders() {
    return routing.serviceLevels().stream()
        .filter(q -> q.queue().equals("orders"))
        .findFirst()
        .orElseThrow();
  }

  /** The newest point of the orders queue's line on the waiting chart, or null before one. */
  private static Double waitingChartLast(WebDriver browser) {
    DrawnChart chart = DrawnChart.of(browser, "waiting-chart");
    return chart == null || !chart.datasets().containsKey("orders") ? null : chart.last("orders");
  }

  private static double ordersWaitingFromApi(WebDriver browser) {
    for (JsonNode queue :
        DrawnChart.apiJson(browser, "/api/v1/supervisor/wallboard").get("queues")) {
      if (queue.get("queue").asText().equals("orders")) {
        return queue.get("waiting").asDouble();
      }
    }
    throw new AssertionError("no orders queue on the board");
  }

  /** One queue's column of the waiting history table (read from the DOM: the table is folded). */
  @SuppressWarnings("unchecked")
  private static List<String> historyColumn(WebDriver browser, String queue) {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const heads = [...document.querySelectorAll('#waiting-history thead th')]"
                    + ".map(th => th.textContent);"
                    + "const at = heads.indexOf(arguments[0]);"
                    + "return [...document.querySelectorAll('#waiting-history tbody tr')]"
                    + ".map(tr => tr.cells[at].textContent);",
                queue);
  }

  private static String cell(WebDriver browser, String css) {
    var found = browser.findElements(By.cssSelector(css));
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "application/json")
                .header("Authorization", basic(user))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** This test's people: accounts through the admin API, sign-in through the form. */
  private TestUsers users() {
    return new TestUsers(port, PASSWORD);
  }

  private static ConditionFactory page() {
    return Chromium.onPage(Duration.ofSeconds(20));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
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
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ops lists as an ops user with many campaigns and calls uses them: campaigns searched by name
 * (Chinese too, {@code %} taken literally), filtered by state and type, and paged by the server in
 * a stable order; robot calls filtered by campaign, outcome, days and the number's last digits,
 * paged without a call shown twice or left out even when calls share a creation time, numbers
 * masked, and the digit search refused to a role that sees numbers masked. Then the robot calls
 * page on a phone-sized screen, filtered as a person would.
 */
@ContactCenterIT
class OpsListsIT {

  private static final String PASSWORD = "ops-lists-password";

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void campaignsAreSearchedFilteredAndPagedByTheServer() throws Exception {
    CampaignApi api = new CampaignApi(port);
    String prefix = "lists-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> created = new ArrayList<>();
    for (String[] c :
        List.of(
            new String[] {prefix + " 双十一尾款 a", "balance"},
            new String[] {prefix + " 双十一尾款 b", "balance"},
            new String[] {prefix + " 100% off", "reactivate"},
            new String[] {prefix + " delay x", "delay"},
            new String[] {prefix + " delay y", "delay"})) {
      HttpResponse<String> response =
          api.post(
              "/api/v1/campaigns",
              """
              {"name": "%s", "type": "%s", "variables": {"merchant": "Acme"}}
              """
                  .formatted(c[0], c[1]));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      created.add(api.read(response.body()).get("campaignId").asText());
    }

    HttpResponse<String> all = api.get("/api/v1/campaigns?name=" + encode(prefix));
    assertThat(all.headers().firstValue("X-Total-Count")).contains("5");
    assertThat(ids(api.read(all.body()))).containsExactlyElementsOf(created.reversed());

    assertThat(ids(list(api, "name=" + encode(prefix.toUpperCase()) + "&type=delay")))
        .containsExactly(created.get(4), created.get(3));
    assertThat(ids(list(api, "name=" + encode("双十一尾款")))).contains(created.get(0));
    assertThat(ids(list(api, "name=" + encode(prefix + " 100%")))).containsExactly(created.get(2));
    assertThat(ids(list(api, "name=" + encode(prefix + " 1_0")))).isEmpty();
    assertThat(ids(list(api, "name=" + encode(prefix) + "&state=draft"))).hasSize(5);
    assertThat(ids(list(api, "name=" + encode(prefix) + "&state=RUNNING"))).isEmpty();

    // Pages of two: every campaign once, in the order of the whole list.
    List<String> paged = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      HttpResponse<String> response =
          api.get("/api/v1/campaigns?size=2&page=" + page + "&name=" + encode(prefix));
      assertThat(response.headers().firstValue("X-Total-Count")).contains("5");
      paged.addAll(ids(api.read(response.body())));
    }
    assertThat(paged).containsExactlyElementsOf(created.reversed());

    HttpResponse<String> badState = api.get("/api/v1/campaigns?state=ON");
    assertThat(badState.statusCode()).isEqualTo(400);
    assertThat(badState.body()).contains("'state' must be one of DRAFT");
    assertThat(api.get("/api/v1/campaigns?size=0").statusCode()).isEqualTo(400);
  }

  @Test
  void robotCallsAreFilteredAndPagedWithNumbersMasked() throws Exception {
    CampaignApi api = new CampaignApi(port);
    String campaignId = campaign(api, "calls-" + UUID.randomUUID().toString().substring(0, 8));
    // 12 calls of the campaign: the first 6 at one instant (ties must still page stably), the
    // others a day apart going back; every third agreed.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Instant at = i < 6 ? now : now.minus(Duration.ofDays(i - 5));
      calls.add(
          robotCall(
              "campaign:" + campaignId,
              "+86138001%05d".formatted(i * 7 + 11000),
              i % 3 == 0 ? "AGREED" : "REFUSED",
              at));
    }
    robotCall("someone-else", "+8613800111111", "AGREED", now);

    String of = "campaign=" + campaignId;
    HttpResponse<String> first = api.get("/api/v1/robot/calls?" + of);
    assertThat(first.headers().firstValue("X-Total-Count")).contains("12");
    JsonNode body = api.read(first.body());
    for (JsonNode call : body) {
      assertThat(call.get("phone").asText()).matches("\\+861\\*+\\d\\d");
      assertThat(call.get("requestedBy").asText()).isEqualTo("campaign:" + campaignId);
    }

    List<String> paged = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      paged.addAll(attemptIds(list(api, "robot/calls?size=5&page=" + page + "&" + of)));
    }
    assertThat(paged).hasSize(12).doesNotHaveDuplicates();
    assertThat(new HashSet<>(paged)).isEqualTo(new HashSet<>(calls));

    assertThat(attemptIds(list(api, "robot/calls?outcome=agreed&" + of)))
        .containsExactlyInAnyOrder(calls.get(0), calls.get(3), calls.get(6), calls.get(9));
    String lastThreeDays =
        "&from=" + now.minus(Duration.ofDays(3)) + "&to=" + now.minus(Duration.ofDays(1));
    // Created 3 and 2 days ago: calls 8 and 7 (to is exclusive, so not the one a day ago).
    assertThat(attemptIds(list(api, "robot/calls?" + of + lastThreeDays)))
        .containsExactly(calls.get(7), calls.get(8));
    // Call 5 is +8613800111035.
    assertThat(attemptIds(list(api, "robot/calls?phoneSuffix=1035&" + of)))
        .containsExactly(calls.get(5));

    HttpResponse<String> badOutcome = api.get("/api/v1/robot/calls?outcome=happy");
    assertThat(badOutcome.statusCode()).isEqualTo(400);
    assertThat(badOutcome.body()).contains("agreed");
    assertThat(api.get("/api/v1/robot/calls?phoneSuffix=12a").statusCode()).isEqualTo(400);

    // QA sees numbers masked: searching by their digits would reveal them.
    String qa = users().create("QA");
    assertThat(get(qa, "/api/v1/robot/calls?" + of).statusCode()).isEqualTo(200);
    assertThat(get(qa, "/api/v1/robot/calls?phoneSuffix=1035").statusCode()).isEqualTo(403);

    // The page on a phone: opened from the campaign, filtered by outcome and by digits.
    String ops = users().create("OPS");
    WebDriver browser = chromium.driver();
    browser.manage().window().setSize(new Dimension(390, 844));
    users().signIn(browser, ops);
    browser.get(url("/robot/calls?campaign=" + campaignId));
    page().until(() -> rows(browser).size() == 12);
    assertThat(new Select(browser.findElement(By.id("campaign-filter"))).getFirstSelectedOption())
        .extracting(WebElement::getText)
        .asString()
        .startsWith("calls-");
    new Select(browser.findElement(By.id("outcome-filter"))).selectByValue("agreed");
    page().until(() -> rows(browser).size() == 4);
    assertThat(browser.findElement(By.id("page-info")).getText()).contains("4 calls");
    new Select(browser.findElement(By.id("outcome-filter"))).selectByValue("");
    browser.findElement(By.id("phone-filter")).sendKeys("1035");
    page().until(() -> rows(browser).size() == 1);
    assertThat(rows(browser).get(0).getDomAttribute("data-attempt")).isEqualTo(calls.get(5));
    assertThat(rows(browser).get(0).getText()).contains("+861*").doesNotContain("8613800111035");
  }

  private static List<WebElement> rows(WebDriver browser) {
    return browser.findElements(By.cssSelector("#calls tbody tr"));
  }

  private String campaign(CampaignApi api, String name) throws Exception {
    HttpResponse<String> response =
        api.post(
            "/api/v1/campaigns",
            """
            {"name": "%s", "type": "balance", "variables": {"merchant": "Acme"}}
            """
                .formatted(name));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return api.read(response.body()).get("campaignId").asText();
  }

  /** A finished robot call as the robot stores it (placing real ones is RobotCallIT's part). */
  private String robotCall(String requestedBy, String phone, String outcome, Instant at) {
    String id = "robot-" + UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO robot_attempt (attempt_id, phone, script_id, script_version, language,"
                + " variables, requested_by, status, dial_outcome, outcome, created_at,"
                + " answered_at, ended_at) VALUES (?, ?, 'balance', 1, 'en', '{}'::jsonb, ?,"
                + " 'FINISHED', 'ANSWERED', ?, ?, ?, ?)")
        .params(
            id,
            phone,
            requestedBy,
            outcome,
            Timestamp.from(at),
            Timestamp.from(at),
            Timestamp.from(at.plusSeconds(30)))
        .update();
    return id;
  }

  private static JsonNode list(CampaignApi api, String query) throws Exception {
    return query.startsWith("robot/")
        ? api.getJson("/api/v1/" + query)
        : api.getJson("/api/v1/campaigns?" + query);
  }

  private static List<String> ids(JsonNode campaigns) {
    List<String> ids = new ArrayList<>();
    campaigns.forEach(c -> ids.add(c.get("campaignId").asText()));
    return ids;
  }

  private static List<String> attemptIds(JsonNode calls) {
    List<String> ids = new ArrayList<>();
    calls.forEach(c -> ids.add(c.get("attemptId").asText()));
    return ids;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** This test's people: accounts through the admin API, sign-in through the form. */
  private TestUsers users() {
    return new TestUsers(port, PASSWORD);
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "application/json")
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static ConditionFactory page() {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100));
  }
}

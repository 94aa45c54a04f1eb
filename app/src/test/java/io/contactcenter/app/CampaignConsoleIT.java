package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.CustomerVoice;
import io.contactcenter.testinfra.DrawnChart;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ops console in headless Chromium, used as an ops user would: sign in, create a campaign
 * (after the API refused a bad call window, shown beside the form), upload a CSV and read its row
 * errors, start the campaign and watch the counters move while SIPp customers answer and agree,
 * pause and resume it, filter the results, export them, and play a finished call's recording. Names
 * and reasons that look like HTML stay text throughout.
 */
@ContactCenterIT
@WithSharedAsterisk
class CampaignConsoleIT {

  /** Would run if any page put untrusted text into HTML; an alert also fails the next command. */
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";

  private static final int CONTACTS = 5;
  private static final int MAX_CONCURRENT = 3;

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired SpeechSynthesizer tts;

  @Test
  void opsRunACampaignFromTheConsole(@TempDir Path dir) throws Exception {
    String user = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "console-ops-password";
    HttpResponse<String> created =
        new CampaignApi(port)
            .post(
                "/api/v1/users",
                """
                {"username": "%s", "password": "%s", "roles": ["OPS"]}
                """
                    .formatted(user, password));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    WebDriver browser = chromium.driver();

    // Sign in: the home page links to the campaigns.
    browser.get(url("/"));
    page().until(() -> browser.getCurrentUrl().endsWith("/login"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
    page().until(() -> text(browser, "who").contains(user));
    browser.findElement(By.id("nav-campaigns")).click();
    page().until(() -> browser.getCurrentUrl().endsWith("/campaigns"));

    // A call window without hours: the API's reason shows beside the form.
    String name = HOSTILE + " November reminders";
    browser.findElement(By.id("name")).sendKeys(name);
    new Select(browser.findElement(By.id("type"))).selectByValue("balance");
    WebElement window = browser.findElement(By.id("callWindow"));
    assertThat(window.getDomProperty("value")).isEqualTo("MON-SUN 09:00-21:00");
    window.clear();
    window.sendKeys("MON-SUN");
    type(browser, "maxConcurrent", Integer.toString(MAX_CONCURRENT));
    type(browser, "maxPerSecond", "2");
    type(browser, "maxAttempts", "2");
    browser.findElement(By.id("merchant")).sendKeys("Acme Shop");
    browser.findElement(By.id("create-button")).click();
    page()
        .until(
            () -> browser.findElement(By.id("create-error")),
            e -> e.isDisplayed() && e.getText().contains("the times are missing"));
    assertThat(browser.getCurrentUrl()).endsWith("/campaigns");

    type(browser, "callWindow", "MON-SUN 09:00-21:00");
    browser.findElement(By.id("create-button")).click();
    page().until(() -> browser.getCurrentUrl().matches(".*/campaigns/cmp-[0-9a-f-]+$"));
    String campaignId = browser.getCurrentUrl().replaceAll(".*/campaigns/", "");
    page().until(() -> text(browser, "campaign-name"), name::equals);
    assertThat(settings(browser))
        .containsEntry("State", "Draft")
        .containsEntry("Call window", "MON-SUN 09:00-21:00")
        .containsEntry("Max concurrent calls", "3")
        .containsEntry("Merchant", "Acme Shop");

    // Settings change in the page while it is a draft, validated like the API.
    browser.findElement(By.cssSelector("#edit-settings summary")).click();
    type(browser, "edit-callWindow", "MON-SUN 25:00-26:00");
    browser.findElement(By.id("save-settings")).click();
    page().until(() -> browser.findElement(By.id("settings-error")).isDisplayed());
    type(browser, "edit-callWindow", "MON-SUN 08:30-21:00");
    browser.findElement(By.id("save-settings")).click();
    page().until(() -> settings(browser).get("Call window"), "MON-SUN 08:30-21:00"::equals);
    assertThat(browser.findElement(By.id("settings-error")).isDisplayed()).isFalse();

    // Nobody to call yet: Start is not offered, and the page says why.
    page()
        .until(
            () -> browser.findElement(By.id("start-reason")),
            e -> e.isDisplayed() && e.getText().contains("no contact to call"));
    assertThat(browser.findElement(By.id("start")).isEnabled()).isFalse();

    // The upload report: five good rows kept, three refused with their row and reason.
    Path csv = dir.resolve("november.csv");
    Files.write(csv, contactsCsv());
    browser.findElement(By.id("file")).sendKeys(csv.toString());
    browser.findElement(By.id("upload-button")).click();
    page().until(() -> browser.findElement(By.id("import")).isDisplayed());
    assertThat(table(browser, "import-report"))
        .containsEntry("File", "november.csv")
        .containsEntry("Charset", "UTF-8")
        .containsEntry("Rows", "8")
        .containsEntry("Added", "5")
        .containsEntry("Duplicates", "0")
        .containsEntry("Rejected", "3");
    Map<String, String> rowErrors = table(browser, "row-errors");
    assertThat(rowErrors).containsOnlyKeys("7", "8", "9");
    assertThat(rowErrors.get("7")).contains("'" + HOSTILE + "'");
    assertThat(rowErrors.get("8")).contains("emergency");
    assertThat(rowErrors.get("9")).contains("amount_due");
    assertNoInjectedElements(browser);
    page().until(() -> text(browser, "count-pending"), "5"::equals);
    page().until(() -> browser.findElement(By.id("start")).isEnabled());
    assertThat(browser.findElement(By.id("start-reason")).isDisplayed()).isFalse();

    Duration disclosure =
        tts.synthesize(CustomerVoice.balanceReminderDisclosure("Acme Shop"), null).duration();
    Path customer =
        CustomerVoice.says(
            tts, disclosure.plusMillis(4500), "Yes, I will pay it today.", Duration.ofSeconds(3));
    try (Sipp.Answering answering =
        Sipp.scenario("uas-answer.xml")
            .workingDirectory(customer)
            .calls(3 * CONTACTS)
            .timeout(Duration.ofSeconds(300))
            .answerOn(asterisk.ports().trunk())) {
      browser.findElement(By.id("start")).click();
      page().until(() -> text(browser, "state"), "Running"::equals);
      assertThat(browser.findElement(By.id("action-error")).isDisplayed()).isFalse();
      assertThat(enabled(browser)).containsExactly("pause", "stop");

      // The counters move without a reload: calls ring and are talked through.
      page()
          .atMost(Duration.ofSeconds(60))
          .until(() -> count(browser, "count-dialing") + count(browser, "count-talking") > 0);
      page().atMost(Duration.ofSeconds(60)).until(() -> count(browser, "count-talking") > 0);
      assertThat(count(browser, "count-pending")).isLessThan(CONTACTS);

      // Paused, the console offers resume; calls in flight finish.
      browser.findElement(By.id("pause")).click();
      page().until(() -> text(browser, "state"), "Paused"::equals);
      assertThat(enabled(browser)).containsExactly("resume", "stop");
      browser.findElement(By.id("resume")).click();
      page().until(() -> text(browser, "state"), "Running"::equals);

      int[] mostInFlight = {0};
      page()
          .atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                int inFlight = count(browser, "count-dialing") + count(browser, "count-talking");
                mostInFlight[0] = Math.max(mostInFlight[0], inFlight);
                return text(browser, "state");
              },
              "Completed"::equals);
      assertThat(mostInFlight[0]).isBetween(1, MAX_CONCURRENT);
    }
    assertThat(enabled(browser)).isEmpty();
    page().until(() -> text(browser, "count-done"), "5"::equals);
    assertThat(text(browser, "count-pending")).isEqualTo("0");
    assertThat(table(browser, "by-outcome")).containsEntry("Agreed", "5");
    assertThat(funnel(browser))
        .containsEntry("contacts", "5")
        .containsEntry("attempts", "5")
        .containsEntry("answered", "5")
        .containsEntry("label:agreed", "5");
    // The funnel chart is drawn from the progress the API reports, stage by stage.
    JsonNode progress =
        DrawnChart.apiJson(browser, "/api/v1/campaigns/" + campaignId + "/progress");
    DrawnChart funnelChart =
        page().until(() -> DrawnChart.of(browser, "funnel-chart"), c -> c != null);
    assertThat(funnelChart.labels()).containsExactly("Contacts", "Attempts", "Answered", "Agreed");
    assertThat(funnelChart.values("Count"))
        .containsExactly(
            progress.get("contacts").asDouble(),
            progress.get("attempts").asDouble(),
            progress.get("answered").asDouble(),
            progress.get("byOutcome").get("agreed").asDouble());
    assertThat(progress.get("contacts").asInt()).isEqualTo(CONTACTS);
    assertThat(funnelChart.paintedPixels()).isPositive();

    // Results: the label filter keeps the agreed calls, a dial outcome nobody had shows none.
    new Select(browser.findElement(By.id("filter-outcome"))).selectByValue("agreed");
    page().until(() -> text(browser, "results-summary"), "5 shown · Agreed"::equals);
    assertThat(resultRows(browser))
        .hasSize(CONTACTS)
        .allSatisfy(
            row ->
                assertThat(row.findElement(By.className("outcome")).getText()).isEqualTo("Agreed"));
    assertThat(browser.findElement(By.id("results")).getText()).contains(HOSTILE);
    new Select(browser.findElement(By.id("filter-dial"))).selectByValue("BUSY");
    page().until(() -> browser.findElement(By.id("no-results")).isDisplayed());
    assertThat(text(browser, "results-summary")).isEqualTo("0 shown · Agreed · Busy");
    new Select(browser.findElement(By.id("filter-dial"))).selectByValue("ANSWERED");
    page().until(() -> text(browser, "results-summary"), "5 shown · Agreed · Answered"::equals);
    assertNoInjectedElements(browser);

    // The export link downloads every attempt with this session.
    String export = browser.findElement(By.id("export")).getDomAttribute("href");
    assertThat(export).isEqualTo("/api/v1/campaigns/" + campaignId + "/attempts.csv");
    Object csvHead =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + t)),"
                    + " e => done(String(e)));",
                export);
    assertThat((String) csvHead).startsWith("200 attempt_id,");

    // A finished call: its page plays the recording.
    WebElement firstCall = resultRows(browser).get(0).findElement(By.tagName("a"));
    String attemptId = resultRows(browser).get(0).getDomAttribute("data-attempt");
    firstCall.click();
    page()
        .until(
            () ->
                browser
                    .getCurrentUrl()
                    .endsWith("/robot/calls/" + attemptId + "?campaign=" + campaignId));
    // The call page leads back to its campaign.
    assertThat(browser.findElement(By.id("back-to-campaign")).getDomAttribute("href"))
        .isEqualTo("/campaigns/" + campaignId);
    page().until(() -> table(browser, "summary"), t -> "Agreed".equals(t.get("Outcome")));
    assertThat(browser.findElements(By.cssSelector("#turns li.callee .label")))
        .anySatisfy(label -> assertThat(label.getText()).startsWith("agree"));
    page()
        .until(
            () -> browser.findElement(By.id("recording")).getDomAttribute("src"),
            src -> src != null && src.endsWith("/recording"));
    Object played =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "document.getElementById('recording').play()"
                    + ".then(() => done('playing'), e => done(e.name + ': ' + e.message));");
    assertThat(played).isEqualTo("playing");
    page()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> audio(browser),
            a ->
                ((Number) a.get("readyState")).intValue() >= 2
                    && ((Number) a.get("duration")).doubleValue() > 1
                    && ((Number) a.get("currentTime")).doubleValue() > 0.5
                    && a.get("error") == null);
    assertNoInjectedElements(browser);

    // The campaign list shows it finished, its name as typed.
    browser.get(url("/campaigns"));
    page()
        .until(
            () ->
                browser.findElements(
                    By.cssSelector("#campaigns tr[data-campaign='" + campaignId + "'] td")),
            cells -> cells.size() == 5);
    List<WebElement> listed =
        browser.findElements(
            By.cssSelector("#campaigns tr[data-campaign='" + campaignId + "'] td"));
    assertThat(listed.get(0).getText()).isEqualTo(name);
    assertThat(listed.get(1).getText()).isEqualTo("Balance payment reminder");
    assertThat(listed.get(2).getText()).isEqualTo("Completed");
    assertNoInjectedElements(browser);
    // All of it ran under the Content-Security-Policy without the browser refusing anything.
    assertThat(chromium.securityPolicyViolations()).isEmpty();
  }

  /** Waits on the page: elements its scripts re-render may go stale between two looks. */
  private static ConditionFactory page() {
    return Chromium.onPage(Duration.ofSeconds(30));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static int count(WebDriver browser, String id) {
    return Integer.parseInt(text(browser, id));
  }

  private static void type(WebDriver browser, String id, String value) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  /** The lifecycle buttons the page enables, in page order. */
  private static List<String> enabled(WebDriver browser) {
    return browser.findElements(By.cssSelector("button[data-action]")).stream()
        .filter(WebElement::isEnabled)
        .map(b -> b.getDomAttribute("id"))
        .toList();
  }

  private static Map<String, String> settings(WebDriver browser) {
    return table(browser, "settings");
  }

  /** A two-column table (header or first cell → second cell) as shown. */
  private static Map<String, String> table(WebDriver browser, String id) {
    Map<String, String> rows = new HashMap<>();
    for (WebElement tr : browser.findElements(By.cssSelector("#" + id + " tbody tr"))) {
      List<WebElement> cells = tr.findElements(By.cssSelector("th, td"));
      rows.put(cells.get(0).getText(), cells.get(1).getText());
    }
    return rows;
  }

  private static Map<String, String> funnel(WebDriver browser) {
    Map<String, String> stages = new HashMap<>();
    for (WebElement stage : browser.findElements(By.cssSelector("#funnel .stage"))) {
      stages.put(
          stage.getDomAttribute("data-stage"), stage.findElement(By.className("count")).getText());
    }
    return stages;
  }

  private static List<WebElement> resultRows(WebDriver browser) {
    return browser.findElements(By.cssSelector("#results tbody tr"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> audio(WebDriver browser) {
    return (Map<String, Object>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const a = document.getElementById('recording');"
                    + "return {readyState: a.readyState, duration: a.duration || 0,"
                    + " currentTime: a.currentTime, error: a.error && a.error.code};");
  }

  /** Untrusted text rendered as markup would have created an element; none may exist. */
  private static void assertNoInjectedElements(WebDriver browser) {
    assertThat(browser.findElements(By.tagName("img"))).isEmpty();
  }

  /**
   * Five good rows (one customer named like markup) and three bad ones: a "number" that is markup,
   * an emergency number and a row without the amount due. The contacts' time zone puts them at
   * midday, so the default 09:00-21:00 window is open whenever the test runs.
   */
  private static byte[] contactsCsv() {
    int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(12 - hour + 12, 24) - 12;
    String zone = ZoneOffset.ofHours(offset).getId().replace("Z", "+00:00");
    StringBuilder csv = new StringBuilder("phone,name,order_number,amount_due,deadline,timezone\n");
    for (int i = 1; i <= CONTACTS; i++) {
      String name = i == 1 ? HOSTILE : "Wang Fang " + i;
      csv.append(
          "+86139001390%02d,%s,B2026%03d,899.00 CNY,2026-12-30,%s\n".formatted(i, name, i, zone));
    }
    csv.append(HOSTILE).append(",Markup Number,B1,1 CNY,2026-12-30,").append(zone).append('\n');
    csv.append("110,Police,B2,1 CNY,2026-12-30,").append(zone).append('\n');
    csv.append("+8613900139050,No Amount,B3,,2026-12-30,").append(zone).append('\n');
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}

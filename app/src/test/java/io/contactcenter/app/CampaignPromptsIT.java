package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.Repository;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The prompt editor on a campaign's page in headless Chromium, as an ops user: a text with an
 * unknown variable (and a placeholder that looks like markup) is refused, the reasons shown at the
 * prompt and language they are about and nothing stored; fixed, the English and Chinese texts
 * become the script's next version, which the campaign then pins. An ended campaign shows its
 * prompts read-only with the reason. A test call to a number on the do-not-call list is refused
 * with the reason shown beside the button. Needs no Asterisk: nobody is called.
 */
@ContactCenterIT
class CampaignPromptsIT {

  /** Would run if the page put a server message into HTML; an alert also fails the next command. */
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";

  private static final String SCRIPT = "balance-reminder";
  private static final String ASK = "steps.ask_payment.say";

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;

  @Test
  void opsEditADraftCampaignsPromptsIntoTheNextScriptVersion() throws Exception {
    CampaignApi api = new CampaignApi(port);
    String shipped =
        Files.readString(
            Repository.root()
                .resolve("outbound-robot/src/main/resources/scripts/" + SCRIPT + ".yaml"));
    String user = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "prompt-ops-password";
    HttpResponse<String> created =
        api.post(
            "/api/v1/users",
            """
            {"username": "%s", "password": "%s", "roles": ["OPS"]}
            """
                .formatted(user, password));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> campaign =
        api.post(
            "/api/v1/campaigns",
            """
            {"name": "Prompt edits", "type": "balance", "variables": {"merchant": "Acme Shop"}}
            """);
    assertThat(campaign.statusCode()).as(campaign.body()).isEqualTo(201);
    String campaignId = api.read(campaign.body()).get("campaignId").asText();
    int pinned = api.read(campaign.body()).get("scriptVersion").asInt();
    int versionsBefore = versions(api).size();
    int newest =
        versions(api).stream()
            .filter(v -> v.get("scriptId").asText().equals(SCRIPT))
            .mapToInt(v -> v.get("version").asInt())
            .max()
            .orElse(1);
    try {
      WebDriver browser = chromium.driver();
      browser.get(url("/login"));
      browser.findElement(By.id("username")).sendKeys(user);
      browser.findElement(By.id("password")).sendKeys(password);
      browser.findElement(By.id("sign-in")).click();
      page().until(() -> browser.getCurrentUrl().endsWith("/"));
      browser.get(url("/campaigns/" + campaignId));

      // The pinned version's prompts, with the campaign's merchant in the previews and the
      // values each contact brings in brackets.
      page().until(() -> !browser.findElements(area(ASK, "en")).isEmpty());
      assertThat(text(browser, "prompts-version")).isEqualTo(SCRIPT + " v" + pinned);
      assertThat(text(browser, "variables")).contains("${amount_due} (money)");
      assertThat(browser.findElement(By.id("prompts-readonly")).isDisplayed()).isFalse();
      assertThat(
              browser
                  .findElement(By.cssSelector("li[data-path='steps.disclosure.say'] .preview"))
                  .getText())
          .contains("automated call from Acme Shop.");
      WebElement ask = browser.findElement(By.cssSelector("li[data-path='" + ASK + "']"));
      assertThat(ask.findElement(By.className("preview")).getText())
          .startsWith("Preview: Hi [customer_name].");
      assertThat(ask.findElement(By.className("variables")).getText()).contains("${deadline}");
      assertThat(
              browser.findElement(By.cssSelector("li[data-path='apology'] .variables")).getText())
          .isEqualTo("No variables");
      assertThat(browser.findElement(By.id("save-prompts")).isEnabled()).isFalse();

      // Listen: the synthesizer renders the prompt with the campaign's values and the page plays
      // it.
      WebElement listen = ask.findElement(By.className("listen-button"));
      listen.click();
      page().until(listen::isEnabled);
      assertThat(ask.findElement(By.cssSelector(".listen small")).getText())
          .doesNotStartWith("Could not");

      // Test call: a number on the do-not-call list is refused with the reason, nobody is rung.
      String listed = "+86135" + (10000000 + (int) (Math.random() * 89999999));
      assertThat(api.post("/api/v1/do-not-call", "{\"phone\":\"" + listed + "\"}").statusCode())
          .isEqualTo(204);
      assertThat(browser.findElement(By.id("test-call")).isDisplayed()).isTrue();
      browser.findElement(By.id("test-call-number")).sendKeys(listed);
      browser.findElement(By.id("test-call-button")).click();
      page()
          .until(
              () -> text(browser, "test-call-status"),
              s -> s.startsWith("Refused: This number is on the do-not-call list"));
      assertThat(browser.findElement(By.id("test-call-link")).isDisplayed()).isFalse();

      // An unknown variable in English, a placeholder that is markup in Chinese: both refused,
      // each shown at its text, and nothing stored.
      String english = "Hi ${customer_name}, ${amount_due} for order ${order_number} is due.";
      replace(browser.findElement(area(ASK, "en")), english + " Reference ${nope}.");
      replace(browser.findElement(area(ASK, "zh")), "${customer_name}您好。${" + HOSTILE + "}");
      browser.findElement(By.id("save-prompts")).click();
      page()
          .until(
              () -> problems(browser),
              p ->
                  p.stream().anyMatch(s -> s.startsWith("English: unknown variable '${nope}'"))
                      && p.stream().anyMatch(s -> s.startsWith("Chinese: '${" + HOSTILE + "}'")));
      assertThat(browser.findElement(area(ASK, "en")).getDomAttribute("aria-invalid"))
          .isEqualTo("true");
      assertThat(text(browser, "prompts-error")).startsWith("Not saved");
      assertNoInjectedElements(browser);
      assertThat(versions(api)).as("nothing stored").hasSize(versionsBefore);
      assertThat(api.getJson("/api/v1/campaigns/" + campaignId).get("scriptVersion").asInt())
          .isEqualTo(pinned);

      // Fixed: the next version holds both new texts and the campaign pins it.
      String chinese = "${customer_name}您好，订单${order_number}尾款${amount_due}请在${deadline}前支付。";
      replace(browser.findElement(area(ASK, "en")), english + " Can you pay by ${deadline}?");
      replace(browser.findElement(area(ASK, "zh")), chinese);
      browser.findElement(By.id("save-prompts")).click();
      int expected = newest + 1;
      page().until(() -> text(browser, "prompts-status"), ("Saved as v" + expected)::equals);
      assertThat(text(browser, "prompts-version")).isEqualTo(SCRIPT + " v" + expected);
      assertThat(setting(browser, "Script")).isEqualTo(SCRIPT + " v" + expected);
      assertThat(problems(browser)).isEmpty();
      assertThat(browser.findElement(area(ASK, "zh")).getDomProperty("value")).isEqualTo(chinese);
      assertThat(browser.findElement(By.id("save-prompts")).isEnabled()).isFalse();

      assertThat(api.getJson("/api/v1/campaigns/" + campaignId).get("scriptVersion").asInt())
          .isEqualTo(expected);
      assertThat(versions(api)).hasSize(versionsBefore + 1);
      String stored = api.get("/api/v1/scripts/" + SCRIPT + "/versions/" + expected).body();
      assertThat(stored)
          .contains("\"" + english + " Can you pay by ${deadline}?\"")
          .contains("\"" + chinese + "\"")
          // The rest of the source as it was, comments included.
          .contains("# Replies handled the same way at every question.")
          .contains("\"Sure. When would be a good time to call you back?\"");

      // Ended, the campaign shows its prompts read-only and says why.
      HttpResponse<String> stopped = api.post("/api/v1/campaigns/" + campaignId + "/stop", "");
      assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
      browser.navigate().refresh();
      page()
          .until(
              () -> browser.findElement(By.id("prompts-readonly")),
              e -> e.isDisplayed() && e.getText().contains("the campaign has ended"));
      assertThat(browser.findElement(area(ASK, "en")).getDomProperty("readOnly")).isEqualTo("true");
      assertThat(browser.findElement(By.id("prompt-actions")).isDisplayed()).isFalse();
      assertNoInjectedElements(browser);
      // Listen's audio and everything else ran under the Content-Security-Policy.
      assertThat(chromium.securityPolicyViolations()).isEmpty();
    } finally {
      // Leave the shipped wording the newest for the other tests in this JVM.
      api.post("/api/v1/scripts", "application/yaml", shipped);
    }
  }

  private static By area(String path, String language) {
    return By.cssSelector(
        "li[data-path='" + path + "'] textarea[data-language='" + language + "']");
  }

  /** Replaces a textarea's text as typed, so the page sees its input events. */
  private static void replace(WebElement area, String text) {
    area.clear();
    area.sendKeys(text);
  }

  private static String setting(WebDriver browser, String name) {
    for (WebElement row : browser.findElements(By.cssSelector("#settings tbody tr"))) {
      if (row.findElement(By.tagName("th")).getText().equals(name)) {
        return row.findElement(By.tagName("td")).getText();
      }
    }
    return null;
  }

  private static List<String> problems(WebDriver browser) {
    return browser.findElements(By.cssSelector("#prompts .problems li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static List<JsonNode> versions(CampaignApi api) throws Exception {
    return StreamSupport.stream(api.getJson("/api/v1/scripts/versions").spliterator(), false)
        .toList();
  }

  private static ConditionFactory page() {
    return Chromium.onPage(Duration.ofSeconds(30));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static void assertNoInjectedElements(WebDriver browser) {
    assertThat(browser.findElements(By.tagName("img"))).isEmpty();
  }
}

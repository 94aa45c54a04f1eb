package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shell in headless Chromium on a phone-sized screen (390 px), as each role sees it: the home
 * page and navigation of every role (a link only to pages the role can open, each of which opens),
 * every page walked in English and Chinese (no missing message, the right {@code lang}, one {@code
 * <h1>}, nothing wider than the screen, no serious axe-core accessibility violation), the language
 * remembered per user across sign-ins and taken from Accept-Language before, and the friendly 403
 * and 404 pages while the API keeps answering JSON. No page breaks its Content-Security-Policy.
 */
@ContactCenterIT
class ShellIT {

  private static final String PASSWORD = "shell-test-password";
  private static final int PHONE_WIDTH = 390;

  /** What each role's navigation offers: exactly these pages, no more. */
  private static final Map<String, List<String>> NAVIGATION =
      Map.of(
          "OPS",
          List.of("/campaigns", "/robot/calls"),
          "AGENT",
          List.of("/agent/workspace", "/agent/tickets", "/agent/qa-scores"),
          "SUPERVISOR",
          List.of("/agent/tickets", "/supervisor/wallboard", "/supervisor/reports", "/qa/reports"),
          "QA",
          List.of("/qa/reviews", "/qa/appeals", "/qa/rules", "/qa/reports", "/qa/calibrations"),
          "ADMIN",
          List.of(
              "/campaigns",
              "/robot/calls",
              "/agent/tickets",
              "/supervisor/wallboard",
              "/supervisor/reports",
              "/qa/reviews",
              "/qa/appeals",
              "/qa/rules",
              "/qa/reports",
              "/qa/calibrations",
              "/admin/users",
              "/admin/audit",
              "/admin/ivr-flows",
              "/admin/knowledge-base",
              "/admin/ticket-fields",
              "/admin/settings"));

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;

  private String campaignId;

  @BeforeEach
  void aCampaignToLookAt() throws Exception {
    HttpResponse<String> campaign =
        new CampaignApi(port)
            .post(
                "/api/v1/campaigns",
                """
                {"name": "Shell walk 外呼", "type": "balance", "variables": {"merchant": "Acme"}}
                """);
    assertThat(campaign.statusCode()).as(campaign.body()).isEqualTo(201);
    campaignId = new CampaignApi(port).read(campaign.body()).get("campaignId").asText();
  }

  @Test
  void everyRoleSeesItsHomeAndOnlyLinksItCanOpenInBothLanguages() throws Exception {
    WebDriver browser = phone();
    for (String role : List.of("OPS", "AGENT", "SUPERVISOR", "QA", "ADMIN")) {
      String user = users().create(role);
      users().signIn(browser, user);
      assertThat(text(browser, "who")).contains(user);
      assertThat(navigation(browser)).as(role).containsExactlyElementsOf(NAVIGATION.get(role));
      // Only admins see the infrastructure; no home page shows a phone number.
      assertThat(browser.findElements(By.id("home-health"))).hasSize(role.equals("ADMIN") ? 1 : 0);
      assertThat(browser.findElement(By.tagName("main")).getText())
          .doesNotContainPattern("\\+?\\d{7,}");
      assertThat(browser.findElements(By.id("home-ops")))
          .hasSize(role.equals("OPS") || role.equals("ADMIN") ? 1 : 0);
      assertThat(browser.findElements(By.id("home-agent"))).hasSize(role.equals("AGENT") ? 1 : 0);

      for (String language : List.of("en", "zh-CN")) {
        switchLanguage(browser, language);
        List<String> pages = new ArrayList<>(List.of("/", "/account/password"));
        pages.addAll(NAVIGATION.get(role));
        if (role.equals("OPS")) {
          pages.add("/campaigns/" + campaignId);
          pages.add("/robot/calls/att-unknown");
        }
        for (String path : pages) {
          browser.get(url(path));
          assertShellPage(browser, path, language);
          assertThat(browser.findElements(By.cssSelector("#error[data-status='403']")))
              .as("%s may open %s", role, path)
              .isEmpty();
        }
      }
      switchLanguage(browser, "en");
      signOut(browser);
    }
  }

  @Test
  void anAgentGetsTheFriendly403InTheirLanguageAndTheApiStaysJson() throws Exception {
    WebDriver browser = phone();
    String agent = users().create("AGENT");
    users().signIn(browser, agent);
    switchLanguage(browser, "zh-CN");
    browser.get(url("/campaigns"));
    assertShellPage(browser, "/campaigns", "zh-CN");
    assertThat(browser.findElement(By.cssSelector("#error")).getDomAttribute("data-status"))
        .isEqualTo("403");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("您无权打开此页面");
    assertThat(browser.getPageSource()).doesNotContain("Whitelabel").doesNotContain("Exception");
    browser.findElement(By.id("back-home")).click();
    page().until(() -> browser.getCurrentUrl().equals(url("/")));

    browser.get(url("/no-such-page"));
    assertShellPage(browser, "/no-such-page", "zh-CN");
    assertThat(browser.findElement(By.cssSelector("#error")).getDomAttribute("data-status"))
        .isEqualTo("404");

    // The language is the user's, not the browser's: it survives signing out and in again.
    signOut(browser);
    users().signIn(browser, agent);
    assertThat(lang(browser)).isEqualTo("zh-CN");
    assertThat(text(browser, "who")).contains("已登录");

    HttpResponse<String> api =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/api/v1/campaigns")))
                    .header("Accept", "application/json")
                    .header(
                        "Authorization",
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString(
                                    (agent + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(403);
    assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("json");
  }

  @Test
  void beforeSignInTheLanguageComesFromAcceptLanguage() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (var expected : Map.of("zh-CN,zh;q=0.9", "登录", "en-US,en;q=0.9", "Sign in").entrySet()) {
      HttpResponse<String> login =
          http.send(
              HttpRequest.newBuilder(URI.create(url("/login")))
                  .header("Accept-Language", expected.getKey())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.body())
          .contains("lang=\"" + (expected.getValue().equals("登录") ? "zh-CN" : "en") + "\"")
          .contains(expected.getValue());
    }
    // The sign-in page's own switch works before signing in, and the page stays accessible.
    WebDriver browser = phone();
    browser.get(url("/login"));
    switchLanguage(browser, "zh-CN");
    assertShellPage(browser, "/login", "zh-CN");
    assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("登录");
  }

  /** The checks every page passes, in either language. */
  private void assertShellPage(WebDriver browser, String path, String language) {
    page()
        .until(
            () ->
                "complete"
                    .equals(
                        ((JavascriptExecutor) browser)
                            .executeScript("return document.readyState")));
    waitForScripts(browser, path);
    assertThat(lang(browser)).as(path).isEqualTo(language);
    assertThat(browser.findElements(By.tagName("h1"))).as("one h1 on %s", path).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("a.skip-link[href='#main']"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("main#main"))).hasSize(1);
    String text = browser.findElement(By.tagName("body")).getText();
    assertThat(text).as("missing message on %s in %s", path, language).doesNotContain("??");
    if (language.equals("zh-CN")) {
      assertThat(browser.findElement(By.tagName("h1")).getText()).containsPattern("\\p{IsHan}");
    }
    Number scrollWidth =
        (Number)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
    Number viewport =
        (Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
    assertThat(scrollWidth.intValue())
        .as("%s is no wider than the %s px screen", path, viewport)
        .isLessThanOrEqualTo(viewport.intValue());
    assertThat(axeViolations(browser)).as("serious accessibility violations on %s", path).isEmpty();
    assertThat(chromium.securityPolicyViolations())
        .as("Content-Security-Policy violations on %s", path)
        .isEmpty();
  }

  /** Pages filled by their scripts are checked once the scripts have filled them. */
  private void waitForScripts(WebDriver browser, String path) {
    if (path.equals("/campaigns")
        && !browser.findElements(By.cssSelector("#campaigns")).isEmpty()) {
      page().until(() -> !browser.findElements(By.cssSelector("#campaigns tbody tr")).isEmpty());
    } else if (path.startsWith("/campaigns/")) {
      page().until(() -> !browser.findElements(By.cssSelector("#settings tbody tr")).isEmpty());
      page().until(() -> !browser.findElements(By.cssSelector("#prompts li")).isEmpty());
      page().until(() -> !browser.findElement(By.id("updated")).getText().isBlank());
    } else if (path.equals("/robot/calls")) {
      page()
          .until(
              () ->
                  !browser.findElements(By.cssSelector("#calls tbody tr")).isEmpty()
                      || browser.findElement(By.id("no-calls")).isDisplayed());
    } else if (path.equals("/admin/users")) {
      page().until(() -> !browser.findElements(By.cssSelector("#users tbody tr")).isEmpty());
    } else if (path.equals("/admin/audit")) {
      page()
          .until(
              () ->
                  !browser.findElements(By.cssSelector("#audit tbody tr")).isEmpty()
                      || browser.findElement(By.id("audit-empty")).isDisplayed());
    } else if (path.equals("/supervisor/reports")) {
      page().until(() -> !browser.findElement(By.id("report-range")).getText().isBlank());
    } else if (path.equals("/admin/ticket-fields")) {
      page()
          .until(
              () ->
                  !browser.findElements(By.cssSelector("#tf-fields tbody tr")).isEmpty()
                      || browser.findElement(By.id("tf-none")).isDisplayed());
    } else if (path.equals("/admin/ivr-flows")) {
      // ivr: the active flow's prompts, English and Chinese side by side.
      page().until(() -> !browser.findElements(By.cssSelector("#prompts tbody tr")).isEmpty());
    } else if (path.equals("/account/password")) {
      page()
          .until(
              () ->
                  !browser.findElements(By.cssSelector("#tokens tbody tr")).isEmpty()
                      || browser.findElement(By.id("no-tokens")).isDisplayed());
    } else if (path.startsWith("/robot/calls/")) {
      page().until(() -> browser.findElement(By.id("failure")).isDisplayed());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> axeViolations(WebDriver browser) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
      js.executeScript(AXE.source);
    }
    Object result =
        js.executeAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): '
                  + v.nodes.map(n => n.target.join(' ')).join(', '))))
              .catch(e => done(['axe failed: ' + e]));
            """);
    return (List<String>) result;
  }

  /** axe-core's script, read once from the axe-core Selenium jar (no CDN, no network). */
  private enum AXE {
    ;
    static final String source = read();

    private static String read() {
      try (InputStream in = ShellIT.class.getResourceAsStream("/axe.min.js")) {
        if (in == null) {
          throw new IllegalStateException("axe.min.js is not on the test classpath");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private WebDriver phone() {
    WebDriver browser = chromium.driver();
    browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 844));
    return browser;
  }

  /** This test's people: accounts through the admin API, sign-in through the form. */
  private TestUsers users() {
    return new TestUsers(port, PASSWORD);
  }

  private void signOut(WebDriver browser) {
    browser.findElement(By.id("sign-out")).click();
    page().until(() -> browser.getCurrentUrl().contains("/login"));
  }

  private void switchLanguage(WebDriver browser, String language) {
    String before = browser.getCurrentUrl();
    browser.findElement(By.id("lang-" + language)).click();
    page().until(() -> lang(browser).equals(language));
    assertThat(browser.getCurrentUrl()).isEqualTo(before.replaceAll("\\?.*", ""));
  }

  private static List<String> navigation(WebDriver browser) {
    return browser.findElements(By.cssSelector("nav.shell-nav a")).stream()
        .map(a -> a.getDomAttribute("href"))
        .toList();
  }

  private static String lang(WebDriver browser) {
    return browser.findElement(By.tagName("html")).getDomAttribute("lang");
  }

  private static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static ConditionFactory page() {
    return Chromium.onPage(Duration.ofSeconds(30));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}

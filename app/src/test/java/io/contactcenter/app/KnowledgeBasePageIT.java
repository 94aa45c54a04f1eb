package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.Repository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin knowledge-base page in headless Chromium on the real stack: the FAQs in English and
 * Chinese side by side, search, an FAQ added in the page that the bot answers with at once, and
 * deleted again; bad edits get problem details naming the field. The cold start's review: past
 * conversations uploaded, groups merged, split, renamed, discarded and restored, one accepted as an
 * FAQ with the agents' most frequent answer; bad review actions get problems in both languages. The
 * shop's own synonym groups, edited by keyboard at 1366x768: a group with a Chinese and a quoted
 * English multi-word variant changes the bot's answer, a refused group shows the server's problem
 * beside it, and typed markup stays text.
 */
@ContactCenterIT
class KnowledgeBasePageIT {

  private static final String PASSWORD = "kb-admin-test-passphrase";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private String admin;

  @BeforeEach
  void importFaqsAndAnAdmin() throws Exception {
    byte[] csv =
        Files.readAllBytes(Repository.root().resolve("online-chat/src/test/resources/kb/faqs.csv"));
    CampaignApi api = new CampaignApi(port);
    assertThat(api.upload("/api/v1/kb/faqs/import", "faqs.csv", csv).statusCode()).isEqualTo(200);
    admin = "kb-admin-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        api.post(
            "/api/v1/users",
            "{\"username\":\""
                + admin
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"roles\":[\"ADMIN\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  @Test
  void anAdminSeesBothLanguagesSearchesAndAddsAnFaqTheBotAnswersWithThenDeletesIt()
      throws Exception {
    WebDriver page = chromium.driver();
    signIn(page);
    page.get(url("/admin/knowledge-base"));

    // One row per FAQ, English and Chinese side by side.
    WebElement refund = browser().until(() -> row(page, "refund-time"), r -> r != null);
    assertThat(refund.findElement(By.cssSelector("td[data-lang=en] .kb-question")).getText())
        .isNotBlank();
    assertThat(refund.findElement(By.cssSelector("td[data-lang=zh] .kb-question")).getText())
        .contains("退款");

    page.findElement(By.id("kb-search")).sendKeys("退款多久");
    browser().until(() -> row(page, "gift-wrap") == null);
    assertThat(row(page, "refund-time")).isNotNull();
    page.findElement(By.id("kb-search")).clear();
    page.findElement(By.id("kb-search")).sendKeys(" ");

    String faqId = "pets-" + UUID.randomUUID().toString().substring(0, 6);
    page.findElement(By.id("kb-add")).click();
    page.findElement(By.id("kb-id")).sendKeys(faqId);
    page.findElement(By.cssSelector("#kb-lang option[value=en]")).click();
    page.findElement(By.id("kb-question")).sendKeys("Can I bring my dog to your store?");
    page.findElement(By.id("kb-examples")).sendKeys("are pets allowed in the shop");
    page.findElement(By.id("kb-answer")).sendKeys("Dogs on a leash are <welcome>.");
    page.findElement(By.id("kb-save")).click();
    WebElement added = browser().until(() -> row(page, faqId), r -> r != null);
    assertThat(added.findElement(By.cssSelector("td[data-lang=en] .kb-answer")).getText())
        .isEqualTo("Dogs on a leash are <welcome>.");
    assertThat(answerOf("are pets allowed in the shop")).isEqualTo(faqId);

    added.findElement(By.cssSelector("td[data-lang=en] .kb-delete")).click();
    page.switchTo().alert().accept();
    browser().until(() -> row(page, faqId) == null);
    assertThat(answerOf("are pets allowed in the shop")).isNotEqualTo(faqId);
    assertThat(chromium.securityPolicyViolations()).isEmpty();

    HttpResponse<String> noAnswer =
        send("PUT", "/api/v1/kb/faqs/" + faqId + "/en", "{\"question\":\"Dogs?\"}");
    assertThat(noAnswer.statusCode()).isEqualTo(400);
    assertThat(noAnswer.body()).contains("answer is required");
    assertThat(send("PUT", "/api/v1/kb/faqs/bad%20id/en", "{}").statusCode()).isEqualTo(400);
    assertThat(send("DELETE", "/api/v1/kb/faqs/" + faqId + "/en", null).statusCode())
        .isEqualTo(404);
  }

  /**
   * An admin adds examples of what the bot must not answer (ADR 0061) in the editor: the answer
   * field goes away for that kind, the list marks the entry, and the bot hands its questions over
   * without ever naming it.
   */
  @Test
  void anAdminAddsAnOutOfScopeEntryWithoutAnAnswerAndTheBotHandsItsQuestionsOver()
      throws Exception {
    WebDriver page = chromium.driver();
    signIn(page);
    page.get(url("/admin/knowledge-base"));
    browser().until(() -> row(page, "refund-time"), r -> r != null);

    String id = "not-ours-" + UUID.randomUUID().toString().substring(0, 6);
    page.findElement(By.id("kb-add")).click();
    page.findElement(By.id("kb-id")).sendKeys(id);
    page.findElement(By.cssSelector("#kb-lang option[value=zh]")).click();
    assertThat(page.findElement(By.id("kb-answer")).isDisplayed()).isTrue();
    page.findElement(By.cssSelector("#kb-kind option[value=out_of_scope]")).click();
    assertThat(page.findElement(By.id("kb-answer")).isDisplayed()).isFalse();
    page.findElement(By.id("kb-question")).sendKeys("能帮我订机票吗");
    page.findElement(By.id("kb-examples")).sendKeys("帮我订一间酒店");
    page.findElement(By.id("kb-save")).click();
    WebElement added = browser().until(() -> row(page, id), r -> r != null);
    assertThat(added.findElements(By.cssSelector("td[data-lang=zh] .kb-out-of-scope"))).hasSize(1);

    try {
      JsonNode reply =
          JSON.readTree(
              new CampaignApi(port)
                  .post("/api/v1/bot/answer", "{\"text\":\"能帮我订机票吗\",\"lang\":\"zh\"}")
                  .body());
      assertThat(reply.get("action").asText()).isEqualTo("handoff");
      assertThat(reply.toString()).doesNotContain(id);
      HttpResponse<String> withAnswer =
          send(
              "PUT",
              "/api/v1/kb/faqs/" + id + "/zh",
              "{\"question\":\"订机票\",\"answer\":\"好的\",\"kind\":\"out_of_scope\"}");
      assertThat(withAnswer.statusCode()).isEqualTo(400);
      assertThat(withAnswer.body()).contains("no answer");
      assertThat(chromium.securityPolicyViolations()).isEmpty();
    } finally {
      send("DELETE", "/api/v1/kb/faqs/" + id + "/zh", null);
    }
  }

  static final String REFUND_ANSWER = "Refunds reach your card within 5 working days.";

  @Test
  void anAdminReviewsGroupsOfPastConversationsAndAcceptsOneWithTheAgentsMostFrequentAnswer()
      throws Exception {
    WebDriver page = chromium.driver();
    signIn(page);
    page.get(url("/admin/knowledge-base"));

    // 5 refund questions (3 answered with REFUND_ANSWER, 2 "About a week."), 3 shipping, 2
    // PayPal, 2 opening hours, one greeting.
    java.nio.file.Path upload = Files.createTempFile("conversations", ".jsonl");
    Files.copy(
        Repository.root().resolve("online-chat/src/test/resources/kb/cold-start/review.jsonl"),
        upload,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    page.findElement(By.cssSelector("#kb-cold-lang option[value=en]")).click();
    page.findElement(By.id("kb-cold-file")).sendKeys(upload.toString());
    page.findElement(By.id("kb-cold-run")).click();
    WebElement refund = browser().until(() -> cluster(page, "refund"), r -> r != null);
    assertThat(refund.findElement(By.className("kb-cluster-size")).getText()).isEqualTo("5");
    assertThat(refund.findElement(By.className("kb-cluster-answer")).getText())
        .startsWith(REFUND_ANSWER);
    String jobId = page.findElement(By.id("kb-clusters")).getDomAttribute("data-job");
    Files.delete(upload);

    // Merge: shipping and PayPal become one group of 5, titled by its most central question.
    cluster(page, "canada").findElement(By.className("kb-pick")).click();
    cluster(page, "paypal").findElement(By.className("kb-pick")).click();
    page.findElement(By.id("kb-cold-merge")).click();
    browser().until(() -> cluster(page, "paypal") == null);
    WebElement merged = cluster(page, "canada");
    assertThat(merged.findElement(By.className("kb-cluster-size")).getText()).isEqualTo("5");

    // Rename it.
    merged.findElement(By.className("kb-rename")).click();
    WebElement name = merged.findElement(By.className("kb-rename-input"));
    name.clear();
    name.sendKeys("Shipping and payment");
    merged.findElement(By.className("kb-rename-save")).click();
    browser().until(() -> cluster(page, "Shipping and payment"), r -> r != null);

    // Split: the "please" questions leave the refund group for a group of their own.
    refund = cluster(page, "refund");
    refund.findElement(By.className("kb-split")).click();
    refund.findElements(By.cssSelector(".kb-split-form label")).stream()
        .filter(l -> l.getText().contains("please"))
        .findFirst()
        .orElseThrow()
        .findElement(By.className("kb-split-row"))
        .click();
    refund.findElement(By.className("kb-split-apply")).click();
    WebElement split =
        browser().until(() -> cluster(page, "how long does a refund take please"), r -> r != null);
    assertThat(split.findElement(By.className("kb-cluster-size")).getText()).isEqualTo("2");
    refund = cluster(page, "how long does a refund take");
    assertThat(refund.findElement(By.className("kb-cluster-size")).getText()).isEqualTo("3");

    // Discard the opening hours, see them under the discarded groups, restore them.
    cluster(page, "opening hours").findElement(By.className("kb-discard")).click();
    browser().until(() -> cluster(page, "opening hours") == null);
    WebElement discarded =
        browser().until(() -> page.findElement(By.id("kb-discarded")), WebElement::isDisplayed);
    assertThat(discarded.getText()).contains("opening hours");
    discarded.findElement(By.className("kb-restore")).click();
    browser().until(() -> cluster(page, "opening hours"), r -> r != null);

    // Accept the refund group: the editor proposes the most frequent agent answer.
    cluster(page, "how long does a refund take").findElement(By.className("kb-accept")).click();
    assertThat(page.findElement(By.id("kb-answer")).getDomProperty("value"))
        .isEqualTo(REFUND_ANSWER);
    assertThat(page.findElement(By.id("kb-question")).getDomProperty("value"))
        .isEqualTo("how long does a refund take");
    String faqId = page.findElement(By.id("kb-id")).getDomProperty("value");
    page.findElement(By.id("kb-save")).click();
    WebElement accepted =
        browser()
            .until(
                () -> cluster(page, "how long does a refund take"),
                r -> r != null && !r.findElements(By.className("kb-cluster-accepted")).isEmpty());
    assertThat(accepted.findElements(By.className("kb-accept"))).isEmpty();
    WebElement faq = browser().until(() -> row(page, faqId), r -> r != null);
    assertThat(faq.findElement(By.cssSelector("td[data-lang=en] .kb-answer")).getText())
        .isEqualTo(REFUND_ANSWER);
    assertThat(chromium.securityPolicyViolations()).isEmpty();

    // Bad review actions name the problem, in the caller's language.
    String base = "/api/v1/kb/cold-start/" + jobId;
    JsonNode job = JSON.readTree(send("GET", base, null, "en").body());
    String acceptedId =
        java.util.stream.StreamSupport.stream(job.path("clusters").spliterator(), false)
            .filter(c -> faqId.equals(c.path("acceptedAs").asText()))
            .findFirst()
            .orElseThrow()
            .path("id")
            .asText();
    String other = job.path("clusters").get(0).path("id").asText();
    if (other.equals(acceptedId)) {
      other = job.path("clusters").get(1).path("id").asText();
    }
    HttpResponse<String> again =
        send("POST", base + "/clusters/" + acceptedId + "/accept", "{\"faqId\":\"x-1\"}", "en");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("was already made FAQ " + faqId);
    HttpResponse<String> self =
        send("POST", base + "/clusters/" + other + "/merge", "{\"from\":\"" + other + "\"}", "en");
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(self.body()).contains("cannot be merged with itself (" + other + ")");
    HttpResponse<String> selfZh =
        send(
            "POST",
            base + "/clusters/" + other + "/merge",
            "{\"from\":\"" + other + "\"}",
            "zh-CN");
    assertThat(selfZh.statusCode()).isEqualTo(400);
    assertThat(selfZh.body()).contains("不能把一组与自身合并（" + other + "）");
    HttpResponse<String> empty =
        send("POST", base + "/clusters/" + other + "/split", "{\"rows\":[]}", "zh-CN");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("请至少勾选一个要移出组 " + other + " 的问题");
    HttpResponse<String> unknown =
        send("PUT", base + "/clusters/c99/title", "{\"title\":\"x\"}", "en");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("There is no group c99");
    assertThat(send("POST", "/api/v1/kb/cold-start/no-such-job/clusters/c1/discard", null, "en"))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(404));
  }

  @Test
  void anAdminEditsSynonymGroupsByKeyboardAndTheBotsAnswerChanges() throws Exception {
    WebDriver page = chromium.driver();
    page.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
    signIn(page);
    String ask = "心意盒多少钱";
    assertThat(answer(ask, "zh").path("action").asText()).isEqualTo("handoff");
    try {
      page.get(url("/admin/knowledge-base"));
      page.findElement(By.cssSelector("#kb-syn-lang option[value=zh]")).click();
      browser()
          .until(
              () -> page.findElement(By.id("kb-syn-status")).getText(), t -> t.equals("0 groups."));

      // A new group, filled from the keyboard: the word, then variants and Enter.
      page.findElement(By.id("kb-syn-add")).click();
      WebElement canonical = page.switchTo().activeElement();
      assertThat(canonical.getDomAttribute("class")).isEqualTo("kb-syn-canonical");
      canonical.sendKeys("礼品包装");
      WebElement adding = synonymGroup(page, 1).findElement(By.className("kb-syn-new"));
      adding.sendKeys("心意盒, \"heart   box\" <i>盒</i>" + Keys.ENTER);
      browser().until(() -> variants(page, 1).size() == 3);
      assertThat(variants(page, 1)).containsExactly("心意盒", "\"heart box\"", "<i>盒</i>");
      // Markup typed as a variant stays text.
      assertThat(synonymGroup(page, 1).findElements(By.cssSelector(".kb-syn-variants i")))
          .isEmpty();
      // Focus stays in the field to add more; the markup variant is removed by its button.
      assertThat(page.switchTo().activeElement().getDomAttribute("class")).isEqualTo("kb-syn-new");
      synonymGroup(page, 1)
          .findElement(By.cssSelector("[data-variant='<i>盒</i>'] .kb-syn-remove-variant"))
          .sendKeys(Keys.ENTER);
      browser().until(() -> variants(page, 1).size() == 2);
      page.findElement(By.id("kb-syn-save")).click();
      browser()
          .until(
              () -> page.findElement(By.id("kb-syn-status")).getText(),
              t -> t.equals("1 groups saved; the bot uses them now."));

      // The bot answers from gift-wrap now, by the Chinese word and by the English phrase.
      JsonNode gift = answer(ask, "zh");
      assertThat(gift.path("action").asText()).isEqualTo("answer");
      assertThat(gift.path("faqId").asText()).isEqualTo("gift-wrap");
      assertThat(answer("要个heart box", "zh").path("faqId").asText()).isEqualTo("gift-wrap");
      assertThat(
              JSON.readTree(send("GET", "/api/v1/kb/synonyms/zh", null).body())
                  .path("groups")
                  .toString())
          .isEqualTo("[{\"canonical\":\"礼品包装\",\"variants\":[\"心意盒\",\"heart box\"]}]");

      // A second group repeating a variant: refused, the problem shown in that group only.
      page.findElement(By.id("kb-syn-add")).click();
      page.switchTo().activeElement().sendKeys("运费");
      synonymGroup(page, 2).findElement(By.className("kb-syn-new")).sendKeys("心意盒" + Keys.ENTER);
      page.findElement(By.id("kb-syn-save")).click();
      WebElement problem =
          browser()
              .until(
                  () -> synonymGroup(page, 2).findElement(By.className("kb-syn-problem")),
                  WebElement::isDisplayed);
      assertThat(problem.getText()).contains("group 2").contains("心意盒").contains("礼品包装");
      assertThat(synonymGroup(page, 1).findElement(By.className("kb-syn-problem")).isDisplayed())
          .isFalse();
      assertThat(page.findElement(By.id("kb-syn-status")).getText())
          .isEqualTo("Not saved: see group 2.");
      assertThat(page.switchTo().activeElement().getDomAttribute("id"))
          .isEqualTo("kb-syn-2-canonical");
      assertThat(answer(ask, "zh").path("faqId").asText()).isEqualTo("gift-wrap");

      // Usable at 1366x768: nothing wider than the window.
      JavascriptExecutor js = (JavascriptExecutor) page;
      assertThat(
              ((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
          .isLessThanOrEqualTo(((Number) js.executeScript("return window.innerWidth")).intValue());
      Files.write(
          Repository.root().resolve("app/target/knowledge-base-synonyms.png"),
          ((org.openqa.selenium.TakesScreenshot) page)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

      // Removing the group and the other group's variants empties the language again.
      synonymGroup(page, 2).findElement(By.className("kb-syn-remove-group")).click();
      browser().until(() -> page.findElements(By.className("kb-syn-group")).size() == 1);
      synonymGroup(page, 1).findElement(By.className("kb-syn-remove-group")).click();
      page.findElement(By.id("kb-syn-save")).click();
      browser()
          .until(
              () -> page.findElement(By.id("kb-syn-status")).getText(),
              t -> t.equals("0 groups saved; the bot uses them now."));
      assertThat(answer(ask, "zh").path("action").asText()).isEqualTo("handoff");
      assertThat(chromium.securityPolicyViolations()).isEmpty();
    } finally {
      send("PUT", "/api/v1/kb/synonyms/zh", "{\"groups\":[]}");
    }
  }

  private static WebElement synonymGroup(WebDriver page, int n) {
    return page.findElement(By.cssSelector("#kb-syn-groups li[data-group='" + n + "']"));
  }

  private static java.util.List<String> variants(WebDriver page, int n) {
    // The remove button's × is drawn by the style sheet; whether text() includes it or not.
    return synonymGroup(page, n).findElements(By.className("kb-syn-variant")).stream()
        .map(v -> v.getText().replace("\u00d7", "").strip())
        .toList();
  }

  private JsonNode answer(String question, String lang) throws Exception {
    HttpResponse<String> answer =
        new CampaignApi(port)
            .post(
                "/api/v1/bot/answer",
                JSON.writeValueAsString(java.util.Map.of("text", question, "lang", lang)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  /** The cold-start group titled so, else the first whose title contains the text. */
  private static WebElement cluster(WebDriver page, String title) {
    java.util.List<WebElement> rows =
        page.findElements(By.cssSelector("#kb-clusters tbody tr")).stream()
            .filter(r -> r.findElement(By.className("kb-cluster-title")).getText().contains(title))
            .toList();
    return rows.stream()
        .filter(r -> r.findElement(By.className("kb-cluster-title")).getText().equals(title))
        .findFirst()
        .orElse(rows.isEmpty() ? null : rows.get(0));
  }

  /** Signs the test's admin in on the page; the home page is open after it. */
  private void signIn(WebDriver page) {
    page.get(url("/login"));
    page.findElement(By.id("username")).sendKeys(admin);
    page.findElement(By.id("password")).sendKeys(PASSWORD);
    page.findElement(By.id("sign-in")).click();
    browser().until(() -> page.getCurrentUrl().equals(url("/")));
  }

  private static WebElement row(WebDriver page, String faqId) {
    return page.findElements(By.cssSelector("#kb-faqs tbody tr")).stream()
        .filter(r -> faqId.equals(r.getDomAttribute("data-faq")))
        .findFirst()
        .orElse(null);
  }

  private String answerOf(String question) throws Exception {
    HttpResponse<String> answer =
        new CampaignApi(port)
            .post("/api/v1/bot/answer", "{\"text\":\"" + question + "\",\"lang\":\"en\"}");
    return JSON.readTree(answer.body()).path("faqId").asText();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return send(method, path, body, "en");
  }

  private HttpResponse<String> send(String method, String path, String body, String language)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Accept-Language", language)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((admin + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static ConditionFactory browser() {
    return Chromium.onPage(Duration.ofSeconds(30));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}

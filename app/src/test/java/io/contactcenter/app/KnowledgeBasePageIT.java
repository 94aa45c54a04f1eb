package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin knowledge-base page in headless Chromium on the real stack: the FAQs in English and
 * Chinese side by side, search, an FAQ added in the page that the bot answers with at once, and
 * deleted again; bad edits get problem details naming the field.
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
    page.get(url("/login"));
    page.findElement(By.id("username")).sendKeys(admin);
    page.findElement(By.id("password")).sendKeys(PASSWORD);
    page.findElement(By.id("sign-in")).click();
    browser().until(() -> page.getCurrentUrl().equals(url("/")));
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
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
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
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .ignoreException(StaleElementReferenceException.class);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}

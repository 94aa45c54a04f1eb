package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.BasicAuthApi;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * HTML and script in every field of a ticket (issue 14, bad input), against the running contact
 * center (real PostgreSQL, Tomcat, headless Chromium): a subject, description, customer, reply,
 * internal note, customer message, child ticket, custom field label and value, and saved view name
 * that carry {@code <script>} and {@code <img onerror>} are stored as typed and shown literally on
 * the ticket list and the ticket page; no element of theirs appears in the page and none of their
 * code runs (the flag they would set stays undefined, and the page's Content-Security-Policy
 * reports nothing refused, which it would for an inline handler or script put in the page). A tag
 * with markup is refused, naming the tag; the ticket's own tags are listed on its page.
 */
@ContactCenterIT
class TicketMarkupIT {

  private static final String PASSWORD = "ticket-markup-password";

  @RegisterExtension Chromium chromium = new Chromium();

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  private final ObjectMapper json = new ObjectMapper();
  private final BasicAuthApi api = new BasicAuthApi(() -> port, PASSWORD);

  /** Markup that, were it parsed as HTML, would add an element and set {@code window.ccPwned}. */
  private static String payload(String where) {
    return "<script>window.ccPwned='"
        + where
        + "'</script><img src=x onerror=\"window.ccPwned='"
        + where
        + "'\"> "
        + where;
  }

  @Test
  void markupInEveryFieldOfATicketIsShownAsTextAndNeverRuns() throws Exception {
    String marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String subject = payload("subject " + marker);
    String description = payload("description");
    String customer = "<img src=x onerror=window.ccPwned=1>c-" + marker;
    String reply = payload("reply");
    String note = payload("note");
    String customerMessage = payload("customer message");
    String childSubject = payload("child " + marker);
    String fieldValue = payload("field value");
    String labelEn = "<b>Serial</b><img src=x onerror=window.ccPwned=1>";
    String viewName = "<img src=x onerror=window.ccPwned=1>view " + marker;

    // A tag is a word: markup there is refused, naming it, in the user's language.
    HttpResponse<String> tagged =
        admin(
            "POST",
            "/api/v1/tickets",
            json.writeValueAsString(
                Map.of(
                    "subject",
                    "tagged " + marker,
                    "customerRef",
                    "c-" + marker,
                    "category",
                    "CALLBACK",
                    "tags",
                    List.of("<script>x</script>"))),
            "en");
    assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(400);
    assertThat(json.readTree(tagged.body()).get("detail").asText())
        .contains("tag '<script>x</script>' must be 1-40 letters, digits, _ or -");
    assertThat(
            admin(
                    "POST",
                    "/api/v1/tickets",
                    json.writeValueAsString(
                        Map.of(
                            "subject",
                            "tagged " + marker,
                            "customerRef",
                            "c-" + marker,
                            "category",
                            "CALLBACK",
                            "tags",
                            List.of("<img>"))),
                    "zh-CN")
                .statusCode())
        .isEqualTo(400);

    String before = fieldsOf("CALLBACK");
    try {
      HttpResponse<String> defined =
          admin(
              "PUT",
              "/api/v1/tickets/fields/CALLBACK",
              json.writeValueAsString(
                  List.of(
                      Map.of(
                          "key",
                          "serial",
                          "labelEn",
                          labelEn,
                          "labelZh",
                          labelEn,
                          "type",
                          "TEXT",
                          "required",
                          false))),
              "en");
      assertThat(defined.statusCode()).as(defined.body()).isEqualTo(200);

      HttpResponse<String> opened =
          admin(
              "POST",
              "/api/v1/tickets",
              json.writeValueAsString(
                  Map.of(
                      "subject",
                      subject,
                      "description",
                      description,
                      "customerRef",
                      customer,
                      "category",
                      "CALLBACK",
                      "tags",
                      List.of("Markup-Test", "退货"),
                      "fields",
                      Map.of("serial", fieldValue))),
              "en");
      assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
      JsonNode ticket = json.readTree(opened.body()).get("ticket");
      String id = ticket.get("ticketId").asText();
      // Stored as typed: nothing stripped or encoded on the way in.
      assertThat(ticket.get("subject").asText()).isEqualTo(subject);
      assertThat(ticket.get("customerRef").asText()).isEqualTo(customer);
      assertThat(ticket.get("fields").get("serial").asText()).isEqualTo(fieldValue);
      for (var text :
          List.of(
              List.of("/replies", reply),
              List.of("/notes", note),
              List.of("/customer-messages", customerMessage))) {
        HttpResponse<String> added =
            admin(
                "POST",
                "/api/v1/tickets/" + id + text.get(0),
                json.writeValueAsString(Map.of("text", text.get(1))),
                "en");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
      }
      HttpResponse<String> child =
          admin(
              "POST",
              "/api/v1/tickets/" + id + "/children",
              json.writeValueAsString(
                  Map.of("subject", childSubject, "group", "support", "category", "CALLBACK")),
              "en");
      assertThat(child.statusCode()).as(child.body()).isEqualTo(201);
      HttpResponse<String> view =
          admin(
              "POST",
              "/api/v1/tickets/views",
              json.writeValueAsString(
                  Map.of("name", viewName, "filter", Map.of("text", marker), "shared", false)),
              "en");
      assertThat(view.statusCode()).as(view.body()).isIn(200, 201);

      WebDriver browser = chromium.driver();
      signIn(browser);

      // The ticket list, searched for this test's tickets: the subjects as text, the view's name
      // as text.
      browser.get(api.url("/agent/tickets"));
      page().until(() -> browser.findElement(By.id("total")).getText().length() > 0);
      if (browser.findElement(By.id("f-mine")).isSelected()) {
        browser.findElement(By.id("f-mine")).click();
      }
      new Select(browser.findElement(By.id("f-status"))).deselectAll();
      browser.findElement(By.id("f-text")).sendKeys(marker);
      browser.findElement(By.cssSelector("#filter-form button[type='submit']")).click();
      By rows = By.cssSelector("#tickets tbody tr");
      page().until(() -> browser.findElements(rows).size() == 2);
      assertThat(browser.findElements(rows).stream().map(WebElement::getText).toList())
          .anyMatch(r -> r.contains(subject))
          .anyMatch(r -> r.contains(childSubject));
      page()
          .until(
              () ->
                  browser.findElements(By.cssSelector("#views li.saved button.view")).stream()
                      .anyMatch(b -> b.getText().startsWith(viewName)));
      assertNothingInjected(browser, "the ticket list");

      // The ticket page: facts, history, custom field and child ticket as text.
      browser.get(api.url("/agent/tickets/" + id));
      By entries = By.cssSelector("#history li");
      page()
          .until(
              () ->
                  browser.findElements(entries).stream()
                      .anyMatch(e -> "CUSTOMER_MESSAGE".equals(e.getDomAttribute("data-kind"))));
      String facts = browser.findElement(By.id("facts")).getText();
      assertThat(facts).contains(subject).contains(customer);
      List<String> history =
          browser.findElements(By.cssSelector("#history li p")).stream()
              .map(WebElement::getText)
              .toList();
      assertThat(history).contains(description, reply, note, customerMessage);
      page()
          .until(() -> !browser.findElements(By.cssSelector("#field-inputs [data-key]")).isEmpty());
      assertThat(
              browser
                  .findElement(By.cssSelector("#field-inputs [data-key='serial']"))
                  .getDomProperty("value"))
          .isEqualTo(fieldValue);
      assertThat(browser.findElement(By.id("field-inputs")).getText()).contains(labelEn);
      assertThat(browser.findElement(By.id("children")).getText()).contains(childSubject);
      // The ticket's tags, as stored (lower-cased), in the row the agent reads them in.
      WebElement tags = browser.findElement(By.id("tags"));
      assertThat(tags.findElements(By.tagName("li")).stream().map(WebElement::getText).toList())
          .containsExactly("markup-test", "退货");
      assertThat(tags.findElement(By.xpath("ancestor::tr/th")).getText()).isEqualTo("Tags");
      assertNothingInjected(browser, "the ticket page");

      String viewId = json.readTree(view.body()).get("viewId").asText();
      assertThat(admin("DELETE", "/api/v1/tickets/views/" + viewId, null, "en").statusCode())
          .isEqualTo(204);
    } finally {
      HttpResponse<String> restored = admin("PUT", "/api/v1/tickets/fields/CALLBACK", before, "en");
      assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    }
  }

  /**
   * No element the markup would have made (the pages have no images, and their only scripts are
   * their own files), no code of it ran, and the browser refused nothing.
   */
  private void assertNothingInjected(WebDriver browser, String where) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    assertThat(js.executeScript("return typeof window.ccPwned")).as(where).isEqualTo("undefined");
    assertThat(browser.findElements(By.cssSelector("img, b, iframe, object, embed")))
        .as(where)
        .isEmpty();
    assertThat(
            browser.findElements(By.tagName("script")).stream()
                .map(s -> s.getDomAttribute("src"))
                .toList())
        .as(where)
        .allMatch(src -> src != null && src.startsWith("/js/"));
    assertThat(chromium.securityPolicyViolations()).as(where).isEmpty();
  }

  /** The category's field definitions as JSON, to put back afterwards. */
  private String fieldsOf(String category) throws Exception {
    HttpResponse<String> all =
        admin("GET", "/api/v1/tickets/fields?category=" + category, null, "en");
    assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
    return json.writeValueAsString(json.readTree(all.body()).get(category));
  }

  private HttpResponse<String> admin(String method, String path, String body, String language)
      throws Exception {
    return api.admin(method, path, body, language);
  }

  private void signIn(WebDriver browser) {
    browser.get(api.url("/login"));
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(ContactCenterIT.ADMIN_PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    page().until(() -> browser.getCurrentUrl().equals(api.url("/")));
  }

  private static ConditionFactory page() {
    return Chromium.onPage(Duration.ofSeconds(30));
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.BasicAuthApi;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TopicWatch;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Changing a ticket's tags after it was opened (issue 14), against the running contact center (real
 * PostgreSQL, Kafka, Tomcat, headless Chromium): an agent adds and removes tags with {@code PATCH
 * /api/v1/tickets/{id}/tags}; the change is in the history and on {@code
 * cc.tickets.tags-changed.v1}, and the list filters by the new tags; a malformed tag, too many tags
 * or nothing to change is a 400 naming the problem in the reader's language, a closed ticket a 409;
 * accounts that do not work tickets are refused. On the ticket page the agent adds a tag with the
 * input and removes one with its badge's button.
 */
@ContactCenterIT
class TicketTagsIT {

  private static final String PASSWORD = "ticket-tags-password";
  private static final String TOPIC = "cc.tickets.tags-changed.v1";

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;

  private final ObjectMapper json = new ObjectMapper();
  private final BasicAuthApi api = new BasicAuthApi(() -> port, PASSWORD);

  @Test
  void anAgentChangesTheTagsOfAnOpenTicketAndTheChangeIsRecordedPublishedAndSearchable()
      throws Exception {
    String marker = marker();
    String agent = user("AGENT");
    String ops = user("OPS");
    String id = open(agent, marker, List.of("seed-" + marker, "spam"));
    String tags = "/api/v1/tickets/" + id + "/tags";

    try (TopicWatch kafka = TopicWatch.of(TOPIC)) {
      HttpResponse<String> changed =
          api.as(agent, "PATCH", tags, body(List.of("VIP-" + marker), List.of("spam")));
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
      assertThat(strings(json.readTree(changed.body()).get("tags")))
          .containsExactly("seed-" + marker, "vip-" + marker);

      JsonNode last = lastEntry(id);
      assertThat(last.get("kind").asText()).isEqualTo("TAGS_CHANGED");
      assertThat(last.get("actor").asText()).isEqualTo(agent);
      assertThat(last.get("body").asText()).isEqualTo("+vip-" + marker + " -spam");
      assertThat(last.get("visibleToCustomer").asBoolean()).isFalse();

      JsonNode event = kafka.awaitRecord(id, TOPIC);
      assertThat(event.get("ticketId").asText()).isEqualTo(id);
      assertThat(strings(event.get("added"))).containsExactly("vip-" + marker);
      assertThat(strings(event.get("removed"))).containsExactly("spam");
      assertThat(strings(event.get("tags"))).containsExactly("seed-" + marker, "vip-" + marker);
      assertThat(event.get("actor").asText()).isEqualTo(agent);
    }

    // The list filters by the tags the ticket has now.
    assertThat(search("tag=vip-" + marker)).containsExactly(id);
    assertThat(search("tag=spam&q=" + marker)).isEmpty();

    // Adding a tag it has changes nothing and records nothing.
    int entries = history(id).size();
    HttpResponse<String> same = api.as(agent, "PATCH", tags, body(List.of("vip-" + marker), null));
    assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
    assertThat(history(id)).hasSize(entries);

    // Bad input: a 400 naming the problem in the reader's language; nothing changes.
    HttpResponse<String> markup =
        api.admin("PATCH", tags, body(List.of("ok", "<b>x</b>"), null), "en");
    assertThat(markup.statusCode()).as(markup.body()).isEqualTo(400);
    assertThat(detail(markup))
        .isEqualTo("The tag '<b>x</b>' must be 1-40 letters, digits, _ or -.");
    HttpResponse<String> markupZh =
        api.admin("PATCH", tags, body(List.of("ok", "<b>x</b>"), null), "zh-CN");
    assertThat(markupZh.statusCode()).isEqualTo(400);
    assertThat(detail(markupZh)).isEqualTo("标签“<b>x</b>”须为 1 到 40 个字母、数字、_ 或 -。");
    HttpResponse<String> nothing = api.admin("PATCH", tags, "{}", "en");
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(detail(nothing)).isEqualTo("Give at least one tag to add or to remove.");
    HttpResponse<String> both =
        api.admin("PATCH", tags, body(List.of("refund"), List.of("REFUND")), "zh-CN");
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(detail(both)).isEqualTo("标签“refund”不能同时添加和移除。");
    List<String> many = new ArrayList<>(IntStream.range(0, 19).mapToObj(i -> "m" + i).toList());
    HttpResponse<String> tooMany = api.admin("PATCH", tags, body(many, null), "en");
    assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
    assertThat(detail(tooMany)).isEqualTo("At most 20 tags are allowed, not 21.");
    assertThat(strings(ticket(id).get("tags"))).containsExactly("seed-" + marker, "vip-" + marker);
    assertThat(history(id)).hasSize(entries);

    // Tickets are worked by agents, supervisors and admins only.
    assertThat(api.as(ops, "PATCH", tags, body(List.of("x"), null)).statusCode()).isEqualTo(403);
    assertThat(
            api.as(agent, "PATCH", "/api/v1/tickets/T-unknown/tags", body(List.of("x"), null))
                .statusCode())
        .isEqualTo(404);

    // A closed ticket keeps its tags: 409.
    for (String status : List.of("SOLVED", "CLOSED")) {
      HttpResponse<String> moved =
          api.as(
              agent,
              "POST",
              "/api/v1/tickets/" + id + "/status",
              json.writeValueAsString(Map.of("status", status)));
      assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }
    int closedEntries = history(id).size();
    HttpResponse<String> closed =
        api.admin("PATCH", tags, body(List.of("late"), List.of("seed-" + marker)), "zh-CN");
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(409);
    assertThat(detail(closed)).isEqualTo("工单已关闭，标签不能再修改。");
    assertThat(strings(ticket(id).get("tags"))).containsExactly("seed-" + marker, "vip-" + marker);
    assertThat(history(id)).hasSize(closedEntries);
  }

  @Test
  void onTheTicketPageTheAgentAddsATagAndRemovesOne() throws Exception {
    String marker = marker();
    String id = open("admin", marker, List.of("keep", "drop-" + marker));
    WebDriver browser = chromium.driver();
    signIn(browser);
    browser.get(api.url("/agent/tickets/" + id));
    page().until(() -> badges(browser).size() == 2);

    WebElement input = browser.findElement(By.id("tag-input"));
    assertThat(browser.findElement(By.cssSelector("label[for='tag-input']")).getText())
        .isEqualTo("Add tags (separated by spaces)");
    input.sendKeys("New-" + marker + " second");
    browser.findElement(By.cssSelector("#tags-form button[type='submit']")).click();
    page()
        .until(
            () ->
                badges(browser)
                    .equals(List.of("keep", "drop-" + marker, "new-" + marker, "second")));
    assertThat(input.getDomProperty("value")).isEmpty();

    WebElement remove =
        browser.findElement(By.cssSelector("#tags li[data-tag='drop-" + marker + "'] button"));
    assertThat(remove.getDomAttribute("aria-label")).isEqualTo("Remove tag drop-" + marker);
    remove.click();
    page().until(() -> badges(browser).equals(List.of("keep", "new-" + marker, "second")));
    assertThat(strings(ticket(id).get("tags"))).containsExactly("keep", "new-" + marker, "second");
    page()
        .until(
            () ->
                browser.findElements(By.cssSelector("#history li")).stream()
                        .filter(e -> "TAGS_CHANGED".equals(e.getDomAttribute("data-kind")))
                        .count()
                    == 2);

    // A tag the server refuses is named under the tags, and nothing changes.
    browser.findElement(By.id("tag-input")).sendKeys("no/slash");
    browser.findElement(By.cssSelector("#tags-form button[type='submit']")).click();
    WebElement error = browser.findElement(By.id("tags-error"));
    page().until(error::isDisplayed);
    assertThat(error.getText())
        .isEqualTo("The tag 'no/slash' must be 1-40 letters, digits, _ or -.");
    assertThat(badges(browser)).containsExactly("keep", "new-" + marker, "second");
  }

  private static List<String> badges(WebDriver browser) {
    return browser.findElements(By.cssSelector("#tags li.badge")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private String open(String user, String marker, List<String> tags) throws Exception {
    String body =
        json.writeValueAsString(
            Map.of(
                "subject",
                "tags " + marker,
                "customerRef",
                "c-" + marker,
                "category",
                "QUESTION",
                "tags",
                tags));
    HttpResponse<String> opened =
        "admin".equals(user)
            ? api.admin("POST", "/api/v1/tickets", body, "en")
            : api.as(user, "POST", "/api/v1/tickets", body);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    return json.readTree(opened.body()).get("ticket").get("ticketId").asText();
  }

  private JsonNode ticket(String id) throws Exception {
    return details(id).get("ticket");
  }

  private JsonNode details(String id) throws Exception {
    HttpResponse<String> got = api.admin("GET", "/api/v1/tickets/" + id, null, "en");
    assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
    return json.readTree(got.body());
  }

  private List<JsonNode> history(String id) throws Exception {
    List<JsonNode> entries = new ArrayList<>();
    details(id).get("history").forEach(entries::add);
    return entries;
  }

  private JsonNode lastEntry(String id) throws Exception {
    List<JsonNode> entries = history(id);
    return entries.get(entries.size() - 1);
  }

  /** The ids of the tickets the search finds, whatever their status. */
  private List<String> search(String query) throws Exception {
    HttpResponse<String> found =
        api.admin("GET", "/api/v1/tickets/search?limit=50&" + query, null, "en");
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(found.body()).forEach(t -> ids.add(t.get("ticketId").asText()));
    return ids;
  }

  private String body(List<String> add, List<String> remove) throws Exception {
    Map<String, List<String>> body = new java.util.LinkedHashMap<>();
    if (add != null) {
      body.put("add", add);
    }
    if (remove != null) {
      body.put("remove", remove);
    }
    return json.writeValueAsString(body);
  }

  private String detail(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body()).get("detail").asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String marker() {
    return "tg" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private String user(String role) throws Exception {
    String name = "tt-" + role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        api.admin(
            "POST",
            "/api/v1/users",
            json.writeValueAsString(
                Map.of("username", name, "password", PASSWORD, "roles", List.of(role))),
            "en");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return name;
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

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.BasicAuthApi;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Working tickets beyond the basics (ADR 0023), against the running contact center (real
 * PostgreSQL, Tomcat, headless Chromium): admins define custom fields per category, values are
 * checked with problems naming the field in the user's language, stored exactly and found by value;
 * agents and supervisors save list views (shared ones only by supervisors) and see their counts;
 * child tickets for other departments keep the parent from being solved while one is open. Each
 * test restores the field definitions it changed, so other tests' tickets are not affected.
 */
@ContactCenterIT
class TicketWorkIT {

  private static final String PASSWORD = "ticket-work-password";

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final ObjectMapper json = new ObjectMapper();
  private final BasicAuthApi api = new BasicAuthApi(() -> port, PASSWORD);

  private static final String REFUND_FIELDS =
      """
      [{"key": "order_no", "labelEn": "Order number", "labelZh": "订单号", "type": "TEXT",
        "required": true},
       {"key": "amount", "labelEn": "Refund amount", "labelZh": "退款金额", "type": "NUMBER"},
       {"key": "pickup", "labelEn": "Pick-up date", "labelZh": "取件日期", "type": "DATE"},
       {"key": "reason", "labelEn": "Reason", "labelZh": "原因", "type": "CHOICE",
        "choices": ["damaged", "wrong item", "破损"]}]
      """;

  @Test
  void customFieldsAreDefinedByAdminsCheckedNamedInTheUsersLanguageAndFoundByValue()
      throws Exception {
    String agent = user("AGENT");
    try {
      // A bad definition is refused with the place of every problem; nothing is saved.
      HttpResponse<String> bad =
          admin(
              "PUT",
              "/api/v1/tickets/fields/REFUND",
              """
              [{"key": "order_no", "labelEn": "Order", "labelZh": "订单", "type": "TEXT"},
               {"key": "Order No", "labelEn": "x", "labelZh": "x", "type": "TEXT"},
               {"key": "kind", "labelEn": "Kind", "labelZh": "类型", "type": "CHOICE"}]
              """,
              "en");
      assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
      JsonNode problem = json.readTree(bad.body());
      assertThat(problem.get("type").asText()).isEqualTo("urn:cc:problem:ticket-fields-rejected");
      assertThat(problem.get("problems").get(0).get("field").asText()).isEqualTo("fields[1].key");
      assertThat(problem.get("problems").get(1).get("code").asText()).isEqualTo("choices-required");
      assertThat(fieldKeys("REFUND")).isEmpty();
      // Only admins define fields.
      assertThat(as(agent, "PUT", "/api/v1/tickets/fields/REFUND", REFUND_FIELDS).statusCode())
          .isEqualTo(403);
      HttpResponse<String> defined =
          admin("PUT", "/api/v1/tickets/fields/REFUND", REFUND_FIELDS, "en");
      assertThat(defined.statusCode()).as(defined.body()).isEqualTo(200);
      assertThat(fieldKeys("REFUND")).containsExactly("order_no", "amount", "pickup", "reason");

      String id = open("Refund for a broken kettle", "REFUND", null);
      String order = "A" + UUID.randomUUID().toString().substring(0, 8);

      // Bad values: each problem names the field by its label in the user's language.
      String badValues = "{\"values\": {\"amount\": \"twelve\", \"pickup\": \"2026-02-30\"}}";
      HttpResponse<String> zh =
          admin("PUT", "/api/v1/tickets/" + id + "/fields", badValues, "zh-CN");
      assertThat(zh.statusCode()).as(zh.body()).isEqualTo(422);
      JsonNode zhProblem = json.readTree(zh.body());
      assertThat(zhProblem.get("detail").asText())
          .contains("退款金额")
          .contains("twelve")
          .contains("取件日期")
          .contains("订单号为必填项");
      assertThat(zhProblem.get("problems").get(0).get("field").asText()).isEqualTo("amount");
      HttpResponse<String> en = admin("PUT", "/api/v1/tickets/" + id + "/fields", badValues, "en");
      assertThat(json.readTree(en.body()).get("detail").asText())
          .contains("Refund amount: 'twelve' is not a number")
          .contains("Pick-up date")
          .contains("Order number is required");
      HttpResponse<String> choice =
          admin(
              "PUT",
              "/api/v1/tickets/" + id + "/fields",
              "{\"values\": {\"order_no\": \"x\", \"reason\": \"lost\", \"colour\": \"red\"}}",
              "en");
      assertThat(json.readTree(choice.body()).get("detail").asText())
          .contains("'colour' is not a field")
          .contains("Reason: 'lost' is not one of the choices");
      assertThat(details(id).get("ticket").get("fields").size()).isZero();

      // A required field must be filled before the ticket is solved.
      HttpResponse<String> solve =
          admin("POST", "/api/v1/tickets/" + id + "/status", "{\"status\": \"SOLVED\"}", "en");
      assertThat(solve.statusCode()).as(solve.body()).isEqualTo(422);
      assertThat(json.readTree(solve.body()).get("detail").asText())
          .contains("Order number is required");

      // Good values are stored exactly (12.50 stays 12.50) and recorded in the history.
      HttpResponse<String> saved =
          as(
              agent,
              "PUT",
              "/api/v1/tickets/" + id + "/fields",
              """
              {"values": {"order_no": "%s", "amount": "12.50", "pickup": "2026-10-08",
               "reason": "破损"}}
              """
                  .formatted(order));
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
      JsonNode fields = json.readTree(saved.body()).get("fields");
      assertThat(fields.get("amount").decimalValue()).isEqualByComparingTo("12.50");
      assertThat(fields.get("reason").asText()).isEqualTo("破损");
      assertThat(
              jdbc.sql("SELECT custom_fields->>'amount' FROM ticket WHERE ticket_id = ?")
                  .param(id)
                  .query(String.class)
                  .single())
          .isEqualTo("12.50");
      List<String> kinds = new ArrayList<>();
      details(id).get("history").forEach(e -> kinds.add(e.get("kind").asText()));
      assertThat(kinds).contains("FIELDS_CHANGED");

      // Found by exact value: a number as a number (12.5 finds 12.50), text as typed.
      assertThat(searchIds("field=amount&value=12.5&category=REFUND")).contains(id);
      assertThat(searchIds("field=order_no&value=" + order)).containsExactly(id);
      assertThat(searchIds("field=order_no&value=" + order.toLowerCase())).isEmpty();
      assertThat(searchIds("field=reason&value=" + enc("破损") + "&q=" + enc("kettle"))).contains(id);

      // Redefining the category keeps the values stored under keys no longer defined.
      admin(
          "PUT",
          "/api/v1/tickets/fields/REFUND",
          "[{\"key\": \"amount\", \"labelEn\": \"Amount\", \"labelZh\": \"金额\","
              + " \"type\": \"NUMBER\"}]",
          "en");
      assertThat(details(id).get("ticket").get("fields").get("order_no").asText()).isEqualTo(order);
      assertThat(
              admin("POST", "/api/v1/tickets/" + id + "/status", "{\"status\": \"SOLVED\"}", "en")
                  .statusCode())
          .isEqualTo(200);
    } finally {
      admin("PUT", "/api/v1/tickets/fields/REFUND", "[]", "en");
    }
  }

  @Test
  void savedViewsShowTheirCountsAndOnlySupervisorsShareThem() throws Exception {
    String agentA = user("AGENT");
    String agentB = user("AGENT");
    String supervisor = user("SUPERVISOR");
    String tag = "tv" + UUID.randomUUID().toString().substring(0, 8);
    String a1 = open("Where is my parcel " + tag, "DELIVERY", tag);
    String a2 = open("Wrong size " + tag, "RETURN", tag);
    String unassigned = open("Question about invoices " + tag, "QUESTION", tag);
    for (String id : List.of(a1, a2)) {
      assertThat(
              admin(
                      "POST",
                      "/api/v1/tickets/" + id + "/assignee",
                      "{\"assignee\": \"" + agentA + "\"}",
                      "en")
                  .statusCode())
          .isEqualTo(200);
    }
    String filterMine = "{\"mine\": true, \"tag\": \"" + tag + "\"}";
    HttpResponse<String> mine =
        as(
            agentA,
            "POST",
            "/api/v1/tickets/views",
            "{\"name\": \"我的 " + tag + "\", \"filter\": " + filterMine + "}");
    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(201);
    String mineId = json.readTree(mine.body()).get("viewId").asText();
    assertThat(json.readTree(mine.body()).get("count").asLong()).isEqualTo(2);

    // An agent may not share a view; a supervisor may.
    HttpResponse<String> refused =
        as(
            agentA,
            "POST",
            "/api/v1/tickets/views",
            "{\"name\": \"team\", \"shared\": true, \"filter\": {\"tag\": \"" + tag + "\"}}");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(json.readTree(refused.body()).get("detail").asText()).contains("supervisors");
    HttpResponse<String> shared =
        as(
            supervisor,
            "POST",
            "/api/v1/tickets/views",
            "{\"name\": \"Team "
                + tag
                + "\", \"shared\": true, \"filter\": {\"tag\": \""
                + tag
                + "\"}}");
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
    String sharedId = json.readTree(shared.body()).get("viewId").asText();

    // Each sees their own views first, then the shared ones, with counts for them.
    Map<String, Long> ofA = viewCounts(agentA);
    assertThat(ofA).containsEntry("我的 " + tag, 2L).containsEntry("Team " + tag, 3L);
    Map<String, Long> ofB = viewCounts(agentB);
    assertThat(ofB).containsEntry("Team " + tag, 3L).doesNotContainKey("我的 " + tag);
    // The same "mine" filter means each viewer's own tickets; another's private view is not theirs.
    assertThat(searchIds(agentA, "view=" + mineId)).containsExactlyInAnyOrder(a1, a2);
    assertThat(as(agentB, "GET", "/api/v1/tickets/search?view=" + mineId, null).statusCode())
        .isEqualTo(400);
    assertThat(searchIds(agentB, "view=" + sharedId)).containsExactlyInAnyOrder(a1, a2, unassigned);

    // SLA states as the tracker writes them: one breached, one due within the hour.
    jdbc.sql("UPDATE ticket SET sla_breached = true WHERE ticket_id = ?").param(a1).update();
    jdbc.sql("UPDATE ticket SET sla_due_at = now() + interval '10 minutes' WHERE ticket_id = ?")
        .param(a2)
        .update();
    jdbc.sql("UPDATE ticket SET sla_due_at = now() + interval '3 hours' WHERE ticket_id = ?")
        .param(unassigned)
        .update();
    assertThat(searchIds(agentB, "tag=" + tag + "&sla=BREACHED")).containsExactly(a1);
    assertThat(searchIds(agentB, "tag=" + tag + "&sla=DUE_SOON")).containsExactly(a2);
    assertThat(searchIds(agentB, "tag=" + tag + "&status=NEW&status=OPEN&priority=HIGH"))
        .as("none of them opened HIGH")
        .isEmpty();
    assertThat(searchIds(agentB, "tag=" + tag + "&status=NEW&category=DELIVERY&priority=NORMAL"))
        .containsExactly(a1);
    assertThat(searchIds(agentB, "tag=" + tag + "&q=" + enc("wrong SIZE"))).containsExactly(a2);

    // Only the owner, or a supervisor for a shared view, deletes a view.
    assertThat(as(agentB, "DELETE", "/api/v1/tickets/views/" + sharedId, null).statusCode())
        .isEqualTo(403);
    assertThat(as(agentA, "DELETE", "/api/v1/tickets/views/" + mineId, null).statusCode())
        .isEqualTo(204);
    assertThat(as(supervisor, "DELETE", "/api/v1/tickets/views/" + sharedId, null).statusCode())
        .isEqualTo(204);
    assertThat(viewCounts(agentA)).isEmpty();
  }

  @Test
  void aParentWaitsForItsChildTicketsBeforeItIsSolved() throws Exception {
    String parent = open("Return with refund " + UUID.randomUUID(), "RETURN", null);
    String warehouse = child(parent, "warehouse", "Receive and check the returned kettle");
    String finance = child(parent, "finance", "Refund 12.50 after the check");
    JsonNode details = details(parent);
    assertThat(details.get("children")).hasSize(2);
    assertThat(details.get("children").get(0).get("ticketId").asText()).isEqualTo(warehouse);
    assertThat(details.get("children").get(0).get("group").asText()).isEqualTo("warehouse");
    assertThat(details.get("children").get(1).get("status").asText()).isEqualTo("NEW");
    JsonNode child = details(warehouse).get("ticket");
    assertThat(child.get("parentId").asText()).isEqualTo(parent);
    assertThat(child.get("customerRef").asText())
        .isEqualTo(details.get("ticket").get("customerRef").asText());

    // Solving the parent while a child is open is refused, naming the open children.
    HttpResponse<String> refused =
        admin("POST", "/api/v1/tickets/" + parent + "/status", "{\"status\": \"SOLVED\"}", "en");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.get("type").asText()).isEqualTo("urn:cc:problem:ticket-children-open");
    assertThat(problem.get("detail").asText()).contains("2 child ticket(s)").contains(warehouse);
    HttpResponse<String> zh =
        admin("POST", "/api/v1/tickets/" + parent + "/status", "{\"status\": \"SOLVED\"}", "zh-CN");
    assertThat(json.readTree(zh.body()).get("detail").asText()).contains("子工单");
    // Children are one level deep.
    HttpResponse<String> grandchild =
        admin(
            "POST",
            "/api/v1/tickets/" + warehouse + "/children",
            "{\"group\": \"logistics\", \"subject\": \"pick up\"}",
            "en");
    assertThat(grandchild.statusCode()).isEqualTo(422);
    assertThat(json.readTree(grandchild.body()).get("type").asText())
        .isEqualTo("urn:cc:problem:ticket-child-of-child");

    // Each department finishes its part; the parent's history says so, then it can be solved.
    solve(warehouse);
    assertThat(
            json.readTree(
                    admin(
                            "POST",
                            "/api/v1/tickets/" + parent + "/status",
                            "{\"status\": \"SOLVED\"}",
                            "en")
                        .body())
                .get("detail")
                .asText())
        .contains("1 child ticket(s)")
        .contains(finance)
        .doesNotContain(warehouse);
    solve(finance);
    List<String> notes = new ArrayList<>();
    details(parent).get("history").forEach(e -> notes.add(e.get("body").asText()));
    assertThat(notes).anyMatch(n -> n.contains(finance) && n.contains("all child tickets done"));
    solve(parent);
    // A solved parent gets no new child.
    assertThat(
            admin(
                    "POST",
                    "/api/v1/tickets/" + parent + "/children",
                    "{\"group\": \"finance\", \"subject\": \"late\"}",
                    "en")
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void agentsFillFieldsOpenChildrenAndSaveViewsOnThePages() throws Exception {
    String agent = user("AGENT");
    String tag = "pg" + UUID.randomUUID().toString().substring(0, 8);
    try {
      assertThat(admin("PUT", "/api/v1/tickets/fields/REFUND", REFUND_FIELDS, "en").statusCode())
          .isEqualTo(200);
      String id = open("Refund for a cracked cup " + tag, "REFUND", tag);
      admin(
          "POST", "/api/v1/tickets/" + id + "/assignee", "{\"assignee\": \"" + agent + "\"}", "en");
      WebDriver browser = chromium.driver();
      signIn(browser, agent);
      browser.get(url("/agent/tickets/" + id));
      page().until(() -> browser.findElement(By.id("fields-form")).isDisplayed());
      assertThat(browser.findElement(By.id("fields-form")).getText())
          .contains("Refund amount")
          .contains("Order number");

      // A value of the wrong type is refused on the page, naming the field.
      browser.findElement(By.id("field-amount")).sendKeys("twelve");
      browser.findElement(By.id("field-order_no")).sendKeys("B-77");
      submit(browser, "fields-form");
      page().until(() -> browser.findElement(By.id("fields-error")).isDisplayed());
      assertThat(browser.findElement(By.id("fields-error")).getText())
          .contains("Refund amount")
          .contains("twelve");
      WebElement amount = browser.findElement(By.id("field-amount"));
      amount.clear();
      amount.sendKeys("12.50");
      new Select(browser.findElement(By.id("field-reason"))).selectByValue("damaged");
      submit(browser, "fields-form");
      page().until(() -> browser.findElement(By.id("fields-status")).isDisplayed());
      JsonNode fields = details(id).get("ticket").get("fields");
      assertThat(fields.get("order_no").asText()).isEqualTo("B-77");
      assertThat(fields.get("amount").decimalValue()).isEqualByComparingTo("12.50");
      assertThat(fields.get("reason").asText()).isEqualTo("damaged");

      // A child ticket for the warehouse; the parent cannot be solved while it is open.
      browser.findElement(By.id("child-group")).sendKeys("warehouse");
      browser.findElement(By.id("child-subject")).sendKeys("Check the returned cup");
      submit(browser, "child-form");
      page()
          .until(
              () ->
                  browser
                      .findElement(By.cssSelector("#children tbody"))
                      .getText()
                      .contains("Check the returned cup"));
      assertThat(details(id).get("children")).hasSize(1);
      new Select(browser.findElement(By.id("status"))).selectByValue("SOLVED");
      submit(browser, "status-form");
      page().until(() -> browser.findElement(By.id("failure")).isDisplayed());
      assertThat(browser.findElement(By.id("failure")).getText()).contains("child ticket");
      assertThat(details(id).get("ticket").get("status").asText()).isNotEqualTo("SOLVED");

      // The tickets page: filter by the tag, save it as a view, see its count and use it.
      browser.get(url("/agent/tickets"));
      page().until(() -> browser.findElement(By.id("total")).getText().length() > 0);
      browser.findElement(By.id("f-tag")).sendKeys(tag);
      browser.findElement(By.id("view-name")).sendKeys("Refunds " + tag);
      submit(browser, "view-form");
      By saved = By.cssSelector("#views li.saved button.view");
      page()
          .until(
              () ->
                  browser.findElements(saved).stream()
                      .anyMatch(b -> b.getText().equals("Refunds " + tag + " (1)")));
      browser.findElement(By.id("view-mine")).click();
      browser.findElements(saved).stream()
          .filter(b -> b.getText().startsWith("Refunds " + tag))
          .findFirst()
          .orElseThrow()
          .click();
      page()
          .until(
              () ->
                  browser.findElements(By.cssSelector("#tickets tbody tr")).size() == 1
                      && browser
                          .findElement(By.cssSelector("#tickets tbody tr"))
                          .getDomAttribute("data-ticket")
                          .equals(id));
      assertThat(browser.findElement(By.id("f-tag")).getDomProperty("value")).isEqualTo(tag);
    } finally {
      admin("PUT", "/api/v1/tickets/fields/REFUND", "[]", "en");
    }
  }

  // --- helpers

  private String open(String subject, String category, String tag) throws Exception {
    HttpResponse<String> created =
        admin(
            "POST",
            "/api/v1/tickets",
            json.writeValueAsString(
                Map.of(
                    "subject",
                    subject,
                    "customerRef",
                    "c-" + UUID.randomUUID(),
                    "category",
                    category,
                    "tags",
                    tag == null ? List.of() : List.of(tag))),
            "en");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("ticket").get("ticketId").asText();
  }

  private String child(String parent, String group, String subject) throws Exception {
    HttpResponse<String> created =
        admin(
            "POST",
            "/api/v1/tickets/" + parent + "/children",
            json.writeValueAsString(Map.of("group", group, "subject", subject)),
            "en");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("ticketId").asText();
  }

  private void solve(String id) throws Exception {
    HttpResponse<String> solved =
        admin("POST", "/api/v1/tickets/" + id + "/status", "{\"status\": \"SOLVED\"}", "en");
    assertThat(solved.statusCode()).as(solved.body()).isEqualTo(200);
  }

  private JsonNode details(String id) throws Exception {
    HttpResponse<String> response = admin("GET", "/api/v1/tickets/" + id, null, "en");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private List<String> fieldKeys(String category) throws Exception {
    JsonNode all =
        json.readTree(
            admin("GET", "/api/v1/tickets/fields?category=" + category, null, "en").body());
    List<String> keys = new ArrayList<>();
    all.get(category).forEach(f -> keys.add(f.get("key").asText()));
    return keys;
  }

  private List<String> searchIds(String query) throws Exception {
    return ids(admin("GET", "/api/v1/tickets/search?" + query, null, "en"));
  }

  private List<String> searchIds(String user, String query) throws Exception {
    return ids(as(user, "GET", "/api/v1/tickets/search?" + query, null));
  }

  private List<String> ids(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode list = json.readTree(response.body());
    assertThat(response.headers().firstValue("X-Total-Count"))
        .hasValue(String.valueOf(list.size()));
    List<String> ids = new ArrayList<>();
    list.forEach(t -> ids.add(t.get("ticketId").asText()));
    return ids;
  }

  private Map<String, Long> viewCounts(String user) throws Exception {
    HttpResponse<String> response = as(user, "GET", "/api/v1/tickets/views", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    json.readTree(response.body())
        .forEach(v -> counts.put(v.get("name").asText(), v.get("count").asLong()));
    return counts;
  }

  private String user(String role) throws Exception {
    return users()
        .create(
            "tw-" + role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8), role);
  }

  private TestUsers users() {
    return new TestUsers(port, PASSWORD);
  }

  private HttpResponse<String> admin(String method, String path, String body, String language)
      throws Exception {
    return api.admin(method, path, body, language);
  }

  private HttpResponse<String> as(String user, String method, String path, String body)
      throws Exception {
    return api.as(user, method, path, body);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private void signIn(WebDriver browser, String user) {
    users().signIn(browser, user);
  }

  private static void submit(WebDriver browser, String form) {
    browser.findElement(By.cssSelector("#" + form + " button[type='submit']")).click();
  }

  private String url(String path) {
    return api.url(path);
  }

  private static ConditionFactory page() {
    return Chromium.onPage(Duration.ofSeconds(30));
  }
}

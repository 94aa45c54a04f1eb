package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.BasicAuthApi;
import io.contactcenter.testinfra.Chromium;
import io.contactcenter.testinfra.ContactCenterIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * The ticket desk's finishing parts (ADR 0027), against the running contact center (real
 * PostgreSQL, Tomcat, headless Chromium): custom field values given when a ticket opens are kept,
 * checked as on a later save with problems naming the field in the user's language; admins define
 * the fields on a page and agents open tickets with them on the tickets page; supervisors see their
 * groups' tickets and reassign them on the page; ticket lists page by keyset, so tickets opened or
 * solved meanwhile shift nothing. Each test restores the field definitions it changed.
 */
@ContactCenterIT
class TicketDeskIT {

  private static final String PASSWORD = "ticket-desk-password";

  /** Supervisor of group tk-escalations (ContactCenterIT's cc.tickets.groups.*.supervisors). */
  private static final String SUPERVISOR = "tk-supervisor-1";

  @RegisterExtension Chromium chromium = new Chromium();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final BasicAuthApi api = new BasicAuthApi(() -> port, PASSWORD);

  private static final String RETURN_FIELDS =
      """
      [{"key": "order_no", "labelEn": "Order number", "labelZh": "订单号", "type": "TEXT",
        "required": true},
       {"key": "amount", "labelEn": "Refund amount", "labelZh": "退款金额", "type": "NUMBER"},
       {"key": "reason", "labelEn": "Reason", "labelZh": "原因", "type": "CHOICE",
        "choices": ["damaged", "wrong item"]}]
      """;

  @Test
  void fieldValuesGivenWhenATicketOpensAreKeptAndCheckedNamingTheField() throws Exception {
    try {
      assertThat(admin("PUT", "/api/v1/tickets/fields/RETURN", RETURN_FIELDS, "en").statusCode())
          .isEqualTo(200);
      String customer = "c-" + UUID.randomUUID();

      // Bad values: refused as on a save, every problem named by the field's label in the
      // user's language; no ticket is left behind.
      String bad =
          openBody(
              "Broken kettle",
              customer,
              "RETURN",
              Map.of("amount", "twelve", "colour", "red", "reason", "lost"));
      HttpResponse<String> zh = admin("POST", "/api/v1/tickets", bad, "zh-CN");
      assertThat(zh.statusCode()).as(zh.body()).isEqualTo(422);
      JsonNode zhProblem = json.readTree(zh.body());
      assertThat(zhProblem.get("type").asText()).isEqualTo("urn:cc:problem:ticket-fields-rejected");
      assertThat(zhProblem.get("detail").asText())
          .contains("退款金额")
          .contains("twelve")
          .contains("原因")
          .contains("colour");
      List<String> named = new ArrayList<>();
      zhProblem.get("problems").forEach(p -> named.add(p.get("field").asText()));
      assertThat(named).containsExactlyInAnyOrder("colour", "amount", "reason");
      HttpResponse<String> en = admin("POST", "/api/v1/tickets", bad, "en");
      assertThat(json.readTree(en.body()).get("detail").asText())
          .contains("Refund amount: 'twelve' is not a number")
          .contains("Reason: 'lost' is not one of the choices")
          .contains("'colour' is not a field");
      assertThat(
              jdbc.sql("SELECT count(*) FROM ticket WHERE customer_ref = ?")
                  .param(customer)
                  .query(Long.class)
                  .single())
          .isZero();

      // Good values are stored exactly as on a save (12.50 stays 12.50) and in the history; a
      // required field may still be empty at opening, but then the ticket cannot be solved.
      HttpResponse<String> opened =
          admin(
              "POST",
              "/api/v1/tickets",
              openBody(
                  "Broken kettle",
                  customer,
                  "RETURN",
                  Map.of("amount", "12.50", "reason", "damaged")),
              "en");
      assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
      JsonNode ticket = json.readTree(opened.body()).get("ticket");
      String id = ticket.get("ticketId").asText();
      assertThat(ticket.get("fields").get("amount").decimalValue()).isEqualByComparingTo("12.50");
      assertThat(ticket.get("fields").get("reason").asText()).isEqualTo("damaged");
      assertThat(
              jdbc.sql("SELECT custom_fields->>'amount' FROM ticket WHERE ticket_id = ?")
                  .param(id)
                  .query(String.class)
                  .single())
          .isEqualTo("12.50");
      assertThat(historyKinds(id)).containsSequence("OPENED", "FIELDS_CHANGED");
      assertThat(searchIds("field=amount&value=12.5&category=RETURN")).contains(id);
      HttpResponse<String> solve =
          admin("POST", "/api/v1/tickets/" + id + "/status", "{\"status\": \"SOLVED\"}", "zh-CN");
      assertThat(solve.statusCode()).as(solve.body()).isEqualTo(422);
      assertThat(json.readTree(solve.body()).get("detail").asText()).contains("订单号");

      // The same customer asking the same again is merged: the values fill the ticket's empty
      // fields and never overwrite one it has.
      HttpResponse<String> again =
          admin(
              "POST",
              "/api/v1/tickets",
              openBody(
                  "Broken kettle!", customer, "RETURN", Map.of("order_no", "A-77", "amount", "99")),
              "en");
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      assertThat(json.readTree(again.body()).get("outcome").asText()).isEqualTo("MERGED");
      JsonNode merged = details(id).get("ticket").get("fields");
      assertThat(merged.get("order_no").asText()).isEqualTo("A-77");
      assertThat(merged.get("amount").decimalValue()).isEqualByComparingTo("12.50");
      assertThat(
              admin("POST", "/api/v1/tickets/" + id + "/status", "{\"status\": \"SOLVED\"}", "en")
                  .statusCode())
          .isEqualTo(200);
    } finally {
      admin("PUT", "/api/v1/tickets/fields/RETURN", "[]", "en");
    }
  }

  @Test
  void aTicketOpenedWithoutACategoryGetsTheOneTheBotsClassifierSuggests() throws Exception {
    Map<String, String> suggested = new LinkedHashMap<>();
    for (String subject :
        List.of("I want to complain about your company, this is unacceptable", "我要投诉你们，服务太差了")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("subject", subject);
      body.put("customerRef", "c-" + UUID.randomUUID());
      HttpResponse<String> opened =
          admin("POST", "/api/v1/tickets", json.writeValueAsString(body), "en");
      assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
      JsonNode ticket = json.readTree(opened.body()).get("ticket");
      suggested.put(
          subject, ticket.get("category").asText() + "/" + ticket.get("priority").asText());
    }
    // A complaint opens HIGH, as any complaint does.
    assertThat(suggested.values()).containsOnly("COMPLAINT/HIGH");
    // A category given is kept whatever the text says.
    String kept = open("I want to complain about your company", "DELIVERY", "kept", null, null);
    assertThat(details(kept).get("ticket").get("category").asText()).isEqualTo("DELIVERY");
  }

  @Test
  void adminsDefineFieldsOnThePageAndAgentsOpenTicketsWithThem() throws Exception {
    String agent = user("AGENT");
    WebDriver browser = chromium.driver();
    try {
      signIn(browser, "admin", ContactCenterIT.ADMIN_PASSWORD);
      browser.get(url("/admin/ticket-fields"));
      page()
          .until(
              () -> browser.findElement(By.id("tf-fields")).getDomAttribute("data-loaded") != null);
      new Select(browser.findElement(By.id("tf-category"))).selectByValue("DELIVERY");
      page()
          .until(
              () ->
                  "DELIVERY"
                          .equals(
                              browser
                                  .findElement(By.id("tf-fields"))
                                  .getDomAttribute("data-loaded"))
                      && browser.findElement(By.id("tf-none")).isDisplayed());
      browser.findElement(By.id("tf-add")).click();
      fillRow(browser, 0, "parcel_no", "Parcel number", "包裹号", "TEXT", true);
      browser.findElement(By.id("tf-add")).click();
      fillRow(browser, 1, "Weight KG", "Weight (kg)", "重量（公斤）", "NUMBER", false);
      browser.findElement(By.id("tf-save")).click();
      // A bad key is refused, the row it is in marked; nothing is saved.
      page().until(() -> browser.findElement(By.id("tf-error")).isDisplayed());
      assertThat(browser.findElement(By.id("tf-error")).getText()).contains("Weight KG");
      assertThat(cell(browser, 1, "key").getDomAttribute("aria-invalid")).isEqualTo("true");
      assertThat(fieldKeys("DELIVERY")).isEmpty();
      WebElement key = cell(browser, 1, "key");
      key.clear();
      key.sendKeys("weight");
      browser.findElement(By.id("tf-save")).click();
      page().until(() -> browser.findElement(By.id("tf-status")).isDisplayed());
      assertThat(fieldKeys("DELIVERY")).containsExactly("parcel_no", "weight");
      JsonNode parcel =
          json.readTree(admin("GET", "/api/v1/tickets/fields?category=DELIVERY", null, "en").body())
              .get("DELIVERY")
              .get(0);
      assertThat(parcel.get("labelZh").asText()).isEqualTo("包裹号");
      assertThat(parcel.get("required").asBoolean()).isTrue();
      browser.findElement(By.id("sign-out")).click();
      page().until(() -> browser.getCurrentUrl().contains("/login"));

      // The agent opens a ticket by hand with the category's fields; a wrong value is named.
      signIn(browser, agent, PASSWORD);
      browser.get(url("/agent/tickets"));
      new Select(browser.findElement(By.id("new-category"))).selectByValue("DELIVERY");
      page().until(() -> !browser.findElements(By.id("new-field-weight")).isEmpty());
      String customer = "c-" + UUID.randomUUID();
      browser.findElement(By.id("new-subject")).sendKeys("Parcel never arrived");
      browser.findElement(By.id("new-ref")).sendKeys(customer);
      browser.findElement(By.id("new-field-parcel_no")).sendKeys("P-123");
      browser.findElement(By.id("new-field-weight")).sendKeys("heavy");
      submit(browser, "new-ticket-form");
      page().until(() -> browser.findElement(By.id("new-ticket-error")).isDisplayed());
      assertThat(browser.findElement(By.id("new-ticket-error")).getText())
          .contains("Weight (kg)")
          .contains("heavy");
      WebElement weight = browser.findElement(By.id("new-field-weight"));
      weight.clear();
      weight.sendKeys("1.250");
      submit(browser, "new-ticket-form");
      page().until(() -> browser.getCurrentUrl().contains("/agent/tickets/T-"));
      String id = browser.getCurrentUrl().replaceAll(".*/agent/tickets/", "");
      JsonNode ticket = details(id).get("ticket");
      assertThat(ticket.get("customerRef").asText()).isEqualTo(customer);
      assertThat(ticket.get("category").asText()).isEqualTo("DELIVERY");
      assertThat(ticket.get("fields").get("parcel_no").asText()).isEqualTo("P-123");
      assertThat(
              jdbc.sql("SELECT custom_fields->>'weight' FROM ticket WHERE ticket_id = ?")
                  .param(id)
                  .query(String.class)
                  .single())
          .isEqualTo("1.250");
      // The ticket page shows the values it opened with.
      page()
          .until(
              () ->
                  "P-123"
                      .equals(
                          browser.findElement(By.id("field-parcel_no")).getDomProperty("value")));
    } finally {
      admin("PUT", "/api/v1/tickets/fields/DELIVERY", "[]", "en");
    }
  }

  @Test
  void supervisorsSeeTheirGroupsTicketsAndReassignThemOnThePage() throws Exception {
    user(SUPERVISOR, "SUPERVISOR");
    String agent = user("AGENT");
    String tag = "sg" + UUID.randomUUID().toString().substring(0, 8);
    String first = open("Escalated refund " + tag, "QUESTION", tag, "tk-escalations", null);
    String second = open("Escalated delivery " + tag, "QUESTION", tag, "tk-escalations", null);
    String elsewhere = open("Another group's " + tag, "QUESTION", tag, "tk-other", null);

    HttpResponse<String> groups = as(SUPERVISOR, "GET", "/api/v1/tickets/groups/mine", null);
    assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
    assertThat(json.readTree(groups.body()).toString()).isEqualTo("[\"tk-escalations\"]");
    assertThat(ids(as(SUPERVISOR, "GET", "/api/v1/tickets/search?myGroups=true&tag=" + tag, null)))
        .containsExactlyInAnyOrder(first, second)
        .doesNotContain(elsewhere);
    // An agent supervises no group: "my groups" shows them nothing.
    assertThat(ids(as(agent, "GET", "/api/v1/tickets/search?myGroups=true&tag=" + tag, null)))
        .isEmpty();

    WebDriver browser = chromium.driver();
    signIn(browser, SUPERVISOR, PASSWORD);
    assertThat(browser.findElements(By.id("nav-agent-tickets"))).hasSize(1);
    browser.get(url("/agent/tickets"));
    page().until(() -> browser.findElement(By.id("total")).getText().length() > 0);
    browser.findElement(By.id("view-my-groups")).click();
    // The button fills the form with its filter: the active tickets of the groups supervised.
    page()
        .until(
            () ->
                browser.findElement(By.id("f-my-groups")).isSelected()
                    && browser.findElements(By.cssSelector("#tickets tbody tr")).stream()
                        .map(r -> r.getDomAttribute("data-ticket"))
                        .toList()
                        .containsAll(List.of(first, second)));
    assertThat(
            browser.findElements(By.cssSelector("#tickets tbody tr")).stream()
                .map(r -> r.getDomAttribute("data-ticket"))
                .toList())
        .doesNotContain(elsewhere);
    browser.findElement(By.cssSelector("#tickets tbody tr[data-ticket='" + first + "'] a")).click();
    page().until(() -> browser.getCurrentUrl().endsWith("/agent/tickets/" + first));
    page().until(() -> browser.findElement(By.cssSelector("#facts tbody")).getText().contains(tag));
    browser.findElement(By.id("assignee")).sendKeys(agent);
    submit(browser, "assign-form");
    page()
        .until(() -> browser.findElement(By.cssSelector("#facts tbody")).getText().contains(agent));
    assertThat(details(first).get("ticket").get("assignee").asText()).isEqualTo(agent);
    List<String> assignedBy = new ArrayList<>();
    details(first)
        .get("history")
        .forEach(
            e -> {
              if (e.get("kind").asText().equals("ASSIGNED")) {
                assignedBy.add(e.get("actor").asText() + ":" + e.get("body").asText());
              }
            });
    assertThat(assignedBy).contains(SUPERVISOR + ":" + agent);
    // The agent now finds it among their own.
    assertThat(ids(as(agent, "GET", "/api/v1/tickets/search?mine=true&tag=" + tag, null)))
        .containsExactly(first);
  }

  @Test
  void ticketListsPageByKeysetSoTicketsOpenedOrSolvedMeanwhileShiftNothing() throws Exception {
    String tag = "ks" + UUID.randomUUID().toString().substring(0, 8);
    List<String> opened = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      opened.add(open("Keyset " + i + " " + tag, "QUESTION", tag, "tk-keyset", null));
    }
    String filter = "status=NEW&status=OPEN&tag=" + tag;
    List<String> all = ids(admin("GET", "/api/v1/tickets/search?limit=200&" + filter, null, "en"));
    assertThat(all).containsExactlyInAnyOrderElementsOf(opened);

    HttpResponse<String> first =
        admin("GET", "/api/v1/tickets/search?limit=20&" + filter, null, "en");
    assertThat(first.headers().firstValue("X-Total-Count")).hasValue("51");
    List<String> page1 = ids(first);
    assertThat(page1).isEqualTo(all.subList(0, 20));
    String cursor = first.headers().firstValue("X-Next-Cursor").orElseThrow();

    // Meanwhile an urgent ticket opens (it sorts first) and a shown one is solved: with offsets
    // the next page would repeat one ticket or skip one; by keyset it starts after the last shown.
    String urgent = open("Keyset urgent " + tag, "QUESTION", tag, "tk-keyset", "URGENT");
    assertThat(
            admin(
                    "POST",
                    "/api/v1/tickets/" + page1.get(3) + "/status",
                    "{\"status\": \"SOLVED\"}",
                    "en")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> second =
        admin("GET", "/api/v1/tickets/search?limit=20&cursor=" + cursor + "&" + filter, null, "en");
    assertThat(second.headers().firstValue("X-Total-Count")).isEmpty();
    assertThat(ids(second)).isEqualTo(all.subList(20, 40));
    HttpResponse<String> third =
        admin(
            "GET",
            "/api/v1/tickets/search?limit=20&cursor="
                + second.headers().firstValue("X-Next-Cursor").orElseThrow()
                + "&"
                + filter,
            null,
            "en");
    assertThat(ids(third)).isEqualTo(all.subList(40, 51)).doesNotContain(urgent);
    assertThat(third.headers().firstValue("X-Next-Cursor")).isEmpty();

    // A cursor this list did not give is a 400 in the user's language.
    HttpResponse<String> forged =
        admin("GET", "/api/v1/tickets/search?cursor=bm90LW91cnM&" + filter, null, "zh-CN");
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
    assertThat(json.readTree(forged.body()).get("detail").asText()).contains("第一页");
    assertThat(
            json.readTree(
                    admin("GET", "/api/v1/tickets/search?cursor=bm90LW91cnM", null, "en").body())
                .get("detail")
                .asText())
        .contains("first page");

    // The page shows 50 and "show more" continues after them.
    String agent = user("AGENT");
    WebDriver browser = chromium.driver();
    signIn(browser, agent, PASSWORD);
    browser.get(url("/agent/tickets"));
    page().until(() -> browser.findElement(By.id("total")).getText().length() > 0);
    browser.findElement(By.id("f-mine")).click();
    new Select(browser.findElement(By.id("f-status"))).deselectAll();
    browser.findElement(By.id("f-tag")).sendKeys(tag);
    submit(browser, "filter-form");
    By rows = By.cssSelector("#tickets tbody tr");
    page()
        .until(
            () ->
                browser.findElements(rows).size() == 50
                    && browser.findElement(By.id("more")).isDisplayed());
    browser.findElement(By.id("more")).click();
    page().until(() -> browser.findElements(rows).size() == 52);
    List<String> shown =
        browser.findElements(rows).stream().map(r -> r.getDomAttribute("data-ticket")).toList();
    assertThat(new HashSet<>(shown)).hasSize(52).contains(urgent);
    assertThat(browser.findElement(By.id("more")).isDisplayed()).isFalse();
  }

  @Test
  void customerMessagesFromAGatewayAreTakenOnlyWhenSignedFreshAndOnce() throws Exception {
    String id = open("Parcel still missing", "DELIVERY", "gw", null, null);
    assertThat(
            admin(
                    "POST",
                    "/api/v1/tickets/" + id + "/status",
                    "{\"status\": \"PENDING_CUSTOMER\"}",
                    "en")
                .statusCode())
        .isEqualTo(200);
    String text = "It has still not come <script>alert(1)</script> 还没到";
    String body =
        json.writeValueAsString(
            Map.of("messageId", "sms-" + UUID.randomUUID(), "ticketId", id, "text", text));
    long now = java.time.Instant.now().getEpochSecond();

    // Forged, stale, unsigned or from an unknown gateway: one 401, in the user's language;
    // nothing reaches the ticket.
    List<HttpResponse<String>> refused =
        List.of(
            gateway("test-sms", now, hmac("not-the-secret", now, body), body, "zh-CN"),
            gateway("test-sms", now - 3600, hmac(GATEWAY_SECRET, now - 3600, body), body, "en"),
            gateway("test-sms", now, null, body, "en"),
            gateway("other-sms", now, hmac(GATEWAY_SECRET, now, body), body, "en"),
            gateway(
                "test-sms", now, hmac(GATEWAY_SECRET, now, body), body.replace("还没到", "到了"), "en"));
    for (HttpResponse<String> response : refused) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
      assertThat(json.readTree(response.body()).get("type").asText())
          .isEqualTo("urn:cc:problem:ticket-inbound-rejected");
    }
    assertThat(json.readTree(refused.get(0).body()).get("detail").asText()).contains("签名");
    assertThat(json.readTree(refused.get(1).body()).get("detail").asText())
        .contains("nothing was stored");
    assertThat(historyKinds(id)).doesNotContain("CUSTOMER_MESSAGE");
    assertThat(details(id).get("ticket").get("status").asText()).isEqualTo("PENDING_CUSTOMER");

    // Signed and fresh: the message is on the ticket as typed and the ticket is worked again; the
    // gateway's retry adds nothing.
    HttpResponse<String> taken =
        gateway("test-sms", now, hmac(GATEWAY_SECRET, now, body), body, "en");
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
    assertThat(json.readTree(taken.body()).get("status").asText()).isEqualTo("OPEN");
    HttpResponse<String> retried =
        gateway("test-sms", now, hmac(GATEWAY_SECRET, now, body), body, "en");
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    List<String> messages = new ArrayList<>();
    details(id)
        .get("history")
        .forEach(
            e -> {
              if (e.get("kind").asText().equals("CUSTOMER_MESSAGE")) {
                messages.add(e.get("actor").asText() + ": " + e.get("body").asText());
              }
            });
    assertThat(messages).containsExactly("test-sms: " + text);

    // A signed body that is not a message names what is missing.
    String noId = json.writeValueAsString(Map.of("ticketId", id, "text", "hello"));
    HttpResponse<String> bad =
        gateway("test-sms", now, hmac(GATEWAY_SECRET, now, noId), noId, "en");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("detail").asText()).contains("messageId");
  }

  // --- helpers

  private static final String GATEWAY_SECRET = "test-sms-gateway-secret-only";

  private HttpResponse<String> gateway(
      String gateway, long timestamp, String signature, String body, String language)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url("/api/v1/tickets/inbound/" + gateway)))
            .header("Content-Type", "application/json")
            .header("Accept-Language", language)
            .header("X-CC-Timestamp", String.valueOf(timestamp))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (signature != null) {
      request.header("X-CC-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The gateway's signature, computed here independently of the server's code. */
  private static String hmac(String secret, long timestamp, String body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256="
        + java.util.HexFormat.of()
            .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
  }

  private void fillRow(
      WebDriver browser,
      int row,
      String key,
      String labelEn,
      String labelZh,
      String type,
      boolean required) {
    cell(browser, row, "key").sendKeys(key);
    cell(browser, row, "labelEn").sendKeys(labelEn);
    cell(browser, row, "labelZh").sendKeys(labelZh);
    new Select(cell(browser, row, "type")).selectByValue(type);
    if (required) {
      cell(browser, row, "required").click();
    }
  }

  private static WebElement cell(WebDriver browser, int row, String name) {
    return browser
        .findElements(By.cssSelector("#tf-fields tbody tr"))
        .get(row)
        .findElement(By.cssSelector("[name='" + name + "']"));
  }

  private String openBody(
      String subject, String customer, String category, Map<String, String> fields)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", subject);
    body.put("customerRef", customer);
    body.put("category", category);
    body.put("fields", fields);
    return json.writeValueAsString(body);
  }

  private String open(String subject, String category, String tag, String group, String priority)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", subject);
    body.put("customerRef", "c-" + UUID.randomUUID());
    body.put("category", category);
    body.put("tags", List.of(tag));
    body.put("group", group);
    if (priority != null) {
      body.put("priority", priority);
    }
    HttpResponse<String> created =
        admin("POST", "/api/v1/tickets", json.writeValueAsString(body), "en");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("ticket").get("ticketId").asText();
  }

  private JsonNode details(String id) throws Exception {
    HttpResponse<String> response = admin("GET", "/api/v1/tickets/" + id, null, "en");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private List<String> historyKinds(String id) throws Exception {
    List<String> kinds = new ArrayList<>();
    details(id).get("history").forEach(e -> kinds.add(e.get("kind").asText()));
    return kinds;
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

  private List<String> ids(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(response.body()).forEach(t -> ids.add(t.get("ticketId").asText()));
    return ids;
  }

  private String user(String role) throws Exception {
    return user(
        "td-" + role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8), role);
  }

  /** Creates the account; one that exists already (the configured supervisor) is kept. */
  private String user(String name, String role) throws Exception {
    HttpResponse<String> created =
        admin(
            "POST",
            "/api/v1/users",
            json.writeValueAsString(
                Map.of("username", name, "password", PASSWORD, "roles", List.of(role))),
            "en");
    assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
    return name;
  }

  private HttpResponse<String> admin(String method, String path, String body, String language)
      throws Exception {
    return api.admin(method, path, body, language);
  }

  private HttpResponse<String> as(String user, String method, String path, String body)
      throws Exception {
    return api.as(user, method, path, body);
  }

  private void signIn(WebDriver browser, String user, String password) {
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
    page().until(() -> browser.getCurrentUrl().equals(url("/")));
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

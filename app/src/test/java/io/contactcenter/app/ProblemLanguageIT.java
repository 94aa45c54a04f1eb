package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Problems the app words itself reach an API client in its language (a user who chose none: the
 * request's Accept-Language): sign-in refusals, bad query parameters naming the parameter and the
 * values allowed, an unknown robot call. The type stays the same in every language.
 */
@ContactCenterIT
class ProblemLanguageIT {

  private static final String PASSWORD = "problem-language-password";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_TYPE = "application/json";

  @LocalServerPort int port;

  @Test
  void problemsComeInTheCallersLanguage() throws Exception {
    JsonNode unauthorized = problem(get("/api/v1/calls", null, "zh-CN"), 401);
    assertThat(unauthorized.get("title").asText()).isEqualTo("需要登录");
    assertThat(unauthorized.get("detail").asText()).startsWith("请登录");
    assertThat(problem(get("/api/v1/calls", null, "en"), 401).get("detail").asText())
        .startsWith("Sign in");

    String ops = user("OPS");
    JsonNode badStatus = problem(get("/api/v1/robot/calls?status=NOPE", ops, "zh-CN"), 400);
    assertThat(badStatus.get("type").asText()).isEqualTo("urn:cc:problem:invalid-request");
    assertThat(badStatus.get("detail").asText())
        .isEqualTo("参数“status”应为以下之一：QUEUED, DIALING, IN_DIALOGUE, FINISHED。");
    assertThat(problem(get("/api/v1/campaigns?page=abc", ops, "zh-CN"), 400).get("detail").asText())
        .isEqualTo("参数“page”的值格式不正确。");
    assertThat(problem(get("/api/v1/campaigns?page=abc", ops, "en"), 400).get("detail").asText())
        .isEqualTo("The parameter 'page' has a value of the wrong form.");
    JsonNode noCall = problem(get("/api/v1/robot/calls/robot-nope", ops, "zh-CN"), 404);
    assertThat(noCall.get("type").asText()).isEqualTo("urn:cc:problem:robot-call-not-found");
    assertThat(noCall.get("detail").asText()).isEqualTo("没有这通机器人呼叫。");
  }

  /**
   * Problems the modules word (a call window, a contact file, a ticket's status, a queue) name the
   * wrong value in the caller's language: by Accept-Language, and by the language a user chose,
   * which wins over the request's.
   */
  @Test
  void theModulesProblemsNameTheWrongValueInTheCallersLanguage() throws Exception {
    String ops = user("OPS");
    String wrongDay =
        """
        {"name": "window %s", "type": "balance", "callWindow": "MON-FRY 09:00-21:00"}
        """
            .formatted(UUID.randomUUID());
    JsonNode zhWindow =
        problem(send("POST", "/api/v1/campaigns", ops, "zh-CN", JSON_TYPE, wrongDay), 400);
    assertThat(zhWindow.get("type").asText()).isEqualTo("urn:cc:problem:invalid-request");
    assertThat(zhWindow.get("detail").asText())
        .isEqualTo("“MON-FRY 09:00-21:00”：未知的星期“FRY”，请使用 MON、TUE、WED、THU、FRI、SAT 或 SUN。");
    JsonNode enWindow =
        problem(send("POST", "/api/v1/campaigns", ops, "en", JSON_TYPE, wrongDay), 400);
    assertThat(enWindow.get("type").asText()).isEqualTo("urn:cc:problem:invalid-request");
    assertThat(enWindow.get("detail").asText())
        .isEqualTo(
            "'MON-FRY 09:00-21:00': unknown day 'FRY'; use MON, TUE, WED, THU, FRI, SAT or SUN.");
    String overlap =
        """
        {"name": "window %s", "type": "balance", "callWindow": "MON 09:00-12:00,11:00-14:00"}
        """
            .formatted(UUID.randomUUID());
    assertThat(
            problem(send("POST", "/api/v1/campaigns", ops, "zh-CN", JSON_TYPE, overlap), 400)
                .get("detail")
                .asText())
        .isEqualTo("呼叫时段“MON 09:00-12:00,11:00-14:00”：MON：时间段 09:00-12:00 与 11:00-14:00 重叠。");

    // The user's own choice (zh-CN) wins over the request's Accept-Language (en).
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/campaigns",
            ops,
            "en",
            JSON_TYPE,
            "{\"name\": \"problem language %s\", \"type\": \"balance\", \"variables\":"
                    .formatted(UUID.randomUUID())
                + " {\"merchant\": \"Acme\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String campaign = JSON.readTree(created.body()).get("campaignId").asText();
    JsonNode enFile =
        problem(
            upload("/api/v1/campaigns/" + campaign + "/contacts", ops, "en", "name,amount\n"), 422);
    assertThat(enFile.get("type").asText()).isEqualTo("urn:cc:problem:contact-file-rejected");
    assertThat(enFile.get("detail").asText())
        .startsWith("There is no phone column: expected one of phone, mobile")
        .endsWith("found name, amount.");
    HttpResponse<String> chosen = send("POST", "/language?lang=zh-CN", ops, "en", null, "");
    assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(302);
    JsonNode zhFile =
        problem(upload("/api/v1/campaigns/" + campaign + "/contacts", ops, "en", ""), 422);
    assertThat(zhFile.get("type").asText()).isEqualTo("urn:cc:problem:contact-file-rejected");
    assertThat(zhFile.get("detail").asText()).isEqualTo("文件是空的。");
    assertThat(
            problem(
                    upload(
                        "/api/v1/campaigns/" + campaign + "/contacts", ops, "en", "name,amount\n"),
                    422)
                .get("detail")
                .asText())
        .startsWith("没有电话号码列：应为以下之一：phone, mobile")
        .endsWith("文件中的列为：name, amount。");
    // A rejected row says in the reader's language which row and what is wrong, in the upload's
    // report and in the campaign's import list alike.
    HttpResponse<String> rows =
        upload(
            "/api/v1/campaigns/" + campaign + "/contacts",
            ops,
            "en",
            "phone,amount\n110,1\n13800138000,\n");
    assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
    assertThat(JSON.readTree(rows.body()).at("/errors/0/reason").asText())
        .isEqualTo("第 2 行：phone 列的号码“110”是紧急号码");
    // The script's check of the row's values too.
    assertThat(JSON.readTree(rows.body()).at("/errors/1/reason").asText())
        .startsWith("第 3 行：话术 ")
        .contains("缺少这些变量的值")
        .contains("amount_due");
    JsonNode listed =
        JSON.readTree(get("/api/v1/campaigns/" + campaign + "/imports", ops, "en").body());
    assertThat(listed.at("/0/errors/0/reason").asText()).isEqualTo("第 2 行：phone 列的号码“110”是紧急号码");
    assertThat(listed.at("/1/error").asText()).startsWith("没有电话号码列");

    String supervisor = user("SUPERVISOR");
    HttpResponse<String> opened =
        send(
            "POST",
            "/api/v1/tickets",
            supervisor,
            "en",
            JSON_TYPE,
            "{\"subject\": \"problem language\", \"customerRef\": \"c-%s\"}"
                .formatted(UUID.randomUUID()));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String ticket = JSON.readTree(opened.body()).get("ticket").get("ticketId").asText();
    String close = "{\"status\": \"CLOSED\"}";
    JsonNode zhTicket =
        problem(
            send(
                "POST",
                "/api/v1/tickets/" + ticket + "/status",
                supervisor,
                "zh-CN",
                JSON_TYPE,
                close),
            409);
    assertThat(zhTicket.get("type").asText()).isEqualTo("urn:cc:problem:ticket-state");
    assertThat(zhTicket.get("detail").asText()).isEqualTo("“新建”的工单不能改为“已关闭”。");
    assertThat(
            problem(
                    send(
                        "POST",
                        "/api/v1/tickets/" + ticket + "/status",
                        supervisor,
                        "en",
                        JSON_TYPE,
                        close),
                    409)
                .get("detail")
                .asText())
        .isEqualTo("A ticket that is New cannot become Closed.");

    // A new admin: one who chose no language (an earlier test may have switched "admin's").
    String admin = user("ADMIN");
    String nowhere = "{\"channel\": \"CHAT\", \"reference\": \"x-1\", \"queue\": \"nowhere\"}";
    JsonNode zhQueue =
        problem(send("POST", "/api/v1/routing/contacts", admin, "zh-CN", JSON_TYPE, nowhere), 422);
    assertThat(zhQueue.get("type").asText()).isEqualTo("urn:cc:problem:unknown-queue");
    assertThat(zhQueue.get("detail").asText()).startsWith("没有队列“nowhere”；现有队列为：");
    assertThat(
            problem(send("POST", "/api/v1/routing/contacts", admin, "en", JSON_TYPE, nowhere), 422)
                .get("detail")
                .asText())
        .startsWith("There is no queue 'nowhere'; the queues are: ");
  }

  private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
    return JSON.readTree(response.body());
  }

  private String user(String role) throws Exception {
    String user = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        new CampaignApi(port)
            .post(
                "/api/v1/users",
                """
                {"username": "%s", "password": "%s", "roles": ["%s"]}
                """
                    .formatted(user, PASSWORD, role));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return user;
  }

  private HttpResponse<String> send(
      String method, String path, String user, String language, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json")
            .header("Accept-Language", language)
            .header("Authorization", basic(user))
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Uploads a contact file as the {@code file} part of a multipart form. */
  private HttpResponse<String> upload(String path, String user, String language, String csv)
      throws Exception {
    String boundary = "cc-" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contacts.csv\""
            + "\r\nContent-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    return send("POST", path, user, language, "multipart/form-data; boundary=" + boundary, body);
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path, String user, String language) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json")
            .header("Accept-Language", language);
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.testinfra.ContactCenterIT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every API endpoint requires a role; pages require a login; the first admin can log in. */
@ContactCenterIT
class SecurityIT {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newBuilder().build();

  @Test
  void apiWithoutCredentialsIsUnauthorizedWithoutABrowserPrompt() throws Exception {
    HttpResponse<String> response = get("/api/v1/calls", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void wrongPasswordIsUnauthorized() throws Exception {
    assertThat(get("/api/v1/me", basic("admin", "not-the-password")).statusCode()).isEqualTo(401);
  }

  @Test
  void rolesDecideWhatAUserMayDo() throws Exception {
    String admin = basic("admin", ContactCenterIT.ADMIN_PASSWORD);
    String qaUser = "qa-" + System.nanoTime() % 100000;
    HttpResponse<String> created =
        post(
            "/api/v1/users",
            admin,
            "{\"username\":\""
                + qaUser
                + "\",\"password\":\"qa-password-long\",\"roles\":[\"QA\"]}");
    assertThat(created.statusCode()).isEqualTo(201);
    String qa = basic(qaUser, "qa-password-long");

    assertThat(get("/api/v1/me", qa).body()).contains("\"QA\"");
    assertThat(get("/api/v1/calls", qa).statusCode()).isEqualTo(200);
    // QA may read calls but not place them, nor manage users.
    assertThat(
            post("/api/v1/calls/originate", qa, "{\"destination\":\"+8613800138000\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(get("/api/v1/users", qa).statusCode()).isEqualTo(403);
    // An API path that no rule names is closed even to admins.
    assertThat(get("/api/v1/not-an-endpoint", admin).statusCode()).isEqualTo(403);
    // The same username cannot be created twice.
    assertThat(
            post(
                    "/api/v1/users",
                    admin,
                    "{\"username\":\""
                        + qaUser
                        + "\",\"password\":\"other-password-x\",\"roles\":[\"OPS\"]}")
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void weakPasswordOrMissingRoleIsRejectedWithAReason() throws Exception {
    String admin = basic("admin", ContactCenterIT.ADMIN_PASSWORD);

    HttpResponse<String> weak =
        post(
            "/api/v1/users",
            admin,
            "{\"username\":\"weak\",\"password\":\"short\",\"roles\":[\"AGENT\"]}");
    HttpResponse<String> roleless =
        post(
            "/api/v1/users",
            admin,
            "{\"username\":\"noroles\",\"password\":\"long-enough-pass\",\"roles\":[]}");

    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("at least 12 characters");
    assertThat(roleless.statusCode()).isEqualTo(400);
    assertThat(roleless.body()).contains("at least one role");
  }

  @Test
  void invalidPhoneNumberIsABadRequestNamingTheProblem() throws Exception {
    String admin = basic("admin", ContactCenterIT.ADMIN_PASSWORD);

    HttpResponse<String> response =
        post("/api/v1/calls/originate", admin, "{\"destination\":\"13800138000&Hangup\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("E.164").contains("urn:cc:problem:invalid-request");
  }

  @Test
  void pagesRedirectToTheLoginPageAndTheAdminCanSignIn() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    HttpResponse<String> home =
        browser.send(page("/").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    HttpResponse<String> loginPage =
        browser.send(page("/login").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(loginPage.statusCode()).isEqualTo(200);
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
    assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();

    HttpResponse<String> wrong =
        browser.send(
            form("admin", "wrong-password", csrf.group(1)), HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

    HttpResponse<String> signedIn =
        browser.send(
            form("admin", ContactCenterIT.ADMIN_PASSWORD, csrf.group(1)),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

    HttpResponse<String> page =
        browser.send(page("/").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Signed in as").contains("admin").contains("Administrator");
  }

  @Test
  void healthIsPublicAndListsEachDependency() throws Exception {
    HttpResponse<String> health = get("/actuator/health", null);

    assertThat(health.body()).contains("\"db\"", "\"redis\"", "\"kafka\"", "\"ami\"");
    // Details (hosts, versions) only for admins and supervisors.
    assertThat(health.body()).doesNotContain("clusterId");
    assertThat(get("/actuator/health", basic("admin", ContactCenterIT.ADMIN_PASSWORD)).body())
        .contains("clusterId");
  }

  private HttpRequest form(String user, String password, String csrf) {
    String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
    return page("/login")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpResponse<String> get(String path, String auth)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = request(path).header("Accept", "application/json");
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String auth, String json)
      throws IOException, InterruptedException {
    return http.send(
        request(path)
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  /** As a browser asks for a page (Accept: text/html), so it is redirected to the login form. */
  private HttpRequest.Builder page(String path) {
    return request(path).header("Accept", "text/html,application/xhtml+xml");
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

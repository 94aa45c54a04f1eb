package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.ContactCenterIT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Attacks on accounts and sign-in against the running contact center (real PostgreSQL, Redis and
 * Tomcat), each with the defended outcome: cross-site requests riding on a session, sessions of
 * disabled users, password resets, brute force per account and per address, floods of made-up Basic
 * credentials, API tokens, and the headers every page carries.
 *
 * <p>Runs in a context (and database) of its own, closed afterwards: it proves that {@code admin}
 * is the last enabled admin and cannot be demoted, which is only true where no other test (ShellIT
 * signs in as an admin of its own) has added admins, and it changes accounts other tests would
 * otherwise meet half-changed.
 */
@ContactCenterIT
@TestPropertySource(properties = "cc.test.context=account-security")
@DirtiesContext
class AccountSecurityIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = basic("admin", ContactCenterIT.ADMIN_PASSWORD);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StringRedisTemplate redis;

  private final HttpClient http = HttpClient.newBuilder().build();

  /** The address throttle counts every failure from 127.0.0.1: start and end each test at zero. */
  @BeforeEach
  @AfterEach
  void forgetFailuresOfThisAddress() {
    Set<String> keys = redis.keys("cc:signin:addr:*");
    if (keys != null && !keys.isEmpty()) {
      redis.delete(keys);
    }
  }

  @Test
  void aSessionRequestWithAnAuthorizationHeaderStillNeedsTheCsrfToken() throws Exception {
    Browser admin = signIn("admin", ContactCenterIT.ADMIN_PASSWORD);
    String victim = uniqueName("csrf");
    String body = newUser(victim, "a-strong-passphrase-1", "AGENT");

    // A cross-site form or script cannot read the CSRF token; any Authorization header used to
    // switch the check off although the session cookie was what signed the request in.
    HttpResponse<String> forged =
        admin.send(
            api("/api/v1/users")
                .header("Authorization", "Forged anything")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/users/" + victim, ADMIN).statusCode()).isEqualTo(404);
    // With the page's token the same request is fine.
    assertThat(admin.post("/api/v1/users", body).statusCode()).isEqualTo(201);
  }

  @Test
  void cookiesAreSameSiteLaxAndHttpOnly() throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> loginPage =
        client.send(page("/login").build(), HttpResponse.BodyHandlers.ofString());
    String token = csrfOf(loginPage.body());

    HttpResponse<String> signedIn =
        client.send(
            form("admin", ContactCenterIT.ADMIN_PASSWORD, token),
            HttpResponse.BodyHandlers.ofString());

    List<String> cookies = new ArrayList<>(loginPage.headers().allValues("Set-Cookie"));
    cookies.addAll(signedIn.headers().allValues("Set-Cookie"));
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
    for (String cookie : cookies) {
      if (cookie.startsWith("JSESSIONID=")) {
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
      }
      if (cookie.startsWith("XSRF-TOKEN=")) {
        assertThat(cookie).contains("SameSite=Lax");
      }
    }
  }

  @Test
  void everyPageHasAContentSecurityPolicyAndNoInlineScriptOrStyle() throws Exception {
    Browser admin = signIn("admin", ContactCenterIT.ADMIN_PASSWORD);
    String campaign = createCampaign(admin);
    List<String> pages =
        List.of(
            "/",
            "/campaigns",
            "/campaigns/" + campaign,
            "/robot/calls",
            "/robot/calls/00000000-0000-0000-0000-000000000000",
            "/admin/users",
            "/admin/audit",
            "/account/password");
    for (String path : pages) {
      HttpResponse<String> response = admin.send(page(path).GET());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertPolicy(path, response);
    }
    assertPolicy("/login", http.send(page("/login").build(), HttpResponse.BodyHandlers.ofString()));
  }

  private static void assertPolicy(String path, HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .as(path)
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline"));
    assertThat(response.body()).as(path).doesNotContainPattern("<script(?![^>]*\\bsrc=)");
    assertThat(response.body())
        .as(path)
        .doesNotContainPattern("\\sstyle=\"")
        .doesNotContain("<style");
    assertThat(response.body()).as(path).doesNotContainPattern("\\son[a-z]+=\"");
  }

  @Test
  void disablingAUserEndsItsSessionsAtOnceAndItsTokensStopWorking() throws Exception {
    String name = uniqueName("dis");
    String password = "disable-me-passphrase";
    assertThat(post("/api/v1/users", ADMIN, newUser(name, password, "OPS")).statusCode())
        .isEqualTo(201);
    Browser user = signIn(name, password);
    String token = createToken(basic(name, password));
    assertThat(user.get("/api/v1/me").statusCode()).isEqualTo(200);

    assertThat(post("/api/v1/users/" + name + "/disable", ADMIN, "").statusCode()).isEqualTo(200);

    assertThat(user.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/me", basic(name, password)).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/me", "Bearer " + token).statusCode()).isEqualTo(401);
    assertThat(signInForm(name, password).headers().firstValue("Location").orElseThrow())
        .contains("/login?");

    assertThat(post("/api/v1/users/" + name + "/enable", ADMIN, "").statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/me", basic(name, password)).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/me", "Bearer " + token).statusCode()).isEqualTo(200);
    // The session that was ended stays ended.
    assertThat(user.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(auditOf(name)).contains("USER_CREATED", "USER_DISABLED", "USER_ENABLED");
  }

  @Test
  void anOpenWallboardStreamEndsWhenItsSupervisorIsDisabledOrLosesTheRole() throws Exception {
    String name = uniqueName("sup");
    String password = "watch-the-board-passphrase";
    assertThat(post("/api/v1/users", ADMIN, newUser(name, password, "SUPERVISOR")).statusCode())
        .isEqualTo(201);
    Browser supervisor = signIn(name, password);
    List<String> events = openStream(supervisor, "/api/v1/supervisor/wallboard/stream");

    // Demoted to agent: the stream that was opened as a supervisor does not go on.
    assertThat(
            put("/api/v1/users/" + name + "/roles", ADMIN, "{\"roles\":[\"AGENT\"]}").statusCode())
        .isEqualTo(200);
    awaitAccountChanged(events);
    assertThat(supervisor.get("/api/v1/supervisor/wallboard").statusCode()).isEqualTo(403);

    assertThat(
            put("/api/v1/users/" + name + "/roles", ADMIN, "{\"roles\":[\"SUPERVISOR\"]}")
                .statusCode())
        .isEqualTo(200);
    events = openStream(supervisor, "/api/v1/supervisor/wallboard/stream");

    // Disabled: the stream ends and the page's reconnect is refused.
    assertThat(post("/api/v1/users/" + name + "/disable", ADMIN, "").statusCode()).isEqualTo(200);
    awaitAccountChanged(events);
    assertThat(supervisor.get("/api/v1/supervisor/wallboard/stream").statusCode()).isEqualTo(401);
  }

  @Test
  void anOpenCampaignProgressStreamEndsWhenItsUserIsDisabled() throws Exception {
    HttpResponse<String> created =
        post("/api/v1/campaigns", ADMIN, "{\"name\":\"Watched\",\"type\":\"balance\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String campaign = JSON.readTree(created.body()).get("campaignId").asText();
    String name = uniqueName("ops");
    String password = "watch-the-campaign-passphrase";
    assertThat(post("/api/v1/users", ADMIN, newUser(name, password, "OPS")).statusCode())
        .isEqualTo(201);
    Browser ops = signIn(name, password);
    String stream = "/api/v1/campaigns/" + campaign + "/progress/stream";
    // The campaign page follows this stream (campaign.js, through cc.live).
    List<String> events = openStream(ops, stream);

    assertThat(post("/api/v1/users/" + name + "/disable", ADMIN, "").statusCode()).isEqualTo(200);
    awaitAccountChanged(events);
    assertThat(ops.get(stream).statusCode()).isEqualTo(401);
  }

  @Test
  void anAgentsOpenChatStreamEndsWhenTheAgentIsDisabledOrLosesTheRole() throws Exception {
    String name = uniqueName("chat");
    String password = "answer-the-chats-passphrase";
    assertThat(post("/api/v1/users", ADMIN, newUser(name, password, "AGENT")).statusCode())
        .isEqualTo(201);
    Browser agent = signIn(name, password);
    // The workspace's chat panel follows this stream (agent-chat.js): online-chat's own, which
    // asks the app's account check through its AgentAccess extension point.
    List<String> events = openStream(agent, "/api/v1/chat/agent/events");

    // Made an ops user: the stream opened as an agent does not go on.
    assertThat(put("/api/v1/users/" + name + "/roles", ADMIN, "{\"roles\":[\"OPS\"]}").statusCode())
        .isEqualTo(200);
    awaitAccountChanged(events);

    assertThat(
            put("/api/v1/users/" + name + "/roles", ADMIN, "{\"roles\":[\"AGENT\"]}").statusCode())
        .isEqualTo(200);
    events = openStream(agent, "/api/v1/chat/agent/events");

    // Disabled: the stream ends and the page's reconnect is refused.
    assertThat(post("/api/v1/users/" + name + "/disable", ADMIN, "").statusCode()).isEqualTo(200);
    awaitAccountChanged(events);
    assertThat(agent.get("/api/v1/chat/agent/events").statusCode()).isEqualTo(401);
  }

  /** Opens a server-sent event stream as the page does; its lines arrive in the list. */
  private List<String> openStream(Browser browser, String path) throws Exception {
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpResponse<java.util.stream.Stream<String>> response =
        browser.client.send(
            api(path).setHeader("Accept", "text/event-stream").GET().build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    Thread.ofVirtual()
        .start(
            () -> {
              try (java.util.stream.Stream<String> body = response.body()) {
                body.forEach(lines::add);
              } catch (RuntimeException e) {
                lines.add("failed: " + e);
              }
              lines.add("closed");
            });
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> lines.stream().anyMatch(l -> l.startsWith("data:")));
    return lines;
  }

  private static void awaitAccountChanged(List<String> lines) {
    // The account is checked again every few seconds (LiveUpdates.ACCESS_CHECK, and
    // AgentChatStreams.ACCESS_CHECK for the chat's stream).
    await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("closed"));
    assertThat(lines).contains("event:account-changed");
  }

  @Test
  void changedRolesApplyToTheOpenSessionAndTheLastAdminCannotBeRemoved() throws Exception {
    String name = uniqueName("roles");
    String password = "roles-change-passphrase";
    post("/api/v1/users", ADMIN, newUser(name, password, "QA"));
    Browser user = signIn(name, password);
    assertThat(user.get("/api/v1/do-not-call/+8613800138000").statusCode()).isEqualTo(403);

    HttpResponse<String> changed =
        put("/api/v1/users/" + name + "/roles", ADMIN, "{\"roles\":[\"SUPERVISOR\"]}");

    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(user.get("/api/v1/me").body()).contains("SUPERVISOR").doesNotContain("\"QA\"");
    assertThat(auditOf(name)).contains("USER_ROLES_CHANGED");
    JsonNode entry = JSON.readTree(get("/api/v1/audit?user=" + name + "&limit=1", ADMIN).body());
    assertThat(entry.get(0).get("actor").asText()).isEqualTo("admin");
    assertThat(entry.get(0).get("detail").asText()).isEqualTo("roles [QA] -> [SUPERVISOR]");
    assertThat(entry.get(0).get("at").asText()).isNotBlank();

    // The admin cannot lock everybody out.
    HttpResponse<String> selfDisable = post("/api/v1/users/admin/disable", ADMIN, "");
    assertThat(selfDisable.statusCode()).isEqualTo(409);
    assertThat(selfDisable.body()).contains("your own account");
    HttpResponse<String> demote = put("/api/v1/users/admin/roles", ADMIN, "{\"roles\":[\"OPS\"]}");
    assertThat(demote.statusCode()).isEqualTo(409);
    assertThat(demote.body()).contains("last enabled admin");
    assertThat(get("/api/v1/users/nobody-here", ADMIN).statusCode()).isEqualTo(404);
  }

  @Test
  void aResetPasswordMustBeChangedBeforeAnythingElse() throws Exception {
    String name = uniqueName("reset");
    String password = "before-the-reset-pass";
    post("/api/v1/users", ADMIN, newUser(name, password, "OPS"));
    Browser oldSession = signIn(name, password);

    HttpResponse<String> reset = post("/api/v1/users/" + name + "/password-reset", ADMIN, "");

    assertThat(reset.statusCode()).isEqualTo(200);
    String temporary = JSON.readTree(reset.body()).get("temporaryPassword").asText();
    assertThat(oldSession.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/me", basic(name, password)).statusCode()).isEqualTo(401);
    HttpResponse<String> blocked = get("/api/v1/campaigns", basic(name, temporary));
    assertThat(blocked.statusCode()).isEqualTo(403);
    assertThat(blocked.body()).contains("password-change-required");
    // The form sends the user to the password page, and every other page leads back there.
    assertThat(signInForm(name, temporary).headers().firstValue("Location").orElseThrow())
        .endsWith("/account/password?required");

    String changeTo = "after-the-reset-passphrase";
    HttpResponse<String> weak =
        post("/api/v1/me/password", basic(name, temporary), change(temporary, "aaaaaaaaaaaaaa"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("repeated");
    HttpResponse<String> wrongCurrent =
        post(
            "/api/v1/me/password", basic(name, temporary), change("not-the-current-one", changeTo));
    assertThat(wrongCurrent.statusCode()).isEqualTo(400);
    assertThat(wrongCurrent.body()).contains("current password is wrong");
    assertThat(
            post("/api/v1/me/password", basic(name, temporary), change(temporary, changeTo))
                .statusCode())
        .isEqualTo(204);

    assertThat(get("/api/v1/campaigns", basic(name, changeTo)).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/me", basic(name, temporary)).statusCode()).isEqualTo(401);
    assertThat(auditOf(name)).contains("PASSWORD_RESET", "PASSWORD_CHANGED");
    // No secret in the audit log.
    assertThat(get("/api/v1/audit?user=" + name, ADMIN).body())
        .doesNotContain(temporary)
        .doesNotContain(changeTo);
  }

  @Test
  void aDeletedUserCannotSignInAndTheAuditLogKeepsWhatHappened() throws Exception {
    String name = uniqueName("del");
    String password = "delete-me-passphrase";
    post("/api/v1/users", ADMIN, newUser(name, password, "AGENT"));
    Browser session = signIn(name, password);

    assertThat(delete("/api/v1/users/" + name, ADMIN).statusCode()).isEqualTo(204);

    assertThat(session.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/me", basic(name, password)).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/users/" + name, ADMIN).statusCode()).isEqualTo(404);
    assertThat(auditOf(name)).contains("USER_CREATED", "USER_DELETED");
    // Only admins read the audit log.
    String qa = uniqueName("qa");
    post("/api/v1/users", ADMIN, newUser(qa, "audit-reader-passphrase", "QA", "SUPERVISOR"));
    assertThat(get("/api/v1/audit", basic(qa, "audit-reader-passphrase")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void passwordRulesAreCheckedWithTheReasonAndLongChinesePassphrasesWork() throws Exception {
    HttpResponse<String> common =
        post("/api/v1/users", ADMIN, newUser(uniqueName("weak"), "Password2024!", "AGENT"));
    assertThat(common.statusCode()).isEqualTo(400);
    assertThat(common.body()).contains("commonly used");

    HttpResponse<String> tooLong =
        post("/api/v1/users", ADMIN, newUser(uniqueName("long"), "x1y2z3".repeat(22), "AGENT"));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("at most 128 characters");

    // 120 Chinese characters are 360 bytes: beyond bcrypt's 72, yet every one of them counts.
    String name = uniqueName("zh");
    String passphrase = "春眠不觉晓处处闻啼鸟夜来风雨声花落知多少".repeat(6);
    assertThat(post("/api/v1/users", ADMIN, newUser(name, passphrase, "AGENT")).statusCode())
        .isEqualTo(201);
    assertThat(get("/api/v1/me", basic(name, passphrase)).statusCode()).isEqualTo(200);
    String lastCharacterDiffers = passphrase.substring(0, passphrase.length() - 1) + "多";
    assertThat(get("/api/v1/me", basic(name, lastCharacterDiffers)).statusCode()).isEqualTo(401);
  }

  @Test
  void failedSignInsSlowDownTheAccountForTheFormAndBasicAlike() throws Exception {
    String name = uniqueName("brute");
    String password = "brute-force-target-pass";
    post("/api/v1/users", ADMIN, newUser(name, password, "AGENT"));

    Browser browser = new Browser();
    String csrf = csrfOf(browser.send(page("/login").GET()).body());
    // Three failures are free; the fourth makes the next attempt wait a second, the fifth two...
    for (int i = 0; i < 4; i++) {
      assertThat(get("/api/v1/me", basic(name, "guess-number-" + i)).statusCode()).isEqualTo(401);
    }

    // ...and while it waits even the right password is not checked, by the form or by Basic.
    String location =
        browser
            .send(formRequest(name, password, csrf))
            .headers()
            .firstValue("Location")
            .orElseThrow();
    HttpResponse<String> refused = get("/api/v1/me", basic(name, password));
    assertThat(location).contains("/login?throttled=");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.body())
        .contains("urn:cc:problem:sign-in-throttled")
        .contains("Too many failed sign-ins for this account");
    // The sign-in page says so in the browser's language.
    String throttledPage = location.substring(location.indexOf("/login"));
    HttpResponse<String> loginPage =
        http.send(page(throttledPage).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(loginPage.body()).contains("Too many failed sign-ins");
    HttpResponse<String> chineseLoginPage =
        http.send(
            page(throttledPage).header("Accept-Language", "zh-CN").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(chineseLoginPage.body()).contains("登录失败次数过多");

    // The delay passes; a success clears the account's count.
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> get("/api/v1/me", basic(name, password)).statusCode() == 200);
    assertThat(get("/api/v1/me", basic(name, "one-more-wrong-guess")).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/me", basic(name, password)).statusCode()).isEqualTo(200);
  }

  @Test
  void manyFailuresFromOneAddressThrottleEveryAccountFromThere() throws Exception {
    // Made-up user names, so no single account reaches its limit: the address does.
    for (int i = 0; i < 21; i++) {
      get("/api/v1/me", basic("sprayed-" + i, "spray-password-" + i));
    }

    HttpResponse<String> refused = get("/api/v1/me", ADMIN);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("from this address");
  }

  @Test
  void aFloodOfMadeUpBasicCredentialsLeavesTheHealthCheckFast() throws Exception {
    AtomicInteger answered = new AtomicInteger();
    ExecutorService flood = Executors.newVirtualThreadPerTaskExecutor();
    List<Future<Integer>> attackers = new ArrayList<>();
    try {
      for (int i = 0; i < 80; i++) {
        int n = i;
        Callable<Integer> attacker =
            () -> {
              int status = 0;
              for (int k = 0; k < 5; k++) {
                status =
                    get("/api/v1/me", basic("flood-" + n + "-" + k, "made-up-" + k)).statusCode();
                answered.incrementAndGet();
              }
              return status;
            };
        attackers.add(flood.submit(attacker));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> answered.get() > 20);

      long started = System.nanoTime();
      HttpResponse<String> health = get("/actuator/health", null);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(health.statusCode()).isIn(200, 503);
      // Before the password hash had its own threads this took over 7 s on a 2-core machine.
      assertThat(took).isLessThan(Duration.ofSeconds(2));
      for (Future<Integer> attacker : attackers) {
        assertThat(attacker.get()).isIn(401, 429, 503);
      }
    } finally {
      flood.shutdownNow();
    }
  }

  @Test
  void apiTokensAuthenticateCheaplyAndAreStoredOnlyAsAKeyedHash() throws Exception {
    String name = uniqueName("tok");
    String password = "token-owner-passphrase";
    // Not an admin: another enabled admin would let the last-admin rule pass in another test.
    post("/api/v1/users", ADMIN, newUser(name, password, "OPS"));
    String token = createToken(basic(name, password));
    String bearer = "Bearer " + token;

    assertThat(token).startsWith("ccp_");
    assertThat(get("/api/v1/me", bearer).body()).contains(name);
    // A request that really signed in with its token needs no CSRF token.
    HttpResponse<String> campaign =
        post("/api/v1/campaigns", bearer, "{\"name\":\"By token\",\"type\":\"balance\"}");
    assertThat(campaign.statusCode()).isEqualTo(201);
    // A token cannot mint tokens or change its owner's password.
    assertThat(post("/api/v1/me/tokens", bearer, "{\"name\":\"more\"}").statusCode())
        .isEqualTo(403);
    assertThat(
            post("/api/v1/me/password", bearer, change(password, "changed-by-a-token-x"))
                .statusCode())
        .isEqualTo(403);

    List<String> stored =
        jdbc.sql("SELECT token_hash FROM api_token WHERE username = ?")
            .param(name)
            .query(String.class)
            .list();
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0)).hasSize(64).doesNotContain(token.substring(4));
    JsonNode listed = JSON.readTree(get("/api/v1/me/tokens", basic(name, password)).body());
    assertThat(listed.toString()).doesNotContain(token.substring(4));

    assertThat(get("/api/v1/me", "Bearer ccp_made-up-token").statusCode()).isEqualTo(401);
    String id = listed.get(0).get("id").asText();
    assertThat(delete("/api/v1/me/tokens/" + id, basic(name, password)).statusCode())
        .isEqualTo(204);
    assertThat(get("/api/v1/me", bearer).statusCode()).isEqualTo(401);
    assertThat(auditOf(name)).contains("TOKEN_CREATED", "TOKEN_REVOKED");
  }

  // --- helpers ---

  private String createToken(String auth) throws Exception {
    HttpResponse<String> created =
        post("/api/v1/me/tokens", auth, "{\"name\":\"integration test\",\"expiresInDays\":1}");
    assertThat(created.statusCode()).isEqualTo(201);
    return JSON.readTree(created.body()).get("token").asText();
  }

  private String auditOf(String user) throws Exception {
    HttpResponse<String> response = get("/api/v1/audit?user=" + user, ADMIN);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private String createCampaign(Browser admin) throws Exception {
    HttpResponse<String> created =
        admin.post("/api/v1/campaigns", "{\"name\":\"CSP check\",\"type\":\"balance\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    return JSON.readTree(created.body()).get("campaignId").asText();
  }

  private static String newUser(String name, String password, String... roles) {
    StringBuilder r = new StringBuilder();
    for (String role : roles) {
      r.append(r.isEmpty() ? "" : ",").append('"').append(role).append('"');
    }
    return "{\"username\":\""
        + name
        + "\",\"password\":\""
        + password
        + "\",\"roles\":["
        + r
        + "]}";
  }

  private static String change(String current, String fresh) {
    return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + fresh + "\"}";
  }

  private static String uniqueName(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime() % 10_000_000, 36);
  }

  /** A browser with its cookies, signed in through the form. */
  private final class Browser {
    final CookieManager cookies = new CookieManager();
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    HttpResponse<String> send(HttpRequest.Builder request)
        throws IOException, InterruptedException {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return send(api(path).GET());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
      return send(
          api(path)
              .header("Content-Type", "application/json")
              .header("X-XSRF-TOKEN", xsrf())
              .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    String xsrf() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElseThrow();
    }
  }

  private Browser signIn(String user, String password) throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> loginPage = browser.send(page("/login").GET());
    HttpResponse<String> signedIn =
        browser.send(formRequest(user, password, csrfOf(loginPage.body())));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
    // Rendering a page stores the CSRF token in the XSRF-TOKEN cookie, as the console does.
    browser.send(page("/account/password").GET());
    return browser;
  }

  private HttpResponse<String> signInForm(String user, String password) throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> loginPage = browser.send(page("/login").GET());
    return browser.send(formRequest(user, password, csrfOf(loginPage.body())));
  }

  private static String csrfOf(String loginPage) {
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(csrf.find()).isTrue();
    return csrf.group(1);
  }

  private HttpRequest form(String user, String password, String csrf) {
    return formRequest(user, password, csrf).build();
  }

  private HttpRequest.Builder formRequest(String user, String password, String csrf) {
    String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
    return page("/login")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> get(String path, String auth)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = api(path);
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String auth, String json)
      throws IOException, InterruptedException {
    return http.send(
        api(path)
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> put(String path, String auth, String json)
      throws IOException, InterruptedException {
    return http.send(
        api(path)
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> delete(String path, String auth)
      throws IOException, InterruptedException {
    return http.send(
        api(path).header("Authorization", auth).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder api(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Accept", "application/json");
  }

  private HttpRequest.Builder page(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Accept", "text/html,application/xhtml+xml");
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

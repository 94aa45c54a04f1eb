package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin's read-only settings page on the running server: the settings in force with their
 * defaults (the robot's max call duration, the chat sites' origins), titled in the reader's
 * language, with no secret of the test configuration anywhere in the page; other roles get 403.
 */
@ContactCenterIT
class SettingsPageIT {

  private static final String PASSWORD = "settings-page-password";

  @LocalServerPort int port;

  @Test
  void anAdminReadsTheSettingsInForceWithoutSecrets() throws Exception {
    // A new admin has chosen no language yet: Accept-Language decides.
    String admin = users().create("ADMIN");
    HttpResponse<String> english = page(admin, PASSWORD, "en");
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(english.body())
        .contains("Outbound robot")
        .contains("data-key=\"cc.outboundrobot.max-call-duration\"")
        .contains("data-key=\"cc.chat.sites.test-shop.allowed-origins\"")
        .contains("http://shop.test, http://localhost:*")
        .contains("cc.campaigns.maintenance-interval")
        .contains("data-key=\"cc.security.initial-admin-password\"")
        // The test configuration's secrets: the admin's first password, the shop's signing key.
        .doesNotContain(ContactCenterIT.ADMIN_PASSWORD)
        .doesNotContain("test-shop-identity-key-only");
    assertThat(row(english.body(), "cc.outboundrobot.max-call-duration")).contains(">10m<");

    HttpResponse<String> chinese = page(admin, PASSWORD, "zh-CN");
    assertThat(chinese.body()).contains("外呼机器人").contains("系统设置");

    assertThat(page(users().create("OPS"), PASSWORD, "en").statusCode()).isEqualTo(403);
  }

  /** This test's people: accounts through the admin API, sign-in through the form. */
  private TestUsers users() {
    return new TestUsers(port, PASSWORD);
  }

  private static String row(String html, String key) {
    int at = html.indexOf("data-key=\"" + key + "\"");
    return html.substring(at, html.indexOf("</tr>", at));
  }

  private HttpResponse<String> page(String user, String password, String language)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/settings"))
                .header("Accept", "text/html")
                .header("Accept-Language", language)
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}

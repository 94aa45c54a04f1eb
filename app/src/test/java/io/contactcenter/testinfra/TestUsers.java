package io.contactcenter.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The people of a test: accounts created by the admin through {@code POST /api/v1/users}, each with
 * a fresh name and the test's password, and signed in through the login form as a person would.
 */
public final class TestUsers {

  private final int port;
  private final String password;

  /**
   * @param port the running application's HTTP port
   * @param password the password every account of this test gets
   */
  public TestUsers(int port, String password) {
    this.port = port;
    this.password = password;
  }

  /** A new account with one role, named after it ({@code agent-1a2b3c4d}). */
  public String create(String role) throws IOException, InterruptedException {
    return create(role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8), role);
  }

  /** A new account with this name and one role. */
  public String create(String username, String role) throws IOException, InterruptedException {
    HttpResponse<String> created =
        new CampaignApi(port)
            .post(
                "/api/v1/users",
                """
                {"username": "%s", "password": "%s", "roles": ["%s"]}
                """
                    .formatted(username, password, role));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return username;
  }

  /** Disables the account (as the admin): its sessions end at their next request. */
  public void disable(String username) throws IOException, InterruptedException {
    HttpResponse<String> disabled =
        new CampaignApi(port).post("/api/v1/users/" + username + "/disable", "");
    assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
  }

  /** Signs in through the login form and waits for the home page. */
  public void signIn(WebDriver browser, String username) {
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> browser.getCurrentUrl().equals(url("/")));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}

package io.contactcenter.testinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.IntSupplier;

/**
 * The JSON HTTP API as people use it: signed in with Basic auth as the test admin or as an account
 * of the test (every one with the test's password), in a chosen language.
 */
public final class BasicAuthApi {

  private final HttpClient http = HttpClient.newHttpClient();
  private final IntSupplier port;
  private final String password;

  /**
   * @param port the running application's HTTP port, read on each request (a test's
   *     {@code @LocalServerPort} field is set after the test instance is built)
   * @param password the password of the test's accounts
   */
  public BasicAuthApi(IntSupplier port, String password) {
    this.port = port;
    this.password = password;
  }

  /** A request as the admin; {@code body} is JSON, or null for none. */
  public HttpResponse<String> admin(String method, String path, String body, String language)
      throws IOException, InterruptedException {
    return send("admin:" + ContactCenterIT.ADMIN_PASSWORD, method, path, body, language);
  }

  /** A request in English as one of the test's accounts; {@code body} is JSON, or null for none. */
  public HttpResponse<String> as(String user, String method, String path, String body)
      throws IOException, InterruptedException {
    return send(user + ":" + password, method, path, body, "en");
  }

  /** A request with {@code user:password} credentials; {@code body} is JSON, or null for none. */
  public HttpResponse<String> send(
      String credentials, String method, String path, String body, String language)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .header("Accept-Language", language);
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The absolute URL of a path on the running application. */
  public String url(String path) {
    return "http://127.0.0.1:" + port.getAsInt() + path;
  }
}

package io.contactcenter.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The robot's HTTP API as ops use it, signed in as the test admin. */
public final class RobotApi {

  /** Values for every variable of the balance-reminder script. */
  public static final String BALANCE_VARIABLES =
      "{\"merchant\":\"Acme Shop\",\"customer_name\":\"Li Lei\",\"order_number\":\"A2026113\","
          + "\"amount_due\":\"1299.50 CNY\",\"deadline\":\"2026-11-30\"}";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final int port;
  private final String auth =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  ("admin:" + ContactCenterIT.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

  public RobotApi(int port) {
    this.port = port;
  }

  /** {@code POST /api/v1/robot/calls} with a raw JSON body. */
  public HttpResponse<String> place(String body) throws IOException, InterruptedException {
    return http.send(
        request("/api/v1/robot/calls")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Places a balance-reminder call to the test trunk's phone and returns its attempt id. */
  public String placeBalanceReminder() throws IOException, InterruptedException {
    HttpResponse<String> placed =
        place(
            "{\"phone\":\"+8613800138000\",\"campaignType\":\"balance\",\"variables\":"
                + BALANCE_VARIABLES
                + "}");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
    return json.readTree(placed.body()).get("attemptId").asText();
  }

  public JsonNode attempt(String id) throws IOException, InterruptedException {
    return json.readTree(get("/api/v1/robot/calls/" + id).body());
  }

  /** Waits until the attempt is finished and returns it. */
  public JsonNode awaitFinished(String id, Duration atMost) {
    return await()
        .atMost(atMost)
        .until(() -> attempt(id), a -> "FINISHED".equals(a.get("status").asText()));
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        request(path).header("Accept", "application/json, text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
    return http.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", auth);
  }
}

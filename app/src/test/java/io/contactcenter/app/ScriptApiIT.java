package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.Repository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Ops edit a robot script: a wrong one is refused naming each problem and nothing is stored; a good
 * one becomes the next version, new campaigns pin it, and a campaign keeps the version it was
 * created with when the script changes again.
 */
@ContactCenterIT
class ScriptApiIT {

  @LocalServerPort int port;

  @Test
  void scriptsAreCheckedOnSaveVersionedAndPinnedByCampaigns() throws Exception {
    String original =
        Files.readString(
            Repository.root()
                .resolve("outbound-robot/src/main/resources/scripts/balance-reminder.yaml"));
    CampaignApi api = new CampaignApi(port);
    int before = api.getJson("/api/v1/scripts").get("balance").get("version").asInt();
    try {
      HttpResponse<String> rejected =
          save(original.replace("{goto: callback,", "{goto: call_me_maybe,"));
      assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(422);
      JsonNode problem = api.read(rejected.body());
      assertThat(problem.get("type").asText()).isEqualTo("urn:cc:problem:script-rejected");
      assertThat(problem.get("problems").toString())
          .contains("steps.ask_payment")
          .contains("call_me_maybe");
      assertThat(api.getJson("/api/v1/scripts").get("balance").get("version").asInt())
          .as("nothing stored")
          .isEqualTo(before);

      String edited =
          original.replace(
              "No problem. We'll call you back then. Goodbye.",
              "No problem at all. We'll call you back then. Goodbye.");
      assertThat(edited).isNotEqualTo(original);
      HttpResponse<String> saved = save(edited);
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
      int version = api.read(saved.body()).get("version").asInt();
      assertThat(version).isEqualTo(before + 1);
      assertThat(api.getJson("/api/v1/scripts").get("balance").get("version").asInt())
          .isEqualTo(version);
      assertThat(api.get("/api/v1/scripts/balance-reminder/versions/" + version).body())
          .contains("No problem at all.");

      HttpResponse<String> created =
          api.post(
              "/api/v1/campaigns",
              "{\"name\":\"Pinned\",\"type\":\"balance\",\"variables\":{\"merchant\":\"Acme\"}}");
      String campaignId = api.read(created.body()).get("campaignId").asText();
      assertThat(api.read(created.body()).get("scriptVersion").asInt()).isEqualTo(version);

      HttpResponse<String> next = save(original);
      assertThat(next.statusCode()).isEqualTo(201);
      int nextVersion = api.read(next.body()).get("version").asInt();
      assertThat(api.getJson("/api/v1/campaigns/" + campaignId).get("scriptVersion").asInt())
          .as("the campaign keeps its version")
          .isEqualTo(version);

      // Ops move the draft campaign to the newer version on purpose, and tune its limits.
      HttpResponse<String> changed =
          patch(
              "/api/v1/campaigns/" + campaignId,
              "{\"scriptVersion\": " + nextVersion + ", \"maxConcurrent\": 7}");
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
      assertThat(api.read(changed.body()).get("scriptVersion").asInt()).isEqualTo(nextVersion);
      assertThat(api.read(changed.body()).get("maxConcurrent").asInt()).isEqualTo(7);
      HttpResponse<String> unknown =
          patch("/api/v1/campaigns/" + campaignId, "{\"scriptVersion\": 999}");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).contains("no version 999");
    } finally {
      // Leave the shipped wording current for the other tests in this JVM.
      save(original);
    }
  }

  private HttpResponse<String> patch(String path, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                ("admin:" + ContactCenterIT.ADMIN_PASSWORD)
                                    .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> save(String yaml) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/scripts"))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                ("admin:" + ContactCenterIT.ADMIN_PASSWORD)
                                    .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}

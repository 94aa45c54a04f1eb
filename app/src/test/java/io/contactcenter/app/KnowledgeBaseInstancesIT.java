package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.ContactCenterProcess;
import io.contactcenter.testinfra.FreePorts;
import io.contactcenter.testinfra.Repository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The FAQ bot of a second application process follows what admins change on this one (ADR 0058): an
 * import, an FAQ added and deleted in the editor, and a shop's synonym group saved and removed,
 * each answered from on the other instance within a bounded wait. The other instance compares the
 * stored knowledge base version only every hour ({@code cc.chat.knowledge-base-check=1h}), so only
 * the change announced over Redis explains it; the comparison itself is KnowledgeBaseSyncTest's.
 */
@ContactCenterIT
class KnowledgeBaseInstancesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  ("admin:" + ContactCenterIT.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

  private static ContactCenterProcess other;

  @LocalServerPort int port;
  @Autowired Environment environment;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterAll
  static void stopTheOtherInstance() {
    if (other != null) {
      other.close();
    }
  }

  @Test
  void anImportAnFaqEditAndASynonymEditHereChangeTheOtherInstancesAnswers() throws Exception {
    other =
        new ContactCenterProcess(
                "kb-instances",
                FreePorts.next(),
                ContactCenterProcess.besideTheTestContext(
                    environment,
                    // The bot needs no Asterisk.
                    "--cc.pbx.ami.port=" + FreePorts.next(),
                    "--cc.pbx.fastagi.port=" + FreePorts.next(),
                    "--cc.security.initial-admin-password=" + ContactCenterIT.ADMIN_PASSWORD,
                    "--cc.campaigns.node-id=kb-instances",
                    "--cc.chat.knowledge-base-check=1h"))
            .start();
    other.awaitComponent("readinessState", "UP", Duration.ofMinutes(4));
    int there = other.httpPort();

    // An import here, with an FAQ no earlier test has.
    String rental = "rental-" + UUID.randomUUID().toString().substring(0, 6);
    String telescopes = "do you rent out telescopes for the weekend";
    assertThat(answer(there, telescopes, "en").path("faqId").asText()).isNotEqualTo(rental);
    byte[] csv =
        (Files.readString(
                    Repository.root().resolve("online-chat/src/test/resources/kb/faqs.csv"),
                    StandardCharsets.UTF_8)
                + rental
                + ",Do you rent out telescopes?,Can I hire a telescope for the weekend?,"
                + "Yes: 5 euros a night.,en,rental\n")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> imported =
        new CampaignApi(port).upload("/api/v1/kb/faqs/import", "faqs.csv", csv);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    awaitOn(there, telescopes, "en", a -> rental.equals(a.path("faqId").asText()));

    // An FAQ added in the editor here, then deleted.
    String pets = "pets-" + UUID.randomUUID().toString().substring(0, 6);
    String dogs = "can I bring my dog into your store";
    HttpResponse<String> saved =
        send(
            "PUT",
            "/api/v1/kb/faqs/" + pets + "/en",
            "{\"question\":\"Can I bring my dog to your store?\","
                + "\"examples\":[\"are pets allowed in the shop\"],"
                + "\"answer\":\"Dogs on a leash are welcome.\"}");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    JsonNode petsThere = awaitOn(there, dogs, "en", a -> pets.equals(a.path("faqId").asText()));
    assertThat(petsThere.path("answer").asText()).isEqualTo("Dogs on a leash are welcome.");
    assertThat(send("DELETE", "/api/v1/kb/faqs/" + pets + "/en", null).statusCode()).isEqualTo(204);
    awaitOn(there, dogs, "en", a -> !pets.equals(a.path("faqId").asText()));

    // A shop's synonym group saved here, then removed.
    String giftBox = "心意盒多少钱";
    assertThat(answer(there, giftBox, "zh").path("action").asText()).isEqualTo("handoff");
    try {
      HttpResponse<String> group =
          send(
              "PUT",
              "/api/v1/kb/synonyms/zh",
              "{\"groups\":[{\"canonical\":\"礼品包装\",\"variants\":[\"心意盒\",\"heart box\"]}]}");
      assertThat(group.statusCode()).as(group.body()).isEqualTo(200);
      JsonNode gift =
          awaitOn(there, giftBox, "zh", a -> "gift-wrap".equals(a.path("faqId").asText()));
      assertThat(gift.path("action").asText()).isEqualTo("answer");
      assertThat(answer(there, "要个heart box", "zh").path("faqId").asText()).isEqualTo("gift-wrap");
    } finally {
      assertThat(send("PUT", "/api/v1/kb/synonyms/zh", "{\"groups\":[]}").statusCode())
          .isEqualTo(200);
    }
    awaitOn(there, giftBox, "zh", a -> "handoff".equals(a.path("action").asText()));
  }

  /** Waits (generously: the machine is shared) until the other instance's answer satisfies. */
  private JsonNode awaitOn(int there, String text, String lang, Predicate<JsonNode> wanted) {
    return await("the other instance's answer to \"" + text + "\" (log: " + other.log() + ")")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> answer(there, text, lang), wanted::test);
  }

  private JsonNode answer(int onPort, String text, String lang) throws Exception {
    HttpResponse<String> answer =
        new CampaignApi(onPort)
            .post(
                "/api/v1/bot/answer", JSON.writeValueAsString(Map.of("text", text, "lang", lang)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", ADMIN)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.CustomerVoice;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A campaign as ops run it, against the real Asterisk and SIPp customers: a CSV with bad rows is
 * uploaded, the campaign starts, every line is busy at first and is retried, pausing holds the
 * dialer, after resuming the customers answer and agree, the concurrency limit holds throughout,
 * the do-not-call number is never dialed, and the funnel adds up.
 */
@ContactCenterIT
@WithSharedAsterisk
class CampaignIT {

  static final LocalAsterisk asterisk = TestInfrastructure.asterisk();

  @LocalServerPort int port;
  @Autowired SpeechSynthesizer tts;

  @Test
  void aCampaignCallsEveryGoodContactOnceRetriesBusyLinesAndHonoursLimits() throws Exception {
    CampaignApi api = new CampaignApi(port);
    int maxConcurrent = 4;
    HttpResponse<String> created =
        api.post(
            "/api/v1/campaigns",
            """
            {"name": "November balance reminders", "type": "balance",
             "callWindow": "MON-SUN 00:00-23:59", "maxConcurrent": %d, "maxPerSecond": 5,
             "maxAttempts": 3, "variables": {"merchant": "Acme Shop"}}
            """
                .formatted(maxConcurrent));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = api.read(created.body()).get("campaignId").asText();
    assertThat(api.read(created.body()).get("state").asText()).isEqualTo("DRAFT");

    // Nobody to call yet: a campaign cannot start empty.
    HttpResponse<String> empty = api.post("/api/v1/campaigns/" + id + "/start", "");
    assertThat(empty.statusCode()).as(empty.body()).isEqualTo(422);

    String dncNumber = "+8613800138999";
    assertThat(api.post("/api/v1/do-not-call", "{\"phone\":\"" + dncNumber + "\"}").statusCode())
        .isEqualTo(204);

    HttpResponse<String> uploaded =
        api.upload("/api/v1/campaigns/" + id + "/contacts", "november.csv", csv(dncNumber));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    JsonNode report = api.read(uploaded.body());
    assertThat(report.get("added").asInt()).as(report.toString()).isEqualTo(21);
    assertThat(report.get("rejected").asInt()).as(report.toString()).isEqualTo(3);
    Map<Integer, String> errors = new HashMap<>();
    report.get("errors").forEach(e -> errors.put(e.get("row").asInt(), e.get("reason").asText()));
    assertThat(errors).containsOnlyKeys(23, 24, 25);
    assertThat(errors.get(24)).contains("emergency");
    assertThat(errors.get(25)).contains("amount_due");

    // The same file again adds nobody twice.
    JsonNode again =
        api.read(
            api.upload("/api/v1/campaigns/" + id + "/contacts", "november.csv", csv(dncNumber))
                .body());
    assertThat(again.get("added").asInt()).isZero();
    assertThat(again.get("duplicates").asInt()).isEqualTo(21);

    List<JsonNode> inFlightSamples = new ArrayList<>();
    try (Sipp.Answering busy =
        Sipp.scenario("uas-busy.xml")
            .calls(60)
            .timeout(Duration.ofSeconds(120))
            .answerOn(asterisk.ports().trunk())) {
      assertThat(api.post("/api/v1/campaigns/" + id + "/start", "").statusCode()).isEqualTo(200);
      // Every good contact but the do-not-call one is dialed once and finds the line busy.
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> progress(api, id), p -> p.path("byDialOutcome").path("BUSY").asInt() >= 20);
      assertThat(api.post("/api/v1/campaigns/" + id + "/pause", "").statusCode()).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> progress(api, id), p -> p.get("calling").asInt() == 0);
    }
    int attemptsWhenPaused = progress(api, id).get("attempts").asInt();

    // The customer answers a moment into the question, after the (uninterruptible) disclosure.
    Duration disclosure =
        tts.synthesize(CustomerVoice.balanceReminderDisclosure("Acme Shop"), null).duration();
    Path customer =
        CustomerVoice.says(
            tts, disclosure.plusMillis(4500), "Yes, I will pay it today.", Duration.ofSeconds(3));
    try (Sipp.Answering answering =
        Sipp.scenario("uas-answer.xml")
            .workingDirectory(customer)
            .calls(40)
            .timeout(Duration.ofSeconds(400))
            .answerOn(asterisk.ports().trunk())) {
      // Paused means paused: nothing is dialed while it lasts.
      await()
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(6))
          .until(() -> progress(api, id).get("attempts").asInt() == attemptsWhenPaused);
      assertThat(api.post("/api/v1/campaigns/" + id + "/resume", "").statusCode()).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(360))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                JsonNode p = progress(api, id);
                inFlightSamples.add(p);
                return p;
              },
              p -> "COMPLETED".equals(p.get("state").asText()));
    }

    JsonNode progress = progress(api, id);
    assertThat(progress.get("contacts").asInt()).isEqualTo(21);
    assertThat(progress.get("done").asInt()).as(progress.toString()).isEqualTo(20);
    assertThat(progress.get("cancelled").asInt()).as("the do-not-call contact").isEqualTo(1);
    assertThat(progress.path("byOutcome").path("agreed").asInt())
        .as(progress.toString())
        .isEqualTo(20);
    assertThat(progress.get("answered").asInt()).isEqualTo(20);
    for (JsonNode sample : inFlightSamples) {
      assertThat(sample.get("calling").asInt()).isLessThanOrEqualTo(maxConcurrent);
    }

    JsonNode attempts = api.getJson("/api/v1/campaigns/" + id + "/attempts?limit=1000");
    List<long[]> intervals = new ArrayList<>();
    Map<Long, Integer> attemptsPerContact = new HashMap<>();
    for (JsonNode attempt : attempts) {
      assertThat(attempt.get("phone").asText()).doesNotEndWith("99");
      attemptsPerContact.merge(attempt.get("contactId").asLong(), 1, Integer::sum);
      if ("ANSWERED".equals(attempt.get("dialOutcome").asText())) {
        intervals.add(
            new long[] {
              Instant.parse(attempt.get("createdAt").asText()).toEpochMilli(),
              Instant.parse(attempt.get("finishedAt").asText()).toEpochMilli()
            });
      }
    }
    // Each contact: one busy attempt, then one answered (a second busy one at most, if the
    // retry fell due before the line was swapped).
    assertThat(attemptsPerContact).hasSize(20);
    assertThat(attemptsPerContact.values()).allMatch(n -> n >= 2 && n <= 3);
    assertThat(maxOverlap(intervals)).isLessThanOrEqualTo(maxConcurrent).isGreaterThan(1);

    // Ops export the results: formula-looking cells are neutralized, numbers masked, and each
    // row has its contact's order and amount; a byte-order mark lets Excel read Chinese names.
    HttpResponse<String> export = api.get("/api/v1/campaigns/" + id + "/attempts.csv");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.body())
        .startsWith("\uFEFFattempt_id,contact_id,phone,name,order_number,amount_due,")
        .contains(",'+861")
        .contains(",'=1+1,A2026001,1299.50 CNY,")
        .doesNotContain(",+86")
        .doesNotContain("8613800138001");
    // In full for a role that may see numbers, and recorded in the audit log.
    HttpResponse<String> full = api.get("/api/v1/campaigns/" + id + "/attempts.csv?numbers=full");
    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(full.body()).contains(",'+8613800138001,'=1+1,A2026001,");
    assertThat(api.get("/api/v1/audit?limit=20").body())
        .contains("NUMBERS_EXPORTED")
        .contains("campaign:" + id);
    assertThat(api.get("/api/v1/campaigns/" + id + "/attempts.csv?numbers=all").statusCode())
        .isEqualTo(400);
  }

  private static JsonNode progress(CampaignApi api, String id) throws Exception {
    return api.getJson("/api/v1/campaigns/" + id + "/progress");
  }

  private static int maxOverlap(List<long[]> intervals) {
    int max = 0;
    for (long[] a : intervals) {
      int overlapping = 0;
      for (long[] b : intervals) {
        if (b[0] <= a[0] && a[0] < b[1]) {
          overlapping++;
        }
      }
      max = Math.max(max, overlapping);
    }
    return max;
  }

  /**
   * 21 good rows (the last on the do-not-call list), a malformed number, an emergency number and a
   * row without the amount due. The contacts' time zone puts them at midday, so the window is open
   * whenever the test runs.
   */
  private static byte[] csv(String dncNumber) {
    int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(12 - hour + 12, 24) - 12;
    String zone = ZoneOffset.ofHours(offset).getId().replace("Z", "+00:00");
    StringBuilder csv = new StringBuilder("phone,name,order_number,amount_due,deadline,timezone\n");
    for (int i = 1; i <= 20; i++) {
      // The first customer's name looks like a spreadsheet formula: the export must defuse it.
      String name = i == 1 ? "=1+1" : "\"Li, Lei " + i + "\"";
      csv.append(
          "+86138001380%02d,%s,A2026%03d,1299.50 CNY,2026-12-30,%s\n".formatted(i, name, i, zone));
    }
    csv.append(dncNumber)
        .append(",Do Not Call,A2026999,99 CNY,2026-12-30,")
        .append(zone)
        .append('\n');
    csv.append("12345,Bad Number,A1,1 CNY,2026-12-30,").append(zone).append('\n');
    csv.append("110,Police,A2,1 CNY,2026-12-30,").append(zone).append('\n');
    csv.append("+8613800138050,No Amount,A3,,2026-12-30,").append(zone).append('\n');
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.WithSharedAsterisk;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A running campaign whose callees are all outside their call window says so: nobody is due, and
 * the progress names when and in which zone the next calls come, instead of a bare "waiting".
 */
@ContactCenterIT
@WithSharedAsterisk
class CampaignWaitingIT {

  @LocalServerPort int port;

  @Test
  void aRunningCampaignOutsideTheCalleesWindowTellsWhenItsNextCallsCome() throws Exception {
    // A zone where it is now 03:xx (the window below is 09:00-21:00): the next calls are at the
    // next 09:00 there, about six hours on.
    int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(3 - hour + 12, 24) - 12;
    ZoneOffset zone = ZoneOffset.ofHours(offset);
    String zoneId = zone.getId().replace("Z", "+00:00");
    CampaignApi api = new CampaignApi(port);
    HttpResponse<String> created =
        api.post(
            "/api/v1/campaigns",
            """
            {"name": "Night owls", "type": "balance", "callWindow": "MON-SUN 09:00-21:00",
             "variables": {"merchant": "Acme Shop"}}
            """);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = api.read(created.body()).get("campaignId").asText();
    String csv =
        "phone,name,order_number,amount_due,deadline,timezone\n"
            + "+8613900139301,Owl,N1,10 CNY,2026-12-30,"
            + zoneId
            + "\n";
    HttpResponse<String> uploaded =
        api.upload(
            "/api/v1/campaigns/" + id + "/contacts",
            "night.csv",
            csv.getBytes(StandardCharsets.UTF_8));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

    assertThat(api.post("/api/v1/campaigns/" + id + "/start", "").statusCode()).isEqualTo(200);
    // The dialer looks at the contact at its next pass; a pass waits while Asterisk is away, so
    // the class starts the shared Asterisk (alone in its JVM it never saw a pass) and is patient.
    JsonNode progress =
        await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () -> api.getJson("/api/v1/campaigns/" + id + "/progress"),
                p -> p.path("nextCallAt").isTextual());

    assertThat(progress.get("state").asText()).isEqualTo("RUNNING");
    assertThat(progress.get("pending").asLong()).isEqualTo(1);
    assertThat(progress.get("due").asLong()).isZero();
    assertThat(progress.get("calling").asLong()).isZero();
    assertThat(progress.get("waitingForRetry").asLong()).isZero();
    assertThat(progress.get("nextCallZone").asText()).isEqualTo(zoneId);
    ZonedDateTime next = Instant.parse(progress.get("nextCallAt").asText()).atZone(zone);
    assertThat(next.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(Duration.between(Instant.now(), next.toInstant()))
        .isBetween(Duration.ofHours(5), Duration.ofHours(7));

    assertThat(api.post("/api/v1/campaigns/" + id + "/stop", "").statusCode()).isEqualTo(200);
  }
}

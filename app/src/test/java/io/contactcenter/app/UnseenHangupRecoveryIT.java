package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TestInfrastructure;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A robot call whose dialogue finished (here: the callee was handed to a human queue) and whose
 * hangup no instance saw, because the instance that ran it died (or lost AMI) while the callee was
 * still on the line. The records are what that instance leaves behind; the running maintenance job
 * must find that Asterisk has no such call any more, record its end and settle the contact with the
 * dialogue's own outcome, instead of waiting for a hangup event that will never come.
 */
@ContactCenterIT
class UnseenHangupRecoveryIT {

  @LocalServerPort int port;
  @Autowired HealthEndpoint health;
  @Autowired DataSource dataSource;

  @BeforeAll
  static void startAsterisk() {
    TestInfrastructure.asterisk();
  }

  @BeforeEach
  void amiIsUp() {
    // Recovery settles nothing while it cannot ask Asterisk which calls are up.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> health.healthForPath("ami").getStatus().equals(Status.UP));
  }

  @Test
  void aFinishedCallWhoseHangupNobodySawIsSettledWithItsOutcome() throws Exception {
    CampaignApi api = new CampaignApi(port);
    HttpResponse<String> created =
        api.post(
            "/api/v1/campaigns",
            """
            {"name": "Unseen hangup", "type": "balance", "callWindow": "MON-SUN 00:00-23:59",
             "maxConcurrent": 1, "maxPerSecond": 1, "maxAttempts": 3,
             "variables": {"merchant": "Acme Shop"}}
            """);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String campaignId = api.read(created.body()).get("campaignId").asText();
    HttpResponse<String> uploaded =
        api.upload("/api/v1/campaigns/" + campaignId + "/contacts", "one.csv", oneContact());
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

    // What the dead instance left: the attempt handed to the robot ten minutes ago, answered,
    // the dialogue finished with a transfer, but no end of call.
    JdbcClient db = JdbcClient.create(dataSource);
    String attemptId = "robot-" + UUID.randomUUID();
    long contactId =
        db.sql("SELECT contact_id FROM campaign_contact WHERE campaign_id = ?")
            .param(campaignId)
            .query(Long.class)
            .single();
    db.sql(
            "INSERT INTO campaign_attempt (attempt_id, campaign_id, contact_id, attempt_no, phone,"
                + " state, claimed_by, created_at, answered_at)"
                + " SELECT ?, campaign_id, contact_id, 1, phone, 'DIALING', 'a-dead-node',"
                + " now() - interval '10 minutes', now() - interval '9 minutes'"
                + " FROM campaign_contact WHERE contact_id = ?")
        .params(attemptId, contactId)
        .update();
    db.sql("UPDATE campaign_contact SET state = 'CALLING', attempts = 1 WHERE contact_id = ?")
        .param(contactId)
        .update();
    db.sql(
            "INSERT INTO robot_attempt (attempt_id, phone, script_id, script_version, language,"
                + " variables, requested_by, status, dial_outcome, outcome, created_at,"
                + " answered_at) SELECT ?, phone, 'balance-reminder', 1, 'en', variables, ?,"
                + " 'FINISHED', 'ANSWERED', 'TRANSFERRED', now() - interval '10 minutes',"
                + " now() - interval '9 minutes' FROM campaign_contact WHERE contact_id = ?")
        .params(attemptId, "campaign:" + campaignId, contactId)
        .update();
    db.sql("UPDATE campaign SET state = 'RUNNING' WHERE campaign_id = ?")
        .param(campaignId)
        .update();

    await("the contact settled from the finished attempt")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                db.sql("SELECT state FROM campaign WHERE campaign_id = ?")
                    .param(campaignId)
                    .query(String.class)
                    .single(),
            "COMPLETED"::equals);

    Map<String, Object> robot =
        db.sql("SELECT outcome, failure, ended_at FROM robot_attempt WHERE attempt_id = ?")
            .param(attemptId)
            .query()
            .singleRow();
    assertThat(robot.get("ended_at")).as("end of call recorded").isNotNull();
    assertThat(robot.get("outcome")).as("the dialogue's outcome kept").isEqualTo("TRANSFERRED");
    assertThat(robot.get("failure")).as("not an interrupted dialogue").isNull();
    Map<String, Object> contact =
        db.sql("SELECT state, attempts, last_outcome FROM campaign_contact WHERE contact_id = ?")
            .param(contactId)
            .query()
            .singleRow();
    assertThat(contact)
        .containsEntry("state", "DONE")
        .containsEntry("attempts", 1)
        .containsEntry("last_outcome", "TRANSFERRED");
    assertThat(
            db.sql("SELECT state, outcome FROM campaign_attempt WHERE attempt_id = ?")
                .param(attemptId)
                .query()
                .singleRow())
        .containsEntry("state", "FINISHED")
        .containsEntry("outcome", "TRANSFERRED");
  }

  /** One contact at midday in its own time zone, so the window is open whenever this runs. */
  private static byte[] oneContact() {
    int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(12 - hour + 12, 24) - 12;
    String zone = ZoneOffset.ofHours(offset).getId().replace("Z", "+00:00");
    return ("phone,name,order_number,amount_due,deadline,timezone\n"
            + "+8613900139080,Wei Ping,D2026080,450.00 CNY,2026-12-30,"
            + zone
            + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}

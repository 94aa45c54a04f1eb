package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.ContactCenterProcess;
import io.contactcenter.testinfra.FreePorts;
import io.contactcenter.testinfra.TestInfrastructure;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on the same PostgreSQL, Redis and Kafka; one of them cannot reach Asterisk (its
 * manager port is one where nothing listens). The cut-off instance stands by from the clustered
 * maintenance job, so the crash recovery it cannot do (it must ask Asterisk which calls are up) is
 * done by the instance that reaches Asterisk: a call left behind by a dead instance is settled, and
 * the cut-off instance never took the job meanwhile. Both instances share this test context's
 * database and Quartz cluster, so they really compete for the one maintenance job.
 */
@ContactCenterIT
class AmiStandbyIT {

  private static ContactCenterProcess cutOff;

  @LocalServerPort int port;
  @Autowired HealthEndpoint health;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;

  @BeforeAll
  static void asteriskRunsBeforeThisInstanceConnects() {
    TestInfrastructure.asterisk();
  }

  /**
   * Started once, for the first test, because it must join this test context's own database and
   * Quartz cluster (known only once the context exists): on another database it would never compete
   * for the job, and the test would prove nothing about standing by.
   */
  private void startTheCutOffInstanceBesideThisOne() {
    if (cutOff != null) {
      return;
    }
    cutOff =
        new ContactCenterProcess(
            "ami-standby",
            FreePorts.next(),
            ContactCenterProcess.besideTheTestContext(
                environment,
                // Cut off from Asterisk: nothing listens on this port.
                "--cc.pbx.ami.port=" + FreePorts.next(),
                "--cc.pbx.ami.initial-backoff=200ms",
                "--cc.pbx.ami.max-backoff=1s",
                "--cc.pbx.fastagi.port=" + FreePorts.next(),
                "--cc.security.initial-admin-password=" + ContactCenterIT.ADMIN_PASSWORD,
                "--cc.campaigns.maintenance-interval=1s",
                "--cc.campaigns.node-id=cut-off"));
    cutOff.start();
    cutOff.awaitComponent("ami", "DOWN", Duration.ofMinutes(2));
  }

  @AfterAll
  static void stopTheCutOffInstance() {
    if (cutOff != null) {
      cutOff.close();
    }
  }

  @BeforeEach
  void thisInstanceReachesAsteriskAndTheOtherDoesNot() {
    startTheCutOffInstanceBesideThisOne();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> health.healthForPath("ami").getStatus().equals(Status.UP));
  }

  @Test
  void recoveryIsDoneByTheInstanceThatReachesAsterisk() throws Exception {
    await("the cut-off instance stands by")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> Files.readString(cutOff.log()).contains("stands by from campaign maintenance"));

    CampaignApi api = new CampaignApi(port);
    HttpResponse<String> created =
        api.post(
            "/api/v1/campaigns",
            """
            {"name": "Standby", "type": "balance", "callWindow": "MON-SUN 00:00-23:59",
             "maxConcurrent": 1, "maxPerSecond": 1, "maxAttempts": 3,
             "variables": {"merchant": "Acme Shop"}}
            """);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String campaignId = api.read(created.body()).get("campaignId").asText();
    HttpResponse<String> uploaded =
        api.upload("/api/v1/campaigns/" + campaignId + "/contacts", "one.csv", oneContact());
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

    // What a dead instance left: a call answered ten minutes ago, its dialogue still running
    // when the instance died. Asterisk has no such call: recovery must settle it as interrupted,
    // which needs Asterisk's list of live calls.
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
    // Not due again before the test ends: the settled contact is not dialed while we look.
    db.sql(
            "UPDATE campaign_contact SET state = 'CALLING', attempts = 3,"
                + " next_dial_at = now() + interval '1 day' WHERE contact_id = ?")
        .param(contactId)
        .update();
    db.sql(
            "INSERT INTO robot_attempt (attempt_id, phone, script_id, script_version, language,"
                + " variables, requested_by, status, dial_outcome, created_at, answered_at)"
                + " SELECT ?, phone, 'balance-reminder', 1, 'en', variables, ?, 'IN_DIALOGUE',"
                + " 'ANSWERED', now() - interval '10 minutes', now() - interval '9 minutes'"
                + " FROM campaign_contact WHERE contact_id = ?")
        .params(attemptId, "campaign:" + campaignId, contactId)
        .update();
    db.sql("UPDATE campaign SET state = 'RUNNING' WHERE campaign_id = ?")
        .param(campaignId)
        .update();

    await("the interrupted call settled by the instance that reaches Asterisk")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                db.sql("SELECT state FROM campaign_attempt WHERE attempt_id = ?")
                    .param(attemptId)
                    .query(String.class)
                    .single(),
            "FINISHED"::equals);
    assertThat(
            db.sql("SELECT outcome, failure FROM robot_attempt WHERE attempt_id = ?")
                .param(attemptId)
                .query()
                .singleRow())
        .containsEntry("outcome", "FAILED")
        .hasEntrySatisfying(
            "failure", failure -> assertThat(failure.toString()).startsWith("interrupted"));

    // Since it stood by, the cut-off instance never ran the job it could not do (it would have
    // said so), and it stands by still.
    String log = Files.readString(cutOff.log(), StandardCharsets.UTF_8);
    String cutOffLog = log.substring(log.indexOf("stands by from campaign maintenance"));
    assertThat(cutOffLog).doesNotContain("cannot ask Asterisk which calls are up");
    assertThat(cutOffLog).doesNotContain("takes campaign maintenance again");
    assertThat(cutOff.isAlive()).isTrue();
  }

  /** One contact at midday in its own time zone, so the window is open whenever this runs. */
  private static byte[] oneContact() {
    int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(12 - hour + 12, 24) - 12;
    String zone = ZoneOffset.ofHours(offset).getId().replace("Z", "+00:00");
    return ("phone,name,order_number,amount_due,deadline,timezone\n"
            + "+8613900139081,Wei Ping,D2026081,450.00 CNY,2026-12-30,"
            + zone
            + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}

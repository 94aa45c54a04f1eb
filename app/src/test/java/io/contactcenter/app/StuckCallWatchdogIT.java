package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.RobotAttemptEnded;
import io.contactcenter.pbx.CallControl;
import io.contactcenter.pbx.OriginateRequest;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
 * A campaign's robot call that is still up on Asterisk twenty minutes after it was placed, with no
 * robot on it (the instance that ran its dialogue restarted mid-call and the line stayed open):
 * longer than {@code cc.outboundrobot.max-call-duration} (10 min). The watchdog hangs the real
 * channel up, and only once Asterisk has no channel for it settles the attempt as failed with the
 * reason; its end is announced once and the campaign's rules decide: here a second attempt is
 * allowed, so the contact waits for its retry instead of being called again at once. A robot call
 * under way for two minutes, also without a robot on it, is left alone.
 */
@ContactCenterIT
class StuckCallWatchdogIT {

  static LocalAsterisk asterisk;

  @LocalServerPort int port;
  @Autowired HealthEndpoint health;
  @Autowired DataSource dataSource;
  @Autowired CallControl calls;
  @Autowired CapturedEvents events;

  @BeforeAll
  static void startAsterisk() {
    asterisk = TestInfrastructure.asterisk();
    // Where the test's calls wait once answered: no robot, no app, just an open line.
    asterisk.cli("dialplan add extension s,1,Wait(300) into cc-test-hold replace");
  }

  @BeforeEach
  void amiIsUp() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> health.healthForPath("ami").getStatus().equals(Status.UP));
  }

  @Test
  void aStuckCallIsHungUpThenSettledOnceAndRetriedByTheCampaignsRules() throws Exception {
    CampaignApi api = new CampaignApi(port);
    HttpResponse<String> created =
        api.post(
            "/api/v1/campaigns",
            """
            {"name": "Stuck call", "type": "balance", "callWindow": "MON-SUN 00:00-23:59",
             "maxConcurrent": 1, "maxPerSecond": 1, "maxAttempts": 2,
             "variables": {"merchant": "Acme Shop"}}
            """);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String campaignId = api.read(created.body()).get("campaignId").asText();
    HttpResponse<String> uploaded =
        api.upload("/api/v1/campaigns/" + campaignId + "/contacts", "one.csv", oneContact());
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    JdbcClient db = JdbcClient.create(dataSource);
    long contactId =
        db.sql("SELECT contact_id FROM campaign_contact WHERE campaign_id = ?")
            .param(campaignId)
            .query(Long.class)
            .single();

    String stuck = "robot-" + UUID.randomUUID();
    String young = "robot-" + UUID.randomUUID();
    try (Sipp.Answering phones =
        Sipp.scenario("uas-answer.xml")
            .calls(2)
            .timeout(Duration.ofSeconds(180))
            .answerOn(asterisk.ports().trunk())) {
      // Two real calls, answered and held open on Asterisk.
      for (String attemptId : new String[] {stuck, young}) {
        calls.originate(
            new OriginateRequest(
                attemptId,
                PhoneNumber.parse("+8613900139081"),
                "trunk-test",
                null,
                Duration.ofSeconds(20),
                "cc-test-hold",
                "s",
                Map.of()));
      }
      await("both calls up")
          .atMost(Duration.ofSeconds(20))
          .until(() -> calls.activeAttemptIds().containsAll(java.util.List.of(stuck, young)));

      // What the restarted instance left: the campaign's attempt placed twenty minutes ago and
      // answered, its dialogue never finished; and a call-now attempt two minutes old.
      Instant now = Instant.now();
      db.sql(
              "INSERT INTO campaign_attempt (attempt_id, campaign_id, contact_id, attempt_no, phone,"
                  + " state, claimed_by, created_at, answered_at)"
                  + " SELECT ?, campaign_id, contact_id, 1, phone, 'DIALING', 'a-restarted-node',"
                  + " ?, ? FROM campaign_contact WHERE contact_id = ?")
          .params(stuck, ago(now, 20), ago(now, 19), contactId)
          .update();
      db.sql("UPDATE campaign_contact SET state = 'CALLING', attempts = 1 WHERE contact_id = ?")
          .param(contactId)
          .update();
      robotAttempt(db, stuck, "campaign:" + campaignId, ago(now, 20));
      robotAttempt(db, young, "ops-tries-a-script", ago(now, 2));
      db.sql("UPDATE campaign SET state = 'RUNNING' WHERE campaign_id = ?")
          .param(campaignId)
          .update();

      await("the stuck call settled")
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  db.sql("SELECT state FROM campaign_contact WHERE contact_id = ?")
                      .param(contactId)
                      .query(String.class)
                      .single(),
              "PENDING"::equals);
      Instant settledAt = Instant.now();

      assertThat(calls.activeAttemptIds()).doesNotContain(stuck).contains(young);
      Map<String, Object> robot =
          db.sql(
                  "SELECT status, dial_outcome, outcome, failure, ended_at FROM robot_attempt"
                      + " WHERE attempt_id = ?")
              .param(stuck)
              .query()
              .singleRow();
      assertThat(robot)
          .containsEntry("status", "FINISHED")
          .containsEntry("dial_outcome", "ANSWERED")
          .containsEntry("outcome", "FAILED");
      assertThat((String) robot.get("failure")).contains("stuck").contains("watchdog");
      assertThat(robot.get("ended_at")).as("end of call recorded").isNotNull();
      assertThat(
              db.sql("SELECT state, outcome FROM campaign_attempt WHERE attempt_id = ?")
                  .param(stuck)
                  .query()
                  .singleRow())
          .containsEntry("state", "FINISHED")
          .containsEntry("outcome", "FAILED");
      // The second attempt waits for the retry spacing of a failed call (30 min): nobody is
      // called again now.
      Map<String, Object> contact =
          db.sql(
                  "SELECT attempts, last_outcome, next_dial_at FROM campaign_contact"
                      + " WHERE contact_id = ?")
              .param(contactId)
              .query()
              .singleRow();
      assertThat(contact).containsEntry("attempts", 1).containsEntry("last_outcome", "FAILED");
      assertThat(((Timestamp) contact.get("next_dial_at")).toInstant())
          .isAfter(settledAt.plus(Duration.ofMinutes(25)));
      assertThat(
              db.sql("SELECT count(*) FROM campaign_attempt WHERE contact_id = ?")
                  .param(contactId)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      assertThat(events.ofType(RobotAttemptEnded.class))
          .filteredOn(e -> e.attemptId().value().equals(stuck))
          .hasSize(1);

      // The young call was never touched; a few more maintenance passes do not change that.
      await()
          .pollDelay(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> calls.activeAttemptIds().contains(young));
      assertThat(
              db.sql("SELECT status, failure FROM robot_attempt WHERE attempt_id = ?")
                  .param(young)
                  .query()
                  .singleRow())
          .containsEntry("status", "IN_DIALOGUE")
          .containsEntry("failure", null);
      assertThat(calls.hangup(young)).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> !calls.activeAttemptIds().contains(young));
      assertThat(calls.hangup(young)).as("nothing left to hang up").isFalse();
    }
  }

  private static Timestamp ago(Instant now, int minutes) {
    return Timestamp.from(now.minus(Duration.ofMinutes(minutes)));
  }

  private static void robotAttempt(
      JdbcClient db, String attemptId, String requestedBy, Timestamp createdAt) {
    db.sql(
            "INSERT INTO robot_attempt (attempt_id, phone, script_id, script_version, language,"
                + " variables, requested_by, status, dial_outcome, created_at, answered_at)"
                + " VALUES (?, '+8613900139081', 'balance-reminder', 1, 'en', '{}'::jsonb, ?,"
                + " 'IN_DIALOGUE', 'ANSWERED', ?, ?)")
        .params(attemptId, requestedBy, createdAt, createdAt)
        .update();
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

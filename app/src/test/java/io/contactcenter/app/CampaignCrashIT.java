package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.ContactCenterProcess;
import io.contactcenter.testinfra.CustomerVoice;
import io.contactcenter.testinfra.FreePorts;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Crash safety of campaign dialing (issue 5, ADR 0004), with a real {@code kill -9}: the contact
 * center runs as a process of its own against an Asterisk of its own; it is killed with SIGKILL
 * while three campaign calls are in dialogue and other contacts still wait, and started again with
 * the same arguments. Then, read straight from PostgreSQL and from what the SIPp customers really
 * received: every contact is done, each contact's attempts are numbered 1..n, the calls the kill
 * cut off were settled as interrupted (not left dialing) and retried as new attempts, and no number
 * rang more often than attempts were recorded for it.
 *
 * <p>The server gets a database of its own on the shared PostgreSQL server: the test JVM may hold
 * the shared Spring context of the other integration tests, whose dialer and clustered maintenance
 * job would otherwise claim this campaign's contacts and check its calls against the wrong
 * Asterisk.
 */
class CampaignCrashIT {

  private static final Logger log = LoggerFactory.getLogger(CampaignCrashIT.class);

  private static final int CONTACTS = 9;
  private static final int MAX_CONCURRENT = 3;
  private static final String MERCHANT = "Acme Shop";

  @Test
  void aServerKilledMidCampaignDialsEachAttemptOnceAndForgetsNobody() throws Exception {
    TestInfrastructure.Services shared = TestInfrastructure.services();
    String jdbcUrl = freshDatabase(shared, "campaign_crash_" + ProcessHandle.current().pid());
    JdbcClient db =
        JdbcClient.create(
            new DriverManagerDataSource(jdbcUrl, shared.dbUser(), shared.dbPassword()));
    try (LocalAsterisk asterisk =
            new LocalAsterisk("crash", LocalAsterisk.Ports.allocate(FreePorts.next()));
        ContactCenterProcess server =
            new ContactCenterProcess(
                "campaign-crash", FreePorts.next(), arguments(shared, jdbcUrl, asterisk))) {
      asterisk.start();
      server.start().awaitReady(Duration.ofSeconds(150));
      CampaignApi api = new CampaignApi(server.httpPort());

      // The customer answers, says nothing for ~13 s (the robot's disclosure and the start of its
      // question), then agrees: calls last ~25 s, long enough to be killed in the middle of.
      Duration disclosure =
          durationOf(synthesize(server, CustomerVoice.balanceReminderDisclosure(MERCHANT)));
      Path voice =
          CustomerVoice.says(
              disclosure.plusSeconds(5),
              pcmOf(synthesize(server, "Yes, I will pay it today.")),
              Duration.ofSeconds(3));
      Path trace = server.workDir().resolve("sipp-messages.log");
      Files.deleteIfExists(trace);
      try (Sipp.Answering customers =
          Sipp.scenario("uas-answer.xml")
              .workingDirectory(voice)
              .calls(4 * CONTACTS)
              .timeout(Duration.ofMinutes(8))
              .traceMessages(trace)
              .answerOn(asterisk.ports().trunk())) {
        String campaignId = startCampaign(api);

        // Kill when some contacts are done, three calls are a few seconds into their dialogue
        // and others have not been called yet.
        Snapshot beforeKill =
            awaitOrDumpThreads(
                server,
                () ->
                    await("three calls in dialogue, some contacts done and some pending")
                        .atMost(Duration.ofSeconds(150))
                        .pollInterval(Duration.ofMillis(200))
                        .until(
                            () -> snapshot(db, campaignId),
                            s ->
                                s.finished() >= MAX_CONCURRENT
                                    && s.talkingForAWhile() == MAX_CONCURRENT
                                    && s.pending() > 0));
        int exit = server.kill();
        assertThat(exit).as("exit status of a process killed by SIGKILL (128 + 9)").isEqualTo(137);
        List<OpenAttempt> cutOff = openAttempts(db, campaignId);
        log.info("killed the server: {}; attempts open: {}", beforeKill, cutOff);
        assertThat(cutOff)
            .as("the calls in progress at the kill")
            .hasSize(MAX_CONCURRENT)
            .allMatch(a -> "IN_DIALOGUE".equals(a.robotStatus()));

        server.start().awaitReady(Duration.ofSeconds(150));
        Snapshot completed =
            awaitOrDumpThreads(
                server,
                () ->
                    await("campaign completed after the restart")
                        .atMost(Duration.ofSeconds(240))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> snapshot(db, campaignId), s -> "COMPLETED".equals(s.state())));
        log.info("completed: {}", completed);
        customers.stop(Duration.ofSeconds(20));

        assertEveryContactDoneWithGaplessAttempts(db, campaignId);
        assertCutOffCallsSettledAsInterruptedAndRetried(db, cutOff);
        assertNoNumberRangMoreThanItsAttempts(db, campaignId, Sipp.invitesReceived(trace));
      }
    }
  }

  private static void assertEveryContactDoneWithGaplessAttempts(JdbcClient db, String campaignId) {
    Map<String, Integer> byState =
        db
            .sql(
                "SELECT state, count(*) FROM campaign_contact WHERE campaign_id = ? GROUP BY state")
            .param(campaignId)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(byState).as("contacts by state").isEqualTo(Map.of("DONE", CONTACTS));

    List<ContactAttempts> contacts =
        db.sql(
                "SELECT c.contact_id, c.attempts, array_agg(a.attempt_no ORDER BY a.attempt_no)"
                    + " FROM campaign_contact c JOIN campaign_attempt a USING (contact_id)"
                    + " WHERE c.campaign_id = ? GROUP BY c.contact_id, c.attempts")
            .param(campaignId)
            .query(
                (rs, n) ->
                    new ContactAttempts(
                        rs.getLong(1),
                        rs.getInt(2),
                        Arrays.asList((Integer[]) rs.getArray(3).getArray())))
            .list();
    assertThat(contacts).as("contacts with attempts").hasSize(CONTACTS);
    for (ContactAttempts c : contacts) {
      assertThat(c.attemptNumbers())
          .as("attempt numbers of contact %d", c.contactId())
          .isEqualTo(IntStream.rangeClosed(1, c.attempts()).boxed().toList());
    }

    assertThat(
            db.sql(
                    "SELECT count(*) FROM campaign_attempt WHERE campaign_id = ?"
                        + " AND state <> 'FINISHED'")
                .param(campaignId)
                .query(Integer.class)
                .single())
        .as("campaign attempts left open")
        .isZero();
    // Every attempt reached the robot, which settled it.
    List<String> notSettledByRobot =
        db.sql(
                "SELECT a.attempt_id || ' ' || coalesce(r.status, 'never reached the robot')"
                    + " FROM campaign_attempt a LEFT JOIN robot_attempt r USING (attempt_id)"
                    + " WHERE a.campaign_id = ? AND (r.status IS DISTINCT FROM 'FINISHED'"
                    + " OR r.dial_outcome IS NULL)")
            .param(campaignId)
            .query(String.class)
            .list();
    assertThat(notSettledByRobot).as("attempts the robot did not settle").isEmpty();
  }

  private static void assertCutOffCallsSettledAsInterruptedAndRetried(
      JdbcClient db, List<OpenAttempt> cutOff) {
    for (OpenAttempt open : cutOff) {
      Map<String, Object> robot =
          db.sql("SELECT status, failure FROM robot_attempt WHERE attempt_id = ?")
              .param(open.attemptId())
              .query()
              .singleRow();
      assertThat(robot.get("status"))
          .as("robot attempt %s", open.attemptId())
          .isEqualTo("FINISHED");
      assertThat((String) robot.get("failure"))
          .as("why robot attempt %s ended", open.attemptId())
          .contains("interrupted");
      List<Map<String, Object>> next =
          db.sql(
                  "SELECT a.attempt_no, a.claimed_by,"
                      + " a.created_at > (SELECT finished_at FROM campaign_attempt"
                      + "   WHERE attempt_id = ?) AS after_settling"
                      + " FROM campaign_attempt a WHERE a.contact_id = ? AND a.attempt_no > ?"
                      + " ORDER BY a.attempt_no")
              .params(open.attemptId(), open.contactId(), open.attemptNo())
              .query()
              .listOfRows();
      assertThat(next)
          .as("attempts after the cut-off one of contact %d", open.contactId())
          .isNotEmpty();
      assertThat(next.get(0).get("claimed_by"))
          .as("the retry was claimed by the restarted server")
          .isNotEqualTo(open.claimedBy());
      assertThat(next.get(0).get("after_settling"))
          .as("the retry was made only after the cut-off attempt was settled")
          .isEqualTo(true);
    }
  }

  /**
   * What SIPp saw is the ground truth of dialing: per number, the INVITEs (distinct Call-IDs) are
   * at most the attempts the robot recorded with a dial outcome, and at least those it saw
   * answered.
   */
  private static void assertNoNumberRangMoreThanItsAttempts(
      JdbcClient db, String campaignId, Map<String, String> invites) {
    Map<String, Long> rang =
        invites.values().stream()
            .collect(Collectors.groupingBy(CampaignCrashIT::digits, Collectors.counting()));
    List<NumberAttempts> numbers =
        db.sql(
                "SELECT a.phone, count(*) FILTER (WHERE r.dial_outcome IS NOT NULL),"
                    + " count(*) FILTER (WHERE r.answered_at IS NOT NULL)"
                    + " FROM campaign_attempt a JOIN robot_attempt r USING (attempt_id)"
                    + " WHERE a.campaign_id = ? GROUP BY a.phone")
            .param(campaignId)
            .query(
                (rs, n) -> new NumberAttempts(digits(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
            .list();
    log.info("INVITEs received per number: {}; attempts per number: {}", rang, numbers);
    assertThat(numbers).hasSize(CONTACTS);
    assertThat(rang.keySet())
        .as("numbers that rang")
        .containsExactlyInAnyOrderElementsOf(numbers.stream().map(NumberAttempts::digits).toList());
    for (NumberAttempts n : numbers) {
      long calls = rang.getOrDefault(n.digits(), 0L);
      assertThat(calls)
          .as("INVITEs to %s (attempts with a dial outcome: %d)", n.digits(), n.dialed())
          .isLessThanOrEqualTo(n.dialed())
          .isGreaterThanOrEqualTo(n.answered());
    }
    int attempts =
        db.sql("SELECT count(*) FROM campaign_attempt WHERE campaign_id = ?")
            .param(campaignId)
            .query(Integer.class)
            .single();
    assertThat(invites).as("calls that reached the customers").hasSizeGreaterThan(CONTACTS);
    assertThat(invites.size()).isLessThanOrEqualTo(attempts);
  }

  /** Waits; when that times out, first writes the server's threads next to its log. */
  private static <T> T awaitOrDumpThreads(ContactCenterProcess server, Supplier<T> waiting) {
    try {
      return waiting.get();
    } catch (ConditionTimeoutException e) {
      if (server.isAlive()) {
        log.warn("waited in vain; the server's threads are in {}", server.dumpThreads());
      }
      throw e;
    }
  }

  // ------------------------------------------------------------------------------------ set-up

  private static List<String> arguments(
      TestInfrastructure.Services shared, String jdbcUrl, LocalAsterisk asterisk) {
    LocalAsterisk.Ports ports = asterisk.ports();
    return List.of(
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=" + shared.dbUser(),
        "--spring.datasource.password=" + shared.dbPassword(),
        "--spring.data.redis.host=" + shared.redisHost(),
        "--spring.data.redis.port=" + shared.redisPort(),
        "--spring.kafka.bootstrap-servers=" + shared.kafka(),
        "--cc.embedded.enabled=false",
        "--cc.pbx.ami.port=" + ports.ami(),
        "--cc.pbx.ami.password=" + LocalAsterisk.AMI_SECRET,
        "--cc.pbx.ami.initial-backoff=200ms",
        "--cc.pbx.ami.max-backoff=1s",
        // The dedicated Asterisk's dialplan sends robot calls to this FastAGI port; AudioSocket
        // uses an ephemeral port that each call's AGI command names, on loopback both ways.
        "--cc.pbx.fastagi.port=" + ports.agi(),
        "--cc.pbx.audiosocket.bind-address=127.0.0.1",
        "--cc.pbx.audiosocket.advertised-host=127.0.0.1",
        "--cc.pbx.recordings.dir=" + asterisk.recordings(),
        "--cc.security.initial-admin-password=" + ContactCenterIT.ADMIN_PASSWORD,
        // Load Vosk and MaryTTS at boot, so the first calls after the restart do not lag.
        "--cc.asrtts.speech.warm-up=true",
        "--cc.campaigns.maintenance-interval=1s",
        "--cc.campaigns.recovery-grace=20s",
        "--cc.campaigns.min-window-remaining=0s",
        // An interrupted call counts as a failed attempt: retry it within the test's patience
        // (and any other unfinished call too, should a loaded machine make the robot mishear).
        "--cc.campaigns.retry.failed=5s",
        "--cc.campaigns.retry.no-response=5s",
        "--cc.campaigns.retry.hung-up=5s",
        "--cc.campaigns.retry.no-answer=5s");
  }

  /** A database of its own on the shared server, dropped first if a previous run left it. */
  private static String freshDatabase(TestInfrastructure.Services shared, String name)
      throws SQLException {
    try (Connection c =
            DriverManager.getConnection(shared.jdbcUrl(), shared.dbUser(), shared.dbPassword());
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + name);
    }
    return shared.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
  }

  private static String startCampaign(CampaignApi api) throws Exception {
    HttpResponse<String> created =
        api.post(
            "/api/v1/campaigns",
            """
            {"name": "Crash test reminders", "type": "balance",
             "callWindow": "MON-SUN 00:00-23:59", "maxConcurrent": %d, "maxPerSecond": 2,
             "maxAttempts": 3, "variables": {"merchant": "%s"}}
            """
                .formatted(MAX_CONCURRENT, MERCHANT));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = api.read(created.body()).get("campaignId").asText();
    HttpResponse<String> uploaded =
        api.upload("/api/v1/campaigns/" + id + "/contacts", "crash.csv", csv());
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    assertThat(api.read(uploaded.body()).get("added").asInt())
        .as(uploaded.body())
        .isEqualTo(CONTACTS);
    HttpResponse<String> started = api.post("/api/v1/campaigns/" + id + "/start", "");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return id;
  }

  /**
   * Contacts whose time zone puts them at midday, so the call window is open whenever this runs.
   */
  private static byte[] csv() {
    int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(12 - hour + 12, 24) - 12;
    String zone = ZoneOffset.ofHours(offset).getId().replace("Z", "+00:00");
    StringBuilder csv = new StringBuilder("phone,name,order_number,amount_due,deadline,timezone\n");
    for (int i = 1; i <= CONTACTS; i++) {
      csv.append(
          "+86139001390%02d,Han Mei %d,C2026%03d,899.00 CNY,2026-12-30,%s\n"
              .formatted(i, i, i, zone));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Speech from the server's own synthesizer ({@code POST /api/v1/speech/synthesize}), as WAV. */
  private static byte[] synthesize(ContactCenterProcess server, String text)
      throws IOException, InterruptedException {
    String auth =
        Base64.getEncoder()
            .encodeToString(
                ("admin:" + ContactCenterIT.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> wav =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + server.httpPort() + "/api/v1/speech/synthesize"))
                    .header("Authorization", "Basic " + auth)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"text\":\"" + text.replace("\"", "\\\"") + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(wav.statusCode()).isEqualTo(200);
    return wav.body();
  }

  /** The samples of a PCM WAV file (the contents of its {@code data} chunk). */
  private static byte[] pcmOf(byte[] wav) {
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    b.position(12);
    while (b.remaining() >= 8) {
      byte[] id = new byte[4];
      b.get(id);
      int size = b.getInt();
      if ("data".equals(new String(id, StandardCharsets.US_ASCII))) {
        return Arrays.copyOfRange(wav, b.position(), b.position() + Math.min(size, b.remaining()));
      }
      b.position(b.position() + size + (size & 1));
    }
    throw new IllegalArgumentException("no data chunk in the WAV");
  }

  /** Duration of 8 kHz 16-bit mono speech. */
  private static Duration durationOf(byte[] wav) {
    return Duration.ofMillis(pcmOf(wav).length / 16);
  }

  // --------------------------------------------------------------------------------- reading

  /** The campaign as the database has it now. */
  record Snapshot(String state, int finished, int talkingForAWhile, int pending, String contacts) {}

  private static Snapshot snapshot(JdbcClient db, String campaignId) {
    return db.sql(
            "SELECT (SELECT state FROM campaign WHERE campaign_id = :c),"
                + " (SELECT count(*) FROM campaign_attempt WHERE campaign_id = :c"
                + "   AND state = 'FINISHED'),"
                // Answered a few seconds ago and the robot still on it: mid-dialogue.
                + " (SELECT count(*) FROM campaign_attempt a JOIN robot_attempt r USING"
                + "   (attempt_id) WHERE a.campaign_id = :c AND a.state = 'DIALING'"
                + "   AND r.status = 'IN_DIALOGUE' AND r.answered_at < now() - interval '4 s'),"
                + " (SELECT count(*) FROM campaign_contact WHERE campaign_id = :c"
                + "   AND state = 'PENDING'),"
                + " (SELECT string_agg(state || ':' || attempts || ':' || coalesce(last_outcome,"
                + "   '-'), ' ' ORDER BY contact_id) FROM campaign_contact WHERE campaign_id = :c)")
        .param("c", campaignId)
        .query(
            (rs, n) ->
                new Snapshot(
                    rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5)))
        .single();
  }

  /** A campaign attempt recorded but not settled. */
  record OpenAttempt(
      String attemptId, long contactId, int attemptNo, String claimedBy, String robotStatus) {}

  private static List<OpenAttempt> openAttempts(JdbcClient db, String campaignId) {
    return db.sql(
            "SELECT a.attempt_id, a.contact_id, a.attempt_no, a.claimed_by, r.status"
                + " FROM campaign_attempt a LEFT JOIN robot_attempt r USING (attempt_id)"
                + " WHERE a.campaign_id = ? AND a.state = 'DIALING'")
        .param(campaignId)
        .query(
            (rs, n) ->
                new OpenAttempt(
                    rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
        .list();
  }

  record ContactAttempts(long contactId, int attempts, List<Integer> attemptNumbers) {}

  record NumberAttempts(String digits, int dialed, int answered) {}

  private static String digits(String phone) {
    return phone.replaceAll("\\D", "");
  }
}

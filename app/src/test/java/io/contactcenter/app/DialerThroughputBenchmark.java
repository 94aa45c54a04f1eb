package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.pbx.CallEnded;
import io.contactcenter.pbx.CallStarted;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Repository;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * How many call attempts per second the campaign dialer holds against the real Asterisk and SIPp,
 * and how closely it keeps to its limits. Each run is one campaign of {@code bench.contacts}
 * contacts (600) started through the campaigns API, one attempt per contact:
 *
 * <ul>
 *   <li>a concurrency run first ({@code -Dbench.concurrency=20} at 30/s): every line rings for two
 *       seconds, then is busy ({@code uas-ring-busy.xml}), so {@code maxConcurrent} binds;
 *   <li>rate runs ({@code -Dbench.rates=30,45,60,100}), in that order: every line is busy at once
 *       ({@code uas-busy.xml}), the campaign's {@code maxPerSecond} is the limit that binds.
 * </ul>
 *
 * <p>If Asterisk dies during a run (the Asterisk 22.10 of Debian sid segfaulted once at 60
 * originates per second), the figures so far are reported with that fact and the benchmark stops.
 *
 * <p>Achieved rates come from the attempts' times: {@code campaign_attempt.created_at} (claimed by
 * the dialer), {@code robot_attempt.created_at} (handed to the robot, just before the AMI
 * originate) and Asterisk's own {@code Newchannel} time ({@link CallStarted}). Failed setups are
 * attempts whose dial outcome is {@code FAILED} or {@code CONGESTION} (or missing). Calls in flight
 * are counted from Asterisk's channel start to its hang-up (event times), and sampled from the
 * campaign's progress ({@code calling}) every 250 ms. Prints the figures and writes them to {@code
 * app/target/dialer-throughput-benchmark.txt}. Not part of the test suite; see docs/benchmarks.md.
 */
@ContactCenterIT
@DirtiesContext
@TestPropertySource(
    properties = {
      // The trunk's own limits must not be the ones measured.
      "cc.campaigns.pacing.trunk-max-per-second=1000",
      "cc.campaigns.pacing.trunk-max-concurrent=1000"
    })
class DialerThroughputBenchmark {

  static LocalAsterisk asterisk;

  @LocalServerPort int port;
  @Autowired HealthEndpoint health;
  @Autowired JdbcClient jdbc;
  @Autowired Channels channels;

  @BeforeAll
  static void startAsterisk() {
    asterisk = TestInfrastructure.asterisk();
  }

  /** When Asterisk created and hung up each attempt's channel (its own event times). */
  static final class Channels {
    final Map<String, Instant> started = new ConcurrentHashMap<>();
    final Map<String, Instant> ended = new ConcurrentHashMap<>();

    @EventListener
    void on(CallStarted call) {
      if (call.attemptId() != null && call.at() != null) {
        started.putIfAbsent(call.attemptId(), call.at());
      }
    }

    @EventListener
    void on(CallEnded call) {
      if (call.attemptId() != null && call.endedAt() != null) {
        ended.putIfAbsent(call.attemptId(), call.endedAt());
      }
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class BenchmarkConfiguration {
    @Bean
    Channels channels() {
      return new Channels();
    }
  }

  /** One campaign run's figures. */
  record Run(
      String lines,
      double maxPerSecond,
      int maxConcurrent,
      int attempts,
      double claimedRate,
      double handedRate,
      double channelRate,
      int maxClaimedInOneSecond,
      int maxChannelsInOneSecond,
      int maxInFlight,
      int maxCallingSampled,
      Map<String, Integer> dialOutcomes,
      int failedSetups,
      double seconds,
      String loadBefore,
      String loadAfter) {}

  @Test
  void attemptsPerSecond() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> health.healthForPath("ami").getStatus().equals(Status.UP));
    int contacts = Integer.getInteger("bench.contacts", 600);
    double[] rates =
        Arrays.stream(System.getProperty("bench.rates", "30,45,60,100").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .mapToDouble(Double::parseDouble)
            .toArray();
    int concurrency = Integer.getInteger("bench.concurrency", 20);

    // Warm-up: connections, JIT, Asterisk's first channels; not reported.
    run("uas-busy.xml", 30, 1000, 100, 0);
    List<Run> runs = new ArrayList<>();
    int batch = 1;
    String crash = null;
    try {
      if (concurrency > 0) {
        runs.add(run("uas-ring-busy.xml", 30, concurrency, contacts / 2, batch++));
      }
      for (double rate : rates) {
        runs.add(run("uas-busy.xml", rate, 1000, contacts, batch++));
        print(runs.subList(runs.size() - 1, runs.size()));
      }
    } catch (AsteriskDied e) {
      // Nothing more can be measured: the tests' Asterisk is not restarted.
      crash = e.getMessage();
    }
    String report = print(runs) + (crash == null ? "" : crash + "\n");
    Path out = Repository.root().resolve("app/target/dialer-throughput-benchmark.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    assertThat(runs).isNotEmpty();
  }

  private Run run(String scenario, double maxPerSecond, int maxConcurrent, int contacts, int batch)
      throws Exception {
    CampaignApi api = new CampaignApi(port);
    HttpResponse<String> created =
        api.post(
            "/api/v1/campaigns",
            """
            {"name": "Dialer benchmark %s %s/s", "type": "balance",
             "callWindow": "MON-SUN 00:00-23:59", "maxConcurrent": %d, "maxPerSecond": %s,
             "maxAttempts": 1, "variables": {"merchant": "Acme Shop"}}
            """
                .formatted(scenario, maxPerSecond, maxConcurrent, maxPerSecond));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = api.read(created.body()).get("campaignId").asText();
    HttpResponse<String> uploaded =
        api.upload("/api/v1/campaigns/" + id + "/contacts", "bench.csv", csv(contacts, batch));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    assertThat(api.read(uploaded.body()).get("added").asInt())
        .as(uploaded.body())
        .isEqualTo(contacts);

    String loadBefore = loadAverage();
    AtomicInteger maxCalling = new AtomicInteger();
    try (Sipp.Answering lines =
        Sipp.scenario(scenario)
            .calls(contacts)
            .timeout(Duration.ofMinutes(15))
            .answerOn(asterisk.ports().trunk())) {
      assertThat(api.post("/api/v1/campaigns/" + id + "/start", "").statusCode()).isEqualTo(200);
      await()
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                JsonNode p = api.getJson("/api/v1/campaigns/" + id + "/progress");
                maxCalling.accumulateAndGet(p.get("calling").asInt(), Math::max);
                return p;
              },
              p -> {
                if (!asteriskAlive()) {
                  throw new AsteriskDied(
                      "Asterisk exited during the run at %s attempts/s (see %s)"
                          .formatted(maxPerSecond, asterisk.runDir().resolve("log/messages")));
                }
                return "COMPLETED".equals(p.get("state").asText());
              });
    }
    String loadAfter = loadAverage();

    record Attempt(String id, Instant claimed, Instant handed, String dialOutcome) {}
    List<Attempt> attempts =
        jdbc.sql(
                "SELECT a.attempt_id, a.created_at, r.created_at, a.dial_outcome"
                    + " FROM campaign_attempt a LEFT JOIN robot_attempt r USING (attempt_id)"
                    + " WHERE a.campaign_id = ? ORDER BY a.created_at")
            .param(id)
            .query(
                (rs, n) ->
                    new Attempt(
                        rs.getString(1),
                        instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3)),
                        rs.getString(4)))
            .list();
    Map<String, Integer> outcomes = new HashMap<>();
    int failed = 0;
    for (Attempt a : attempts) {
      String outcome = a.dialOutcome() == null ? "none" : a.dialOutcome();
      outcomes.merge(outcome, 1, Integer::sum);
      if (List.of("FAILED", "CONGESTION", "none").contains(outcome)) {
        failed++;
      }
    }
    List<Instant> claimed = attempts.stream().map(Attempt::claimed).toList();
    List<Instant> handed = attempts.stream().map(Attempt::handed).filter(t -> t != null).toList();
    List<Instant> channelStarts =
        attempts.stream().map(a -> channels.started.get(a.id())).filter(t -> t != null).toList();
    // In flight as the trunk sees it: from Asterisk creating the channel to hanging it up. (The
    // attempt rows' created_at is the claiming tick's start, shared by its whole batch.)
    List<Instant[]> intervals = new ArrayList<>();
    for (Attempt a : attempts) {
      Instant from = channels.started.get(a.id());
      Instant to = channels.ended.get(a.id());
      if (from != null && to != null) {
        intervals.add(new Instant[] {from, to});
      }
    }
    return new Run(
        scenario,
        maxPerSecond,
        maxConcurrent,
        attempts.size(),
        steadyRate(claimed),
        steadyRate(handed),
        steadyRate(channelStarts),
        maxInOneSecond(claimed),
        maxInOneSecond(channelStarts),
        maxOverlap(intervals),
        maxCalling.get(),
        outcomes,
        failed,
        Duration.between(claimed.getFirst(), claimed.getLast()).toMillis() / 1000.0,
        loadBefore,
        loadAfter);
  }

  /**
   * Attempts per second between the 10th and the 90th percentile of their times: the start-up burst
   * the limit allows and the tail are left out.
   */
  private static double steadyRate(List<Instant> times) {
    if (times.size() < 10) {
      return Double.NaN;
    }
    List<Instant> sorted = times.stream().sorted().toList();
    int from = sorted.size() / 10;
    int to = sorted.size() * 9 / 10;
    double seconds = Duration.between(sorted.get(from), sorted.get(to)).toNanos() / 1e9;
    return (to - from) / seconds;
  }

  /** The most attempts whose times fall within any one second. */
  private static int maxInOneSecond(List<Instant> times) {
    List<Instant> sorted = times.stream().sorted().toList();
    int max = 0;
    int start = 0;
    for (int end = 0; end < sorted.size(); end++) {
      while (Duration.between(sorted.get(start), sorted.get(end)).toMillis() >= 1000) {
        start++;
      }
      max = Math.max(max, end - start + 1);
    }
    return max;
  }

  private static int maxOverlap(List<Instant[]> intervals) {
    int max = 0;
    for (Instant[] a : intervals) {
      int overlapping = 0;
      for (Instant[] b : intervals) {
        if (!b[0].isAfter(a[0]) && a[0].isBefore(b[1])) {
          overlapping++;
        }
      }
      max = Math.max(max, overlapping);
    }
    return max;
  }

  private static String print(List<Run> runs) {
    StringBuilder out = new StringBuilder();
    out.append(
        "lines | maxPerSecond | maxConcurrent | attempts | claimed/s | handed to robot/s"
            + " | channels/s | max claimed in 1 s | max channels in 1 s | max in flight"
            + " (sampled) | dial outcomes | failed setups | span s | load before -> after\n");
    for (Run r : runs) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s | %.0f | %d | %d | %.1f | %.1f | %.1f | %d | %d | %d (%d) | %s | %d | %.1f"
                  + " | %s -> %s%n",
              r.lines(),
              r.maxPerSecond(),
              r.maxConcurrent(),
              r.attempts(),
              r.claimedRate(),
              r.handedRate(),
              r.channelRate(),
              r.maxClaimedInOneSecond(),
              r.maxChannelsInOneSecond(),
              r.maxInFlight(),
              r.maxCallingSampled(),
              r.dialOutcomes(),
              r.failedSetups(),
              r.seconds(),
              r.loadBefore(),
              r.loadAfter()));
    }
    System.out.print(out);
    return out.toString();
  }

  /**
   * {@code count} contacts with numbers of their own (the per-number caps do not apply), in a zone
   * where it is midday, so the call window is open.
   */
  private static byte[] csv(int count, int batch) {
    int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(12 - hour + 12, 24) - 12;
    String zone = ZoneOffset.ofHours(offset).getId().replace("Z", "+00:00");
    StringBuilder csv = new StringBuilder("phone,name,order_number,amount_due,deadline,timezone\n");
    for (int i = 0; i < count; i++) {
      csv.append(
          "+86139%02d%06d,Customer %d,A%07d,1299.50 CNY,2026-12-30,%s\n"
              .formatted(batch, i, i, i, zone));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The tests' Asterisk is gone (it crashed): no later run can be measured. */
  static final class AsteriskDied extends RuntimeException {
    AsteriskDied(String message) {
      super(message);
    }
  }

  private static boolean asteriskAlive() {
    try {
      long pid =
          Long.parseLong(Files.readString(asterisk.runDir().resolve("asterisk.pid")).strip());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static String loadAverage() throws IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return f[0] + " " + f[1] + " " + f[2];
  }
}

package io.contactcenter.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.app.RobotLatencyBenchmark.CapturingMeterRegistry;
import io.contactcenter.app.RobotLatencyBenchmark.Completions;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.common.CampaignType;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.CallNowRequest;
import io.contactcenter.outboundrobot.DialogueCompleted;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Floods sign-in with made-up HTTP Basic credentials from {@code bench.attackers} (80) parallel
 * clients for {@code bench.seconds} (20) and prints the health check's latency before and during
 * the flood, and that of an API request signed in with a personal access token. Meanwhile a robot
 * call runs on the real Asterisk with a SIPp customer, one after another, before and during the
 * flood (at least {@code bench.robot-calls} (2) calls each; the flood lasts until they are done):
 * its turn latency (the robot's own {@code cc.robot.turn.latency}, as {@link RobotLatencyBenchmark}
 * measures it) and its outcome are printed beside the health figures. The per-address throttle is
 * set out of reach here, so what is measured is the worst case: every request reaches the password
 * hash, and only its own bounded threads keep the rest of the server responsive. Writes {@code
 * app/target/sign-in-flood-benchmark.txt}. Not part of the test suite; see docs/benchmarks.md.
 *
 * <p>Run it alone ({@code -Dit.test=SignInFloodBenchmark}): in a JVM where the shared {@code
 * ContactCenterIT} context of an earlier test class was still alive, the robot call's FastAGI
 * session reached that context, which did not know the attempt ("unknown attempt"), and every robot
 * call ended without a dialogue.
 */
@ContactCenterIT
@DirtiesContext
@TestPropertySource(
    properties = {
      "cc.security.sign-in.address-free-failures=1000000",
      "cc.security.sign-in.address-lock-after=2000000",
      // -Dbench.hashing-threads=80 -Dbench.hashing-queue=10000 hashes every attempt at once, as
      // before the password hash had threads of its own (an approximation of the old behaviour).
      "cc.security.hashing.threads=${bench.hashing-threads:0}",
      "cc.security.hashing.queue=${bench.hashing-queue:16}"
    })
class SignInFloodBenchmark {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(150);

  static LocalAsterisk asterisk;

  @LocalServerPort int port;
  @Autowired SpeechSynthesizer tts;
  @Autowired CapturingMeterRegistry meters;
  @Autowired Completions completions;
  @Autowired RobotCalls robot;

  @BeforeAll
  static void startAsterisk() {
    asterisk = TestInfrastructure.asterisk();
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class BenchmarkConfiguration {
    @Bean
    CapturingMeterRegistry capturingMeterRegistry() {
      return new CapturingMeterRegistry();
    }

    @Bean
    Completions completions() {
      return new Completions();
    }
  }

  /** The robot calls of one phase: each call's result, and when the phase ran. */
  static final class RobotPhase {
    final List<DialogueCompleted> results = Collections.synchronizedList(new ArrayList<>());
    volatile long from;
    volatile long to;

    long asScripted() {
      synchronized (results) {
        return results.stream().filter(RobotLatencyBenchmark::asScripted).count();
      }
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  @Test
  void healthAndRobotCallStayFastWhileSignInIsFlooded() throws Exception {
    int attackers = Integer.getInteger("bench.attackers", 80);
    int seconds = Integer.getInteger("bench.seconds", 20);
    int robotCalls = Integer.getInteger("bench.robot-calls", 2);
    String token = createToken();
    Path customer = RobotLatencyBenchmark.customerDirectory(tts);

    try (Sipp.Answering phones =
        Sipp.scenario("uas-answer.xml")
            .workingDirectory(customer)
            .calls(robotCalls * 2 + 10)
            .timeout(Duration.ofMinutes(30))
            .answerOn(asterisk.ports().trunk())) {
      // Warm-up: the JIT, the recognizer pool, the prompt cache; not counted.
      callOnce();
      for (int i = 0; i < 20; i++) {
        time("/actuator/health", null);
      }
      String loadBefore = RobotLatencyBenchmark.loadAverage();
      List<Long> healthBefore = Collections.synchronizedList(new ArrayList<>());
      List<Long> tokenBefore = Collections.synchronizedList(new ArrayList<>());
      RobotPhase robotBefore = new RobotPhase();
      Thread robotThread = robotCalls(robotBefore, robotCalls);
      while (healthBefore.size() < 50 || robotThread.isAlive()) {
        healthBefore.add(time("/actuator/health", null));
        tokenBefore.add(time("/api/v1/me", "Bearer " + token));
        Thread.sleep(200);
      }

      Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger sequence = new AtomicInteger();
      List<Long> healthDuring = Collections.synchronizedList(new ArrayList<>());
      List<Long> tokenDuring = Collections.synchronizedList(new ArrayList<>());
      RobotPhase robotDuring = new RobotPhase();
      String loadDuring;
      long floodStart = System.nanoTime();
      try (ExecutorService flood = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int a = 0; a < attackers; a++) {
          flood.submit(
              () -> {
                while (running.get()) {
                  int n = sequence.incrementAndGet();
                  int status = status("/api/v1/me", basic("made-up-" + n, "not-a-password-" + n));
                  statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
              });
        }
        Thread.sleep(2000); // let the flood build up before measuring
        robotThread = robotCalls(robotDuring, robotCalls);
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < until || robotThread.isAlive()) {
          healthDuring.add(time("/actuator/health", null));
          tokenDuring.add(time("/api/v1/me", "Bearer " + token));
          Thread.sleep(200);
        }
        loadDuring = RobotLatencyBenchmark.loadAverage();
        running.set(false);
      }
      double floodSeconds = (System.nanoTime() - floodStart) / 1e9;

      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "Sign-in flood: %d attackers, %.0f s, %d processors, hashing threads %s, queue %s;"
                  + " load before %s, at the flood's end %s%n",
              attackers,
              floodSeconds,
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("bench.hashing-threads", "auto"),
              System.getProperty("bench.hashing-queue", "16"),
              loadBefore,
              loadDuring));
      out.append(line("health before flood", healthBefore));
      out.append(line("health during flood", healthDuring));
      out.append(line("token API before flood", tokenBefore));
      out.append(line("token API during flood", tokenDuring));
      out.append(robotLine("robot call before flood", robotBefore));
      out.append(robotLine("robot call during flood", robotDuring));
      Map<Integer, Integer> counts = new TreeMap<>();
      statuses.forEach((k, v) -> counts.put(k, v.get()));
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      out.append(
          String.format(
              Locale.ROOT,
              "attacker requests: %d (%.0f/s), by status %s; 401 = hashed and refused, 503 ="
                  + " refused without hashing (queue full)%n",
              total,
              total / floodSeconds,
              counts));
      System.out.println(out);
      Path file = Path.of("target", "sign-in-flood-benchmark.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, out.toString());
    }
  }

  /** {@code count} robot calls one after another, on a virtual thread. */
  private Thread robotCalls(RobotPhase phase, int count) {
    phase.from = System.nanoTime();
    return Thread.ofVirtual()
        .start(
            () -> {
              try {
                while (phase.results.size() < count) {
                  DialogueCompleted result = callOnce();
                  phase.results.add(result);
                  if (!RobotLatencyBenchmark.asScripted(result)) {
                    System.out.println(
                        "robot call not as scripted: " + RobotLatencyBenchmark.describe(result));
                  }
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              } finally {
                phase.to = System.nanoTime();
              }
            });
  }

  /** Places a robot call in process, as {@link RobotLatencyBenchmark} does; null on time-out. */
  private DialogueCompleted callOnce() throws Exception {
    String id =
        robot
            .callNow(
                new CallNowRequest(
                    PhoneNumber.parse("+8613800138000"),
                    CampaignType.BALANCE,
                    null,
                    RobotLatencyBenchmark.variables(),
                    "benchmark"))
            .attemptId();
    try {
      return completions.of(id).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return null;
    } finally {
      completions.byAttempt.remove(id);
    }
  }

  private String robotLine(String what, RobotPhase phase) {
    List<Long> turns = meters.valuesBetween("cc.robot.turn.latency", phase.from, phase.to);
    Map<String, Integer> outcomes = new TreeMap<>();
    synchronized (phase.results) {
      for (DialogueCompleted r : phase.results) {
        outcomes.merge(r == null ? "no result" : r.outcome().name(), 1, Integer::sum);
      }
    }
    return String.format(
        Locale.ROOT,
        "%-24s calls %d, as scripted %d, outcomes %s; turns n=%d  p50 %d ms  p95 %d ms  max %d"
            + " ms%n",
        what,
        phase.results.size(),
        phase.asScripted(),
        outcomes,
        turns.size(),
        RobotLatencyBenchmark.percentileMs(turns, 50),
        RobotLatencyBenchmark.percentileMs(turns, 95),
        RobotLatencyBenchmark.percentileMs(turns, 100));
  }

  private static String line(String what, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "%-24s n=%3d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
        what,
        sorted.size(),
        pct(sorted, 0.50),
        pct(sorted, 0.95),
        sorted.get(sorted.size() - 1) / 1e6);
  }

  private static double pct(List<Long> sorted, double p) {
    int i = (int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1)));
    return sorted.get(i) / 1e6;
  }

  private long time(String path, String auth) throws IOException, InterruptedException {
    long start = System.nanoTime();
    int status = status(path, auth);
    long took = System.nanoTime() - start;
    if (status >= 500 && !path.startsWith("/actuator")) {
      throw new IllegalStateException(path + " answered " + status);
    }
    return took;
  }

  private int status(String path, String auth) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private String createToken() throws IOException, InterruptedException {
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me/tokens"))
                .header("Authorization", basic("admin", ContactCenterIT.ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"flood benchmark\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("token: " + created.statusCode() + " " + created.body());
    }
    return new ObjectMapper().readTree(created.body()).get("token").asText();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.management.OperatingSystemMXBean;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.common.CampaignType;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.CallNowRequest;
import io.contactcenter.outboundrobot.DialogueCompleted;
import io.contactcenter.outboundrobot.DialogueOutcome;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.outboundrobot.Turn;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.CustomerVoice;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Repository;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * Robot turn latency with live recognition and synthesis, against the real Asterisk with SIPp
 * customers: N robot calls are kept in flight (closed loop: a call that ends is replaced at once,
 * first calls staggered so turns fall at random phases), each callee barges in on the question with
 * "please call me back later" and, asked when, says "tomorrow morning". Each of the two replies is
 * one turn, timed by the robot's own {@code cc.robot.turn.latency} timer: from the arrival of the
 * reply's last voiced frame to the first frame of the robot's next prompt.
 *
 * <p>Prints p50/p95/max per concurrency level, with process CPU and memory per call, and writes
 * them to {@code app/target/robot-latency-benchmark.txt}. Not part of the test suite (timed numbers
 * on a shared machine are not pass/fail); see docs/benchmarks.md for how to run it. Settings:
 * {@code -Dbench.levels=1,10,16,24,32} and {@code -Dbench.window=90} (seconds of steady state per
 * level, longer until {@code -Dbench.min-turns=30} turns were timed).
 */
@ContactCenterIT
class RobotLatencyBenchmark {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(150);
  private static final List<String> NAMES =
      List.of(
          "Li Lei",
          "Han Meimei",
          "Wang Fang",
          "Zhang Wei",
          "Chen Jing",
          "Liu Yang",
          "Zhao Min",
          "Sun Hao",
          "Zhou Ting",
          "Wu Qiang",
          "Xu Lin",
          "Hu Jun",
          "Guo Mei",
          "Lin Tao");
  // Values never used before, so no run finds its prompts in the disk cache of an earlier one.
  private static final AtomicInteger CALLS =
      new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 10_000_000));

  static LocalAsterisk asterisk;

  @Autowired HealthEndpoint health;
  @Autowired SpeechSynthesizer tts;
  @Autowired CapturingMeterRegistry meters;
  @Autowired Completions completions;
  @Autowired RobotCalls robot;

  @BeforeAll
  static void startAsterisk() {
    asterisk = TestInfrastructure.asterisk();
  }

  /** Keeps every recorded timer value with the instant it was recorded. */
  static final class CapturingMeterRegistry extends SimpleMeterRegistry {

    /** {System.nanoTime() when recorded, value in ns} per timer name. */
    final Map<String, Queue<long[]>> samples = new ConcurrentHashMap<>();

    @Override
    protected Timer newTimer(
        Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
      Queue<long[]> values =
          samples.computeIfAbsent(id.getName(), name -> new ConcurrentLinkedQueue<>());
      return new CumulativeTimer(id, clock, config, pauseDetector, getBaseTimeUnit(), false) {
        @Override
        protected void recordNonNegative(long amount, TimeUnit unit) {
          super.recordNonNegative(amount, unit);
          values.add(new long[] {System.nanoTime(), unit.toNanos(amount)});
        }
      };
    }

    List<Long> valuesBetween(String timer, long fromNanos, long toNanos) {
      List<Long> out = new ArrayList<>();
      for (long[] s : samples.getOrDefault(timer, new ConcurrentLinkedQueue<>())) {
        if (s[0] >= fromNanos && s[0] <= toNanos) {
          out.add(s[1]);
        }
      }
      return out;
    }
  }

  /** Completes a future per attempt when the robot announces the dialogue's end. */
  static final class Completions {
    final Map<String, CompletableFuture<DialogueCompleted>> byAttempt = new ConcurrentHashMap<>();

    CompletableFuture<DialogueCompleted> of(String attemptId) {
      return byAttempt.computeIfAbsent(attemptId, id -> new CompletableFuture<>());
    }

    @EventListener
    void on(DialogueCompleted completed) {
      of(completed.attemptId()).complete(completed);
    }
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

  /** One concurrency level's figures. */
  record Level(
      int calls,
      int turns,
      long p50Ms,
      long p95Ms,
      long p99Ms,
      long maxMs,
      int overOneSecond,
      long processingP50Ms,
      long processingP95Ms,
      int callsDone,
      int callsAsScripted,
      double windowSeconds,
      double appCores,
      double asteriskCores,
      double sippCores,
      double rssMb,
      double liveHeapMb,
      String loadBefore,
      String loadAfter) {}

  @Test
  void turnLatencyPerConcurrencyLevel() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> health.healthForPath("ami").getStatus().equals(Status.UP));
    int[] levels =
        Arrays.stream(System.getProperty("bench.levels", "1,10,16,24,32").split(","))
            .map(String::strip)
            .mapToInt(Integer::parseInt)
            .toArray();
    Duration window = Duration.ofSeconds(Long.getLong("bench.window", 90));
    int minTurns = Integer.getInteger("bench.min-turns", 30);

    Path customer = customerDirectory(tts);
    // Warm-up: the JIT, the recognizer pool, the prompt cache; not counted.
    runLevel(customer, 2, Duration.ofSeconds(1), 0, null);

    Baseline idle = baseline();
    List<Level> results = new ArrayList<>();
    for (int n : levels) {
      Level level = runLevel(customer, n, window, minTurns, idle);
      results.add(level);
      print(List.of(level), idle);
    }
    String report = print(results, idle);
    Path out = Repository.root().resolve("app/target/robot-latency-benchmark.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    assertThat(results).isNotEmpty();
  }

  /**
   * Silence through the disclosure, a barge-in, then an answer to the robot's follow-up (also the
   * customer of {@link SignInFloodBenchmark}'s robot call).
   */
  static Path customerDirectory(SpeechSynthesizer tts) throws Exception {
    Duration disclosure =
        tts.synthesize(CustomerVoice.balanceReminderDisclosure("Acme Shop"), null).duration();
    byte[] first = tts.synthesize("Please call me back later.", null).pcm16le8k();
    byte[] second = tts.synthesize("Tomorrow morning.", null).pcm16le8k();
    Path dir = Files.createTempDirectory("customer");
    CustomerVoice.writeUlawWav(
        dir.resolve("customer-says.ulaw.wav"),
        silence(disclosure.plusMillis(2500)),
        first,
        silence(Duration.ofMillis(5500)),
        second,
        // A phone sends RTP for as long as the call lasts; Asterisk's AudioSocket() hangs up after
        // 2 s with no audio either way, so the stream must outlast the slowest call.
        silence(Duration.ofSeconds(150)));
    return dir;
  }

  static byte[] silence(Duration d) {
    return new byte[(int) (d.toMillis() * 16)];
  }

  /** What the process uses with no call. */
  record Baseline(double appCores, double asteriskCores, double rssMb, double liveHeapMb) {}

  private Baseline baseline() throws Exception {
    Usage start = Usage.now(asteriskPid(), -1);
    TimeUnit.SECONDS.sleep(10);
    Usage end = Usage.now(asteriskPid(), -1);
    double seconds = (end.wallNanos - start.wallNanos) / 1e9;
    return new Baseline(
        (end.appCpuNanos - start.appCpuNanos) / 1e9 / seconds,
        (end.asteriskCpuNanos - start.asteriskCpuNanos) / 1e9 / seconds,
        end.rssKb / 1024.0,
        end.liveHeapBytes / 1048576.0);
  }

  private Level runLevel(Path customer, int n, Duration window, int minTurns, Baseline idle)
      throws Exception {
    String loadBefore = loadAverage();
    Duration callLength = Duration.ofSeconds(30);
    int maxCalls = n * 12 + 20;
    AtomicInteger done = new AtomicInteger();
    AtomicInteger asScripted = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    AtomicLong steadyFrom = new AtomicLong(Long.MAX_VALUE);
    AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
    try (Sipp.Answering phones =
            Sipp.scenario("uas-answer.xml")
                .workingDirectory(customer)
                .calls(maxCalls)
                .timeout(Duration.ofMinutes(30))
                .answerOn(asterisk.ports().trunk());
        ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor()) {
      List<CompletableFuture<Void>> workers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        CompletableFuture<Void> worker = new CompletableFuture<>();
        workers.add(worker);
        long delay = callLength.toMillis() * i / n;
        starter.schedule(
            () ->
                Thread.ofVirtual()
                    .start(
                        () -> {
                          try {
                            if (started.incrementAndGet() == n) {
                              // Every line is busy once the last first call is answered.
                              steadyFrom.set(System.nanoTime() + 2_000_000_000L);
                            }
                            while (System.nanoTime() < stopAt.get() && done.get() + n < maxCalls) {
                              DialogueCompleted result = callOnce();
                              done.incrementAndGet();
                              if (asScripted(result)) {
                                asScripted.incrementAndGet();
                              } else {
                                System.out.println("not as scripted: " + describe(result));
                              }
                            }
                            worker.complete(null);
                          } catch (Exception | AssertionError e) {
                            worker.completeExceptionally(e);
                          }
                        }),
            delay,
            TimeUnit.MILLISECONDS);
      }
      // Steady state: measure until the window and the number of turns are both reached.
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> System.nanoTime() >= steadyFrom.get());
      Usage first = Usage.now(asteriskPid(), phones.process().pid());
      long maxRssKb = first.rssKb();
      long maxLiveHeap = first.liveHeapBytes();
      long windowEnd = System.nanoTime() + window.toNanos();
      long hardEnd = System.nanoTime() + window.toNanos() * 4;
      while (System.nanoTime() < hardEnd) {
        TimeUnit.SECONDS.sleep(1);
        Usage u = Usage.now(asteriskPid(), phones.process().pid());
        maxRssKb = Math.max(maxRssKb, u.rssKb());
        maxLiveHeap = Math.max(maxLiveHeap, u.liveHeapBytes());
        if (System.nanoTime() >= windowEnd
            && meters
                    .valuesBetween("cc.robot.turn.latency", steadyFrom.get(), System.nanoTime())
                    .size()
                >= minTurns) {
          break;
        }
      }
      Usage last = Usage.now(asteriskPid(), phones.process().pid());
      long measuredTo = System.nanoTime();
      stopAt.set(measuredTo);
      for (CompletableFuture<Void> w : workers) {
        w.get(CALL_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
      }
      starter.shutdown();

      if (idle == null) {
        return null;
      }
      List<Long> turns =
          meters.valuesBetween("cc.robot.turn.latency", steadyFrom.get(), measuredTo);
      List<Long> processing =
          meters.valuesBetween("cc.robot.turn.processing", steadyFrom.get(), measuredTo);
      double seconds = (last.wallNanos - first.wallNanos) / 1e9;
      return new Level(
          n,
          turns.size(),
          percentileMs(turns, 50),
          percentileMs(turns, 95),
          percentileMs(turns, 99),
          percentileMs(turns, 100),
          (int) turns.stream().filter(t -> t > 1_000_000_000L).count(),
          percentileMs(processing, 50),
          percentileMs(processing, 95),
          done.get(),
          asScripted.get(),
          seconds,
          (last.appCpuNanos - first.appCpuNanos) / 1e9 / seconds,
          (last.asteriskCpuNanos - first.asteriskCpuNanos) / 1e9 / seconds,
          (last.sippCpuNanos - first.sippCpuNanos) / 1e9 / seconds,
          maxRssKb / 1024.0,
          maxLiveHeap / 1048576.0,
          loadBefore,
          loadAverage());
    }
  }

  /**
   * Places a call in process, as the API's "call now" does: over HTTP each placement would cost a
   * BCrypt password check (HTTP Basic), CPU that is not the robot's.
   */
  private DialogueCompleted callOnce() throws Exception {
    String id =
        robot
            .callNow(
                new CallNowRequest(
                    PhoneNumber.parse("+8613800138000"),
                    CampaignType.BALANCE,
                    null,
                    variables(),
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

  /**
   * The script's values for the next call. Each call has its own name, order number and amount, as
   * a campaign's contacts do, so its question is synthesized live (the deadline is the campaign's,
   * the same for all). {@code -Dbench.same-prompts=true}: the same values for every call, so every
   * prompt comes from the cache.
   */
  static Map<String, String> variables() {
    int n = Boolean.getBoolean("bench.same-prompts") ? 0 : CALLS.incrementAndGet();
    return Map.of(
        "merchant", "Acme Shop",
        "customer_name", NAMES.get(n % NAMES.size()),
        "order_number", "A%07d".formatted(n % 10_000_000),
        "amount_due", "%d.%02d CNY".formatted(300 + n * 37 % 2000, n * 13 % 100),
        "deadline", "2026-11-30");
  }

  static boolean asScripted(DialogueCompleted result) {
    return result != null
        && result.outcome() == DialogueOutcome.CALLBACK_SCHEDULED
        && result.turns().stream()
                .filter(t -> t.speaker() == Turn.Speaker.CALLEE && !t.text().isBlank())
                .count()
            == 2;
  }

  static String describe(DialogueCompleted result) {
    if (result == null) {
      return "no result within " + CALL_TIMEOUT;
    }
    StringBuilder s = new StringBuilder(result.outcome().name());
    for (Turn t : result.turns()) {
      s.append(" | ").append(t.speaker()).append(": ").append(t.text());
      t.label().ifPresent(l -> s.append(" [").append(l).append(']'));
    }
    return s.toString();
  }

  static long percentileMs(List<Long> nanos, int percentile) {
    if (nanos.isEmpty()) {
      return -1;
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000;
  }

  private static String print(List<Level> levels, Baseline idle) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "idle: app %.3f cores, Asterisk %.3f cores, RSS %.0f MB, live heap %.0f MB%n",
            idle.appCores(),
            idle.asteriskCores(),
            idle.rssMb(),
            idle.liveHeapMb()));
    out.append(
        "calls | turns | p50 ms | p95 ms | p99 ms | max ms | turns > 1 s"
            + " | after reply taken p50/p95 ms | calls ok"
            + " | window s | app cores | app cores/call | Asterisk cores/call | SIPp cores"
            + " | RSS MB (+/call) | live heap MB (+/call) | load before -> after\n");
    for (Level l : levels) {
      out.append(
          String.format(
              Locale.ROOT,
              "%d | %d | %d | %d | %d | %d | %d | %d / %d | %d/%d | %.0f | %.2f | %.3f | %.3f"
                  + " | %.2f"
                  + " | %.0f (%+.1f) | %.0f (%+.1f) | %s -> %s%n",
              l.calls(),
              l.turns(),
              l.p50Ms(),
              l.p95Ms(),
              l.p99Ms(),
              l.maxMs(),
              l.overOneSecond(),
              l.processingP50Ms(),
              l.processingP95Ms(),
              l.callsAsScripted(),
              l.callsDone(),
              l.windowSeconds(),
              l.appCores(),
              (l.appCores() - idle.appCores()) / l.calls(),
              (l.asteriskCores() - idle.asteriskCores()) / l.calls(),
              l.sippCores(),
              l.rssMb(),
              (l.rssMb() - idle.rssMb()) / l.calls(),
              l.liveHeapMb(),
              (l.liveHeapMb() - idle.liveHeapMb()) / l.calls(),
              l.loadBefore(),
              l.loadAfter()));
    }
    System.out.print(out);
    return out.toString();
  }

  private long asteriskPid() throws IOException {
    return Long.parseLong(Files.readString(asterisk.runDir().resolve("asterisk.pid")).strip());
  }

  static String loadAverage() throws IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return f[0] + " " + f[1] + " " + f[2];
  }

  /** CPU and memory at one instant. */
  record Usage(
      long wallNanos,
      long appCpuNanos,
      long asteriskCpuNanos,
      long sippCpuNanos,
      long rssKb,
      long liveHeapBytes) {

    static Usage now(long asteriskPid, long sippPid) throws IOException {
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long rss = 0;
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
      // Heap in use after each pool's last collection: what is live, not what awaits the GC.
      long live = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
          live += pool.getCollectionUsage().getUsed();
        }
      }
      return new Usage(
          System.nanoTime(),
          os.getProcessCpuTime(),
          cpuNanos(asteriskPid),
          sippPid < 0 ? 0 : cpuNanos(sippPid),
          rss,
          live);
    }

    /** utime + stime of a process, from /proc (clock ticks of 10 ms). */
    private static long cpuNanos(long pid) throws IOException {
      Path stat = Path.of("/proc/" + pid + "/stat");
      if (!Files.exists(stat)) {
        return 0;
      }
      String s = Files.readString(stat);
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    }
  }
}

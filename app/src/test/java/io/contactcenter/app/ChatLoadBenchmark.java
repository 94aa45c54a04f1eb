package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.testinfra.CampaignApi;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TestUsers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Chat under load on the real application (embedded PostgreSQL, Redis, Kafka) with real WebSocket
 * visitors (the JDK client, in this JVM beside the server):
 *
 * <ul>
 *   <li>{@link #visitorMessagesReachTheAgentsSide} opens {@code bench.conversations} (2,000) chats,
 *       hands each to an agent (100 agents of 20 chats, the most a profile allows; offers are
 *       accepted through {@link AgentDesk}, not HTTP, so the set-up does not queue on the password
 *       hash), then sends visitor messages round-robin at each rate of {@code bench.rates}
 *       (100,250,500,1000 a second) for {@code bench.seconds} (20) each, and measures send →
 *       acknowledgement (stored in PostgreSQL) and send → the message back on a live subscriber of
 *       the conversation (the visitor's own socket, fed by the same fan-out as every live listener)
 *       and send → the message on its agent's screen: each agent holds the chat stream the
 *       workspace page holds ({@code GET /api/v1/chat/agent/events}, signed in). Each visitor sends
 *       at most 0.5 a second at 1,000/s, under the 5 a second limit.
 *   <li>{@link #idleConnectionsStayOpen} opens up to {@code bench.idle} (20,000) idle visitors from
 *       separate processes ({@link IdleVisitors}), so that this JVM holds only the server's ends,
 *       and prints how many the server held under its open-file limit, its descriptors by kind,
 *       heap and resident set per connection, and that a new visitor's message is still stored,
 *       acknowledged and answered by the bot.
 *   <li>{@link #coldStartOfManyQuestions} uploads {@code bench.cold-start} (100,000) questions of
 *       {@code bench.cold-start-lang} (en) made from the FAQ test set's questions and paraphrases
 *       with variations, and prints wall time, CPU, memory and the job's progress as it moves.
 * </ul>
 *
 * Writes {@code app/target/chat-load-benchmark.txt}. Not part of the test suite (its name does not
 * end in IT); see docs/benchmarks.md for how to run it.
 */
@ContactCenterIT
@TestPropertySource(
    properties = {
      "cc.test.context=chat-load",
      "cc.routing.ring-timeout=120s",
      "cc.routing.pass-interval=200ms",
      "cc.chat.handoff-timeout=30m",
      // Tomcat's default (8,192) would cap the idle-connection count below the file limit.
      "server.tomcat.max-connections=40000"
    })
@DirtiesContext
class ChatLoadBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHOP = "http://shop.test";
  private static final String PASSWORD = "chat-load-passphrase-1";
  private static final String ADMIN =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  ("admin:" + ContactCenterIT.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  private static final int CHATS_PER_AGENT = 20;

  @LocalServerPort int port;
  @Autowired AgentDesk desk;
  @Autowired JdbcTemplate jdbc;
  @Autowired Environment env;

  private final HttpClient http = HttpClient.newHttpClient();
  // The agents' streams: one HTTP/1.1 connection each, as a browser's EventSource.
  private final HttpClient streams =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final StringBuilder report = new StringBuilder();
  private final AtomicInteger refusedScreens = new AtomicInteger();

  @Test
  void visitorMessagesReachTheAgentsSide() throws Exception {
    int conversations = Integer.getInteger("bench.conversations", 2000);
    int seconds = Integer.getInteger("bench.seconds", 20);
    List<Integer> rates =
        Arrays.stream(System.getProperty("bench.rates", "100,250,500,1000").split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();
    int agents = (conversations + CHATS_PER_AGENT - 1) / CHATS_PER_AGENT;
    String run = Long.toString(System.currentTimeMillis() % 100_000, 36);
    line(
        "chat message latency, %s, %d conversations, %d agents",
        Instant.now(), conversations, agents);
    long setupFrom = System.nanoTime();
    List<String> names = new ArrayList<>();
    TestUsers users = new TestUsers(port, PASSWORD);
    for (int a = 0; a < agents; a++) {
      String name = "load-" + run + "-" + a;
      users.create(name, "AGENT");
      HttpResponse<String> saved =
          send(
              "PUT",
              "/api/v1/routing/agents/" + name,
              "{\"skills\":{\"en\":1},\"chats\":" + CHATS_PER_AGENT + ",\"tickets\":0}");
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
      desk.logIn(name);
      desk.ready(name);
      names.add(name);
    }
    line("agents ready after %.1f s", (System.nanoTime() - setupFrom) / 1e9);
    // Each agent's screen, connected as the page connects: its chat stream (server-sent events,
    // signed in), open before the chats are handed over, as in a working day.
    List<AgentScreen> screens = connectScreens(names);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> screens.stream().allMatch(a -> a.ready.get() > 0));
    line(
        "%d agent screens connected after %.1f s (%d attempts refused while the password hash was"
            + " busy, tried again)",
        screens.size(), since(setupFrom), refusedScreens.get());

    List<Socket> sockets = openVisitors(conversations, true);
    line("%d visitors asked for a person after %.1f s", sockets.size(), since(setupFrom));
    AtomicInteger accepted = new AtomicInteger();
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              for (String name : names) {
                for (AgentStatus.OfferedContact offer : desk.status(name).offers()) {
                  desk.accept(name, offer.id());
                  accepted.incrementAndGet();
                }
              }
              return accepted.get() >= conversations;
            });
    await().atMost(Duration.ofMinutes(2)).until(() -> sockets.stream().allMatch(s -> s.joined));
    line("%d chats accepted by agents after %.1f s", accepted.get(), since(setupFrom));
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> screens.stream().mapToInt(a -> a.assigned.get()).sum() >= conversations);
    line(
        "%d assignments pushed to the agents' screens after %.1f s",
        screens.stream().mapToInt(a -> a.assigned.get()).sum(), since(setupFrom));

    for (int rate : rates) {
      Step step = step(sockets, screens, rate, seconds);
      line(
          "rate %5d/s: sent %d (%.0f/s achieved), acked %d, errors %d, lost %d; send->ack p50 %.1f"
              + " p95 %.1f p99 %.1f ms; send->live delivery p50 %.1f p95 %.1f p99 %.1f ms;"
              + " send->agent screen %d received, p50 %.1f p95 %.1f p99 %.1f ms; stored %.0f/s"
              + " (first send to last ack); process CPU %.0f %% of 2 cores, load %.2f",
          rate,
          step.sent,
          step.sent / (double) seconds,
          step.acks.length,
          step.errors,
          step.sent - step.acks.length - step.errors,
          pct(step.acks, 50),
          pct(step.acks, 95),
          pct(step.acks, 99),
          pct(step.echoes, 50),
          pct(step.echoes, 95),
          pct(step.echoes, 99),
          step.agents.length,
          pct(step.agents, 50),
          pct(step.agents, 95),
          pct(step.agents, 99),
          step.storedPerSecond,
          step.cpu * 100,
          step.load);
      if (step.acks.length < step.sent * 0.9) {
        line("stopped: fewer than 90 %% of the messages of this step were acknowledged");
        break;
      }
    }
    for (Socket s : sockets) {
      s.ws.abort();
    }
    for (AgentScreen a : screens) {
      a.close();
    }
    write();
  }

  record Step(
      int sent,
      long[] acks,
      long[] echoes,
      long[] agents,
      int errors,
      double storedPerSecond,
      double cpu,
      double load) {}

  private Step step(List<Socket> sockets, List<AgentScreen> screens, int rate, int seconds)
      throws Exception {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Long> acks = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Long> echoes = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Long> agents = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    java.util.concurrent.atomic.AtomicLong lastAck = new java.util.concurrent.atomic.AtomicLong();
    for (Socket s : sockets) {
      s.sentAt = sentAt;
      s.acks = acks;
      s.echoes = echoes;
      s.errors = errors;
      s.lastAck = lastAck;
    }
    for (AgentScreen a : screens) {
      a.sentAt = sentAt;
      a.latencies = agents;
    }
    long cpuFrom = cpuNanos();
    long from = System.nanoTime();
    long total = (long) rate * seconds;
    String prefix = "r" + rate + "-";
    int sent = 0;
    for (long i = 0; i < total; i++) {
      long due = from + i * 1_000_000_000L / rate;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      Socket s = sockets.get((int) (i % sockets.size()));
      String id = prefix + i;
      String frame =
          "{\"type\":\"message\",\"clientMessageId\":\""
              + id
              + "\",\"text\":\""
              + id
              + " where is my parcel\"}";
      synchronized (s) {
        if (!s.sending.toCompletableFuture().isDone()) {
          errors.incrementAndGet();
          continue;
        }
        sentAt.put(id, System.nanoTime());
        s.sending = s.ws.sendText(frame, true);
      }
      sent++;
    }
    long end = System.nanoTime();
    double cpu = (cpuNanos() - cpuFrom) / (double) (end - from) / 2;
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int finalSent = sent;
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  acks.size() + errors.get() >= finalSent
                      && echoes.size() >= acks.size()
                      && agents.size() >= acks.size());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // Counted as lost below.
    }
    double stored = acks.size() / Math.max(1e-9, (lastAck.get() - from) / 1e9);
    return new Step(
        sent, sorted(acks), sorted(echoes), sorted(agents), errors.get(), stored, cpu, load);
  }

  /**
   * Idle visitors in one or more processes of their own ({@link IdleVisitors}, {@code
   * bench.idle-per-process} each, 10,000), so that this JVM holds only the server's ends: it opens
   * visitors in batches while the server keeps {@code bench.idle-reserve} (100) descriptors free
   * under its open-file limit (counted in {@code /proc/self/fd} before each batch), waits {@code
   * bench.idle-pause-seconds} (30), checks the sockets from both ends, measures heap and resident
   * set per connection, and has a new visitor send a last message, which must be stored,
   * acknowledged and answered by the bot. Should a batch fail anyway (the limit reached by
   * something else), its process gives back 100 connections before anything is measured.
   */
  @Test
  void idleConnectionsStayOpen() throws Exception {
    int target = Integer.getInteger("bench.idle", 20_000);
    int perProcess = Integer.getInteger("bench.idle-per-process", 10_000);
    int reserve = Integer.getInteger("bench.idle-reserve", 100);
    int concurrency = Integer.getInteger("bench.idle-concurrency", 8);
    int pauseSeconds = Integer.getInteger("bench.idle-pause-seconds", 30);
    long limit = openFileLimit();
    Descriptors own = descriptors();
    line(
        "idle connections, %s, target %d in %d visitor processes, server's open-file limit %d,"
            + " %d kept free; load %.2f",
        Instant.now(),
        target,
        (target + perProcess - 1) / perProcess,
        limit,
        reserve,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    line("  server's own descriptors before: %s", own);
    System.gc();
    long heapFrom = heapUsed();
    long rssFrom = rssBytes();
    long from = System.nanoTime();
    List<VisitorProcess> processes = new ArrayList<>();
    try {
      for (int i = 0; i < (target + perProcess - 1) / perProcess; i++) {
        processes.add(VisitorProcess.start(i, "http://127.0.0.1:" + port, concurrency));
      }
      String stoppedBy = "reached the target";
      int held = 0;
      int nextReport = 2000;
      for (VisitorProcess p : processes) {
        while (held < target && p.held < perProcess) {
          long open = openFiles();
          long free = limit - open - reserve;
          if (free <= 0) {
            stoppedBy =
                String.format(
                    Locale.ROOT,
                    "the server's open-file limit: %d of %d descriptors open, %d kept free for the"
                        + " database, Redis, Kafka and the last visitor",
                    open,
                    limit,
                    reserve);
            break;
          }
          int batch =
              (int) Math.min(500, Math.min(free, Math.min(target - held, perProcess - p.held)));
          String[] opened = p.ask("open " + batch).split(" ", 4);
          held += Integer.parseInt(opened[1]) - p.held;
          p.held = Integer.parseInt(opened[1]);
          if (held >= nextReport) {
            line("  %d open after %.1f s, server descriptors %d", held, since(from), openFiles());
            nextReport = (held / 2000 + 1) * 2000;
          }
          if (!opened[2].equals("0")) {
            stoppedBy = opened[2] + " of a batch failed (" + opened[3] + ") at " + held + " open";
            // Out of descriptors after all: give back 100 so that the measurements (which read
            // /proc) and the last message (a database connection, Redis) can run.
            int before = p.held;
            p.held = Integer.parseInt(p.ask("close 100").split(" ", 2)[1]);
            held -= before - p.held;
            break;
          }
        }
        if (held >= target || !stoppedBy.equals("reached the target")) {
          break;
        }
      }
      line(
          "held %d idle visitor connections after %.1f s; stopped: %s",
          held, since(from), stoppedBy);
      line("  server's descriptors with them: %s", descriptors());
      Thread.sleep(Duration.ofSeconds(pauseSeconds));
      int alive = 0;
      for (VisitorProcess p : processes) {
        alive += Integer.parseInt(p.ask("alive").split(" ", 3)[1]);
      }
      int serverEnds = established(port);
      System.gc();
      long heap = heapUsed() - heapFrom;
      long rss = rssBytes() - rssFrom;
      line(
          "after %d s idle: %d of %d visitor sockets still open (visitors' side), %d connections"
              + " established on the server's port (server's side)",
          pauseSeconds, alive, held, serverEnds);
      line(
          "server alone: heap +%.0f MB (%.1f KB a connection), resident set +%.0f MB (%.1f KB a"
              + " connection); %.0f MB heap and %.0f MB resident for 20,000 at that rate",
          heap / 1e6,
          heap / 1e3 / Math.max(1, held),
          rss / 1e6,
          rss / 1e3 / Math.max(1, held),
          heap / 1e6 / Math.max(1, held) * 20_000,
          rss / 1e6 / Math.max(1, held) * 20_000);
      String last = processes.get(0).ask("last where is my parcel");
      line("last visitor (a new connection): %s", last);
      assertThat(last).startsWith("last ");
      String conversation = last.split(" ", 3)[1];
      Long stored =
          jdbc.queryForObject(
              "SELECT seq FROM chat_message WHERE conversation_id = ? AND sender = 'VISITOR'"
                  + " AND client_message_id = 'last'",
              Long.class,
              conversation);
      Integer answers =
          jdbc.queryForObject(
              "SELECT count(*) FROM chat_message WHERE conversation_id = ? AND sender = 'BOT'"
                  + " AND seq > ?",
              Integer.class,
              conversation,
              stored);
      line("  stored as seq %d, %d bot answer(s) stored after it", stored, answers);
      assertThat(answers).isPositive();
      line("  server's descriptors at the end: %s", descriptors());
      if (Boolean.getBoolean("bench.idle-histogram")) {
        // Where the heap per connection goes: the largest classes while the visitors are still
        // held (jcmd attaches through a socket of its own, so only after the descriptors are
        // counted). Opt-in: with 19,468 connections the heap walk stopped the JVM for minutes.
        line("  server's heap by class with them (jcmd GC.class_histogram, the 15 largest):");
        for (String l : classHistogram(15)) {
          line("    %s", l);
        }
      }
    } finally {
      for (VisitorProcess p : processes) {
        p.stop();
      }
      write();
    }
  }

  /**
   * One {@link IdleVisitors} process, launched with this JVM's class path; its answers are read
   * from its standard output, its errors go to {@code target/idle-visitors-n.log}.
   */
  static final class VisitorProcess {
    private final Process process;
    private final java.io.Writer commands;
    private final java.util.concurrent.BlockingQueue<String> replies =
        new java.util.concurrent.LinkedBlockingQueue<>();
    int held;

    private VisitorProcess(Process process) {
      this.process = process;
      this.commands =
          new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread.ofPlatform()
          .daemon()
          .name("idle-visitors-reader")
          .start(
              () -> {
                try (var out =
                    new java.io.BufferedReader(
                        new java.io.InputStreamReader(
                            process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String l = out.readLine(); l != null; l = out.readLine()) {
                    if (l.startsWith(IdleVisitors.REPLY)) {
                      replies.add(l.substring(IdleVisitors.REPLY.length()));
                    }
                  }
                } catch (IOException e) {
                  replies.add("gone " + e);
                }
                replies.add("gone");
              });
    }

    static VisitorProcess start(int n, String base, int concurrency) throws IOException {
      Path log = Path.of("target/idle-visitors-" + n + ".log");
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  IdleVisitors.class.getName(),
                  base,
                  SHOP,
                  "test-shop",
                  Integer.toString(concurrency))
              .redirectError(log.toFile())
              .start();
      return new VisitorProcess(p);
    }

    /** Sends one command and waits for its one-line answer. */
    String ask(String command) throws Exception {
      commands.write(command + "\n");
      commands.flush();
      String reply = replies.poll(10, TimeUnit.MINUTES);
      if (reply == null || reply.startsWith("gone")) {
        throw new IllegalStateException("idle visitors process: no answer to " + command);
      }
      return reply;
    }

    void stop() throws Exception {
      if (process.isAlive()) {
        try {
          commands.write("quit\n");
          commands.flush();
        } catch (IOException alreadyGone) {
          // It ended on its own; nothing to tell it.
        }
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void coldStartOfManyQuestions() throws Exception {
    int count = Integer.getInteger("bench.cold-start", 100_000);
    String lang = System.getProperty("bench.cold-start-lang", "en");
    List<String> questions = questions(lang, count);
    StringBuilder csv = new StringBuilder("text\n");
    for (String q : questions) {
      csv.append('"').append(q.replace("\"", "\"\"")).append("\"\n");
    }
    CampaignApi admin = new CampaignApi(port);
    System.gc();
    long heapFrom = heapUsed();
    long rssFrom = rssBytes();
    long cpuFrom = cpuNanos();
    long from = System.nanoTime();
    HttpResponse<String> started =
        admin.upload(
            "/api/v1/kb/cold-start?lang=" + lang,
            "history.csv",
            csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String job = admin.read(started.body()).get("jobId").asText();
    line(
        "cold start, %s, %d %s questions (%.1f MB CSV), upload %.1f s",
        Instant.now(), count, lang, csv.length() / 1e6, since(from));
    List<String> progress = new ArrayList<>();
    java.util.concurrent.atomic.AtomicLong heapPeakAt =
        new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong rssPeakAt = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong lastPrint = new java.util.concurrent.atomic.AtomicLong();
    // Sampled once a second (progress, heap, resident set) until the job leaves "running".
    JsonNode state =
        await()
            .atMost(Duration.ofMinutes(60))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  JsonNode now = admin.getJson("/api/v1/kb/cold-start/" + job);
                  heapPeakAt.accumulateAndGet(heapUsed(), Math::max);
                  rssPeakAt.accumulateAndGet(rssBytes(), Math::max);
                  String p = String.format(Locale.ROOT, "%.3f", now.get("progress").asDouble());
                  if (progress.isEmpty() || !progress.get(progress.size() - 1).endsWith(" " + p)) {
                    progress.add(String.format(Locale.ROOT, "%.0fs %s", since(from), p));
                  }
                  if (System.nanoTime() - lastPrint.get() > 30_000_000_000L) {
                    lastPrint.set(System.nanoTime());
                    line("  %.0f s: progress %s", since(from), p);
                  }
                  return now;
                },
                now -> !now.get("state").asText().equals("running"));
    long heapPeak = heapPeakAt.get();
    long rssPeak = rssPeakAt.get();
    double wall = since(from);
    double cpu = (cpuNanos() - cpuFrom) / 1e9;
    line(
        "state %s after %.1f s wall, %.1f s CPU (the whole JVM), %d clusters, %d unclustered; heap"
            + " peak +%.0f MB, resident set peak +%.0f MB; load %.2f",
        state.get("state").asText(),
        wall,
        cpu,
        state.get("clusters").size(),
        state.get("unclustered").size(),
        (heapPeak - heapFrom) / 1e6,
        (rssPeak - rssFrom) / 1e6,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    line("progress seen (%d distinct values): %s", progress.size(), String.join(", ", progress));
    assertThat(state.get("state").asText()).isEqualTo("done");
    assertThat(progress.size()).isGreaterThan(2);
    write();
  }

  /**
   * {@code count} questions of one language: the FAQ test set's questions and paraphrases with a
   * greeting, a tail, an order number or a dropped word, deterministic.
   */
  static List<String> questions(String lang, int count) throws IOException {
    List<String> base = new ArrayList<>();
    for (String row :
        Files.readAllLines(Path.of("../online-chat/src/test/resources/kb/faqs.csv"))) {
      List<String> cells = cells(row);
      if (cells.size() > 4 && cells.get(4).equals(lang)) {
        for (String text : List.of(cells.get(1), cells.get(2))) {
          if (!text.isBlank()) {
            base.add(text);
          }
        }
      }
    }
    boolean zh = lang.equals("zh");
    String[] heads =
        zh
            ? new String[] {"", "你好，", "请问", "亲，", "麻烦问下，", "客服，", "在吗？"}
            : new String[] {"", "hi, ", "hello ", "excuse me, ", "quick question: ", "hey "};
    String[] tails =
        zh
            ? new String[] {"", "谢谢", "？", "啊", "，急", "，在线等", "呢"}
            : new String[] {"", " thanks", " please", "??", " asap", " thank you!"};
    Random random = new Random(13);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String text = base.get(random.nextInt(base.size()));
      if (!zh && random.nextInt(4) == 0) {
        String[] words = text.split(" ");
        if (words.length > 3) {
          int drop = random.nextInt(words.length);
          StringBuilder b = new StringBuilder();
          for (int w = 0; w < words.length; w++) {
            if (w != drop) {
              b.append(b.isEmpty() ? "" : " ").append(words[w]);
            }
          }
          text = b.toString();
        }
      }
      if (random.nextInt(5) == 0) {
        text = text + (zh ? "，订单号" : " order ") + (100000 + random.nextInt(900000));
      }
      text = heads[random.nextInt(heads.length)] + text + tails[random.nextInt(tails.length)];
      out.add(zh || random.nextBoolean() ? text : text.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  // ---- visitors ----

  private List<Socket> openVisitors(int count, boolean askForAPerson) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Socket>> opened = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        opened.add(
            pool.submit(
                () -> {
                  Socket s = connect(open());
                  if (askForAPerson) {
                    s.ws
                        .sendText(
                            "{\"type\":\"message\",\"clientMessageId\":\"h\",\"text\":\"agent please\"}",
                            true)
                        .get(10, TimeUnit.SECONDS);
                  }
                  return s;
                }));
      }
      List<Socket> sockets = new ArrayList<>();
      for (Future<Socket> f : opened) {
        sockets.add(f.get(5, TimeUnit.MINUTES));
      }
      return sockets;
    } finally {
      pool.shutdownNow();
    }
  }

  record Visitor(String conversationId, String token) {}

  private Visitor open() throws Exception {
    HttpResponse<String> opened =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chat/api/sessions"))
                .header("Origin", SHOP)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"site\":\"test-shop\",\"lang\":\"en\"}", StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (opened.statusCode() != 200) {
      throw new IllegalStateException("session " + opened.statusCode() + ": " + opened.body());
    }
    JsonNode session = JSON.readTree(opened.body());
    return new Visitor(
        session.get("conversationId").asText(), session.get("visitorToken").asText());
  }

  private Socket connect(Visitor v) throws Exception {
    Socket socket = new Socket();
    socket.ws =
        http.newWebSocketBuilder()
            .header("Origin", SHOP)
            .buildAsync(
                URI.create(
                    "ws://127.0.0.1:"
                        + port
                        + "/chat/ws?conversation="
                        + v.conversationId
                        + "&token="
                        + v.token
                        + "&after=0"),
                socket)
            .get(60, TimeUnit.SECONDS);
    return socket;
  }

  /**
   * A visitor's socket: acknowledgements and the visitor's own messages coming back are timed
   * against {@link #sentAt}; other messages are kept as text.
   */
  static final class Socket implements WebSocket.Listener {
    final List<String> texts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    volatile WebSocket ws;
    volatile boolean joined;
    CompletionStage<WebSocket> sending =
        java.util.concurrent.CompletableFuture.completedFuture(null);
    volatile Map<String, Long> sentAt = Map.of();
    volatile List<Long> acks = new ArrayList<>();
    volatile List<Long> echoes = new ArrayList<>();
    volatile AtomicInteger errors = new AtomicInteger();
    volatile java.util.concurrent.atomic.AtomicLong lastAck =
        new java.util.concurrent.atomic.AtomicLong();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      long now = System.nanoTime();
      partial.append(data);
      if (last) {
        try {
          JsonNode frame = JSON.readTree(partial.toString());
          String type = frame.path("type").asText();
          String id = frame.path("clientMessageId").asText("");
          Long at = sentAt.get(id);
          if (type.equals("ack")) {
            if (at != null) {
              acks.add(now - at);
              lastAck.accumulateAndGet(now, Math::max);
            }
          } else if (type.equals("error")) {
            errors.incrementAndGet();
          } else if (type.equals("message")) {
            if (at != null && frame.path("sender").asText().equals("visitor")) {
              echoes.add(now - at);
            } else {
              String text = frame.path("text").asText();
              texts.add(text);
              joined |= text.contains("has joined");
            }
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }

  /**
   * Opens every agent's stream, four at a time. Each stream signs in with HTTP Basic and so costs
   * one password hash, which the server runs on its own thread or two with a short queue and
   * refuses beyond it at once (503, {@code BoundedPasswordHashing}), as it would a burst of
   * sign-ins: 100 streams opened at once got mostly 503s, and their screens never said ready. (The
   * page signs in once and its stream rides the session.) A refused stream tries again.
   */
  private List<AgentScreen> connectScreens(List<String> names) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<AgentScreen>> opened = new ArrayList<>();
      for (String name : names) {
        opened.add(
            pool.submit(
                () ->
                    await()
                        .atMost(Duration.ofMinutes(2))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(250))
                        .until(
                            () ->
                                AgentScreen.connect(
                                    streams,
                                    uri("/api/v1/chat/agent/events"),
                                    basic(name),
                                    refusedScreens),
                            java.util.Objects::nonNull)));
      }
      List<AgentScreen> screens = new ArrayList<>();
      for (Future<AgentScreen> f : opened) {
        screens.add(f.get(3, TimeUnit.MINUTES));
      }
      return screens;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * One agent's chat screen: the stream the page's EventSource reads, signed in as the agent. A
   * visitor message that arrives on it is timed against {@link #sentAt}.
   */
  static final class AgentScreen {
    final AtomicInteger ready = new AtomicInteger();
    final AtomicInteger assigned = new AtomicInteger();
    volatile Map<String, Long> sentAt = Map.of();
    volatile List<Long> latencies = new ArrayList<>();
    private final HttpResponse<java.util.stream.Stream<String>> response;

    private AgentScreen(HttpResponse<java.util.stream.Stream<String>> response) {
      this.response = response;
      // A platform thread each: a reader blocked in the line reader must not hold one of the
      // two carrier threads virtual threads share on this machine.
      Thread.ofPlatform().daemon().name("agent-screen").start(this::read);
    }

    /** The agent's open stream, or null when the server refused it (counted in refused). */
    static AgentScreen connect(HttpClient http, URI uri, String auth, AtomicInteger refused)
        throws Exception {
      HttpResponse<java.util.stream.Stream<String>> response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", auth)
                  .header("Accept", "text/event-stream")
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      if (response.statusCode() == 200) {
        return new AgentScreen(response);
      }
      response.body().close();
      if (response.statusCode() != 503) {
        throw new IllegalStateException("agent stream answered " + response.statusCode());
      }
      refused.incrementAndGet();
      return null;
    }

    private void read() {
      try {
        String event = "message";
        for (String line : (Iterable<String>) response.body()::iterator) {
          long now = System.nanoTime();
          if (line.startsWith("event:")) {
            event = line.substring("event:".length()).trim();
          } else if (line.startsWith("data:")) {
            switch (event) {
              case "ready" -> ready.incrementAndGet();
              case "assigned" -> assigned.incrementAndGet();
              case "message" -> {
                JsonNode m = JSON.readTree(line.substring("data:".length()));
                Long at = sentAt.get(m.path("clientMessageId").asText(""));
                if (at != null && m.path("sender").asText().equals("visitor")) {
                  latencies.add(now - at);
                }
              }
              default -> {}
            }
            event = "message";
          }
        }
      } catch (Exception e) {
        System.out.println("agent screen closed: " + e);
      }
    }

    void close() {
      response.body().close();
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String basic(String name) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((name + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  // ---- measuring ----

  private static long[] sorted(List<Long> values) {
    synchronized (values) {
      return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }
  }

  private static double pct(long[] sortedNanos, int p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    return sortedNanos[Math.min(sortedNanos.length - 1, sortedNanos.length * p / 100)] / 1e6;
  }

  private static double since(long fromNanos) {
    return (System.nanoTime() - fromNanos) / 1e9;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long rssBytes() throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return 0;
  }

  private static long openFiles() {
    String[] fds = new java.io.File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }

  private static List<String> classHistogram(int top) throws Exception {
    Path out = Path.of("target/idle-histogram.txt");
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(ProcessHandle.current().pid()),
                "GC.class_histogram")
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    if (!jcmd.waitFor(10, TimeUnit.MINUTES)) {
      jcmd.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    List<String> picked = new ArrayList<>();
    lines.stream().filter(l -> l.trim().startsWith("num")).findFirst().ifPresent(picked::add);
    lines.stream().filter(l -> l.matches("\\s+\\d+:.*")).limit(top).forEach(picked::add);
    lines.stream().filter(l -> l.startsWith("Total")).findFirst().ifPresent(picked::add);
    return picked;
  }

  /** This process's soft limit on open files (the JVM raises it to the hard limit at start). */
  private static long openFileLimit() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/limits")).stream()
        .filter(l -> l.startsWith("Max open files"))
        .map(l -> Long.parseLong(l.substring("Max open files".length()).trim().split("\\s+")[0]))
        .findFirst()
        .orElseThrow();
  }

  /** This process's open descriptors by kind, as counted in {@code /proc/self/fd}. */
  record Descriptors(int total, Map<String, Integer> kinds) {

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder().append(total).append(" (");
      kinds.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(e -> b.append(e.getValue()).append(' ').append(e.getKey()).append(", "));
      b.setLength(b.length() - 2);
      return b.append(')').toString();
    }
  }

  private Descriptors descriptors() throws IOException {
    Map<Long, String> sockets = socketKinds();
    Map<String, Integer> kinds = new java.util.TreeMap<>();
    java.io.File[] fds = new java.io.File("/proc/self/fd").listFiles();
    for (java.io.File fd : fds) {
      String to;
      try {
        to = Files.readSymbolicLink(fd.toPath()).toString();
      } catch (IOException closedMeanwhile) {
        continue;
      }
      String kind;
      if (to.startsWith("socket:[")) {
        kind =
            sockets.getOrDefault(
                Long.parseLong(to.substring("socket:[".length(), to.length() - 1)),
                "other sockets");
      } else if (to.startsWith("pipe:")) {
        kind = "pipes";
      } else if (to.startsWith("anon_inode:")) {
        kind = to.substring("anon_inode:".length()).replaceAll("[\\[\\]]", "");
      } else if (to.endsWith(".jar")) {
        kind = "jar files";
      } else if (to.contains("kafka")) {
        kind = "Kafka broker files";
      } else {
        kind = "other files";
      }
      kinds.merge(kind, 1, Integer::sum);
    }
    return new Descriptors(fds.length, kinds);
  }

  /** What each socket of the machine is, by inode, from /proc/net (TCP by its ports). */
  private Map<Long, String> socketKinds() throws IOException {
    Map<Integer, String> services = new java.util.HashMap<>();
    java.util.regex.Matcher pg =
        java.util.regex.Pattern.compile(":(\\d+)/")
            .matcher(env.getProperty("spring.datasource.url", ""));
    if (pg.find()) {
      services.put(Integer.valueOf(pg.group(1)), "PostgreSQL");
    }
    services.put(env.getProperty("spring.data.redis.port", Integer.class, -1), "Redis");
    services.put(env.getProperty("cc.pbx.ami.port", Integer.class, -1), "Asterisk AMI");
    java.util.regex.Matcher kafka =
        java.util.regex.Pattern.compile(":(\\d+)")
            .matcher(env.getProperty("spring.kafka.bootstrap-servers", ""));
    while (kafka.find()) {
      services.put(Integer.valueOf(kafka.group(1)), "Kafka (client and in-JVM broker ends)");
    }
    Map<Long, String> kinds = new java.util.HashMap<>();
    for (String table : List.of("tcp", "tcp6")) {
      for (NetEntry e : netEntries(table)) {
        String kind;
        if (e.state.equals("0A")) {
          kind = "listening";
        } else if (e.local == port) {
          kind = "server's HTTP port (visitors)";
        } else if (services.containsKey(e.remote)) {
          kind = services.get(e.remote);
        } else if (services.containsKey(e.local)) {
          kind = services.get(e.local);
        } else {
          kind = "other TCP";
        }
        kinds.put(e.inode, kind);
      }
    }
    for (String table : List.of("udp", "udp6")) {
      for (NetEntry e : netEntries(table)) {
        kinds.put(e.inode, "UDP");
      }
    }
    List<String> unix = Files.readAllLines(Path.of("/proc/net/unix"));
    for (String l : unix.subList(1, unix.size())) {
      String[] f = l.trim().split("\\s+");
      if (f.length > 6) {
        kinds.put(Long.parseLong(f[6]), "Unix sockets");
      }
    }
    return kinds;
  }

  record NetEntry(int local, int remote, String state, long inode) {}

  private static List<NetEntry> netEntries(String table) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("/proc/net", table));
    List<NetEntry> entries = new ArrayList<>(lines.size());
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.trim().split("\\s+");
      entries.add(
          new NetEntry(
              Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16),
              Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16),
              f[3],
              Long.parseLong(f[9])));
    }
    return entries;
  }

  /**
   * Connections established on a local port (the server's ends, whichever process holds the other).
   */
  private static int established(int localPort) throws IOException {
    int n = 0;
    for (String table : List.of("tcp", "tcp6")) {
      for (NetEntry e : netEntries(table)) {
        if (e.local == localPort && e.state.equals("01")) {
          n++;
        }
      }
    }
    return n;
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", ADMIN)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void line(String format, Object... args) {
    String l = String.format(Locale.ROOT, format, args);
    System.out.println(l);
    report.append(l).append('\n');
  }

  private void write() throws IOException {
    Files.writeString(
        Path.of("target/chat-load-benchmark.txt"),
        report.toString(),
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }
}

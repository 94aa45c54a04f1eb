package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.WithdrawReason;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How soon a change reaches a supervisor's wallboard: a client holds the wallboard's server-sent
 * event stream (as the page does) while the routing engine changes underneath it; for each change
 * the time from the call into routing to the first pushed board that shows it. Two kinds, {@code
 * bench.changes} (30) of each: an agent's state (not ready ↔ ready) and a queue's waiting count (a
 * chat enqueued into the {@code vip} queue, then withdrawn). Issue 12's goal: ≤ 1 s after the
 * event. Prints and writes {@code app/target/wallboard-push-benchmark.txt}. Run alone (other tests'
 * agents would take the chats); not part of the test suite; see docs/benchmarks.md.
 */
@ContactCenterIT
class WallboardPushBenchmark {

  private static final String PASSWORD = "wallboard-bench-password";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ContactRouting routing;
  @Autowired AgentDesk desk;
  @Autowired AgentDirectory agents;

  private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();

  /** One pushed board and when it arrived. */
  private record Frame(long arrivedNanos, JsonNode board) {}

  @Test
  void changesReachTheWallboardStream() throws Exception {
    int changes = Integer.getInteger("bench.changes", 30);
    TestUsers users = new TestUsers(port, PASSWORD);
    String supervisor = users.create("SUPERVISOR");
    String agent = users.create("AGENT");
    // No skill in the vip queue: the benchmark's chats stay waiting.
    agents.save(new AgentSettings(agent, Map.of("support", 1), 1, 0, 0, ""));
    desk.logIn(agent);
    desk.notReady(agent, "break");

    var stream =
        HttpClient.newHttpClient()
            .sendAsync(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + port + "/api/v1/supervisor/wallboard/stream"))
                    .header("Authorization", basic(supervisor))
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    stream.thenAccept(r -> r.body().forEach(this::onLine));
    try {
      awaitBoard(b -> agentState(b, agent).equals("NOT_READY"), System.nanoTime());

      List<Long> agentMillis = new ArrayList<>();
      for (int i = 0; i < changes; i++) {
        boolean toReady = i % 2 == 0;
        String expected = toReady ? "READY" : "NOT_READY";
        frames.clear();
        long start = System.nanoTime();
        if (toReady) {
          desk.ready(agent);
        } else {
          desk.notReady(agent, "break");
        }
        agentMillis.add(awaitBoard(b -> agentState(b, agent).equals(expected), start));
      }

      List<Long> queueMillis = new ArrayList<>();
      for (int i = 0; i < changes; i++) {
        frames.clear();
        long start = System.nanoTime();
        ContactId chat =
            routing.enqueue(
                new NewContact(
                    ContactChannel.CHAT, "wallboard-bench-" + UUID.randomUUID(), "vip", false, ""));
        queueMillis.add(awaitBoard(b -> waiting(b, "vip") == 1, start));
        frames.clear();
        start = System.nanoTime();
        routing.withdraw(chat, WithdrawReason.CANCELLED);
        queueMillis.add(awaitBoard(b -> waiting(b, "vip") == 0, start));
      }

      String report =
          String.format(
              Locale.ROOT,
              "Wallboard push, change -> pushed board (ms), %d agent-state and %d queue changes%n"
                  + "  agent state  %s%n"
                  + "  queue count  %s%n"
                  + "  all          %s%n",
              agentMillis.size(),
              queueMillis.size(),
              summary(agentMillis),
              summary(queueMillis),
              summary(concat(agentMillis, queueMillis)));
      System.out.print(report);
      Files.writeString(Path.of("target/wallboard-push-benchmark.txt"), report);
      assertThat(agentMillis).hasSize(changes);
    } finally {
      stream.cancel(true);
      desk.logOut(agent);
    }
  }

  private void onLine(String line) {
    if (line.startsWith("data:")) {
      long now = System.nanoTime();
      try {
        frames.add(new Frame(now, JSON.readTree(line.substring(5))));
      } catch (Exception e) {
        throw new IllegalStateException("not a board: " + line, e);
      }
    }
  }

  /** Milliseconds from {@code startNanos} to the first pushed board that {@code shows}. */
  private long awaitBoard(Predicate<JsonNode> shows, long startNanos) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      Frame frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new AssertionError("no pushed board showed the change within 10 s");
      }
      if (shows.test(frame.board())) {
        return TimeUnit.NANOSECONDS.toMillis(frame.arrivedNanos() - startNanos);
      }
    }
  }

  private static String agentState(JsonNode board, String agent) {
    for (JsonNode row : board.get("agents")) {
      if (row.get("agentId").asText().equals(agent)) {
        return row.get("state").asText();
      }
    }
    return "";
  }

  private static int waiting(JsonNode board, String queue) {
    for (JsonNode row : board.get("queues")) {
      if (row.get("queue").asText().equals(queue)) {
        return row.get("waiting").asInt();
      }
    }
    return -1;
  }

  private static List<Long> concat(List<Long> a, List<Long> b) {
    List<Long> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String summary(List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "n=%d min %d p50 %d p95 %d max %d",
        sorted.size(),
        sorted.get(0),
        percentile(sorted, 50),
        percentile(sorted, 95),
        sorted.get(sorted.size() - 1));
  }

  private static long percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}

package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactOffered;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.WithdrawReason;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.TestUsers;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Offer → screen pop complete (issue 12: p95 ≤ 500 ms with a customer who has 200 history items) on
 * the real application (embedded PostgreSQL, Redis, Kafka; no Asterisk). Seeds one customer with
 * 200 earlier contacts (40 calls with their 40 IVR sessions, 30 robot attempts of 4 turns, 30
 * dispositions, 30 chats of 3 messages, 30 tickets) spread over a year, among {@code
 * bench.background} (20,000) rows of each kind from 4,000 other customers, as SQL inserts (the
 * modules write these rows from calls, chats and robot dialogues, which have no API to replay
 * them).
 *
 * <p>Then, {@code bench.iterations} (200) times after {@code bench.warm-up} (50): a contact of the
 * customer is queued, routing offers it to the one ready agent, and the agent's status stream (the
 * page's {@code GET /api/v1/agent/events}, signed in through the login form like the page) pushes
 * the offer; the benchmark then asks what the page asks for an offered call, at once: {@code GET
 * /agent/api/screen-pop/{contactId}} (on the push) and {@code GET /agent/api/timeline?caller=} (on
 * the softphone's INVITE). Measured from the moment the offer was committed ({@link
 * ContactOffered}) to both answers in hand; the two requests alone are printed too. The contact is
 * a ticket contact of no stored ticket: a call would need Asterisk to hold the caller and ring the
 * agent's phone, and the screen pop is the same for every channel. Prints min/p50/p95/max and the
 * timeline's items per kind and writes {@code app/target/screen-pop-benchmark.txt}. Not part of the
 * test suite (its name does not end in IT); see docs/benchmarks.md.
 */
@ContactCenterIT
class ScreenPopBenchmark {

  private static final String PASSWORD = "screen-pop-benchmark-password";
  private static final String CUSTOMER = "+8613900139000";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired AgentDesk desk;
  @Autowired AgentDirectory agents;
  @Autowired ContactRouting routing;
  @Autowired Offers offers;

  private final ObjectMapper json = new ObjectMapper();

  /** When each offer was committed, by contact. */
  @TestConfiguration(proxyBeanMethods = false)
  static class BenchmarkConfiguration {
    @Bean
    Offers offers() {
      return new Offers();
    }
  }

  // Not final: the context proxies listener beans.
  static class Offers {
    final Map<ContactId, CompletableFuture<Long>> committed = new ConcurrentHashMap<>();

    @TransactionalEventListener(fallbackExecution = true)
    void on(ContactOffered offered) {
      committed.computeIfAbsent(offered.id(), id -> new CompletableFuture<>()).complete(now());
    }

    CompletableFuture<Long> of(ContactId id) {
      return committed.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    void forget(ContactId id) {
      committed.remove(id);
    }
  }

  @Test
  void offerToScreenPopComplete() throws Exception {
    int background = Integer.getInteger("bench.background", 20_000);
    int iterations = Integer.getInteger("bench.iterations", 200);
    int warmUp = Integer.getInteger("bench.warm-up", 50);
    long seedStart = System.nanoTime();
    seed(background);
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

    String agent = new TestUsers(port, PASSWORD).create("AGENT");
    agents.save(new AgentSettings(agent, Map.of("support", 3), 0, 1, 0, ""));
    Page page = Page.signIn(port, agent, PASSWORD);
    desk.logIn(agent);
    desk.ready(agent);
    StatusStream stream = page.follow();

    List<Long> total = new ArrayList<>();
    List<Long> screenPop = new ArrayList<>();
    List<Long> timeline = new ArrayList<>();
    JsonNode last = null;
    for (int i = 0; i < warmUp + iterations; i++) {
      ContactId id =
          routing.enqueue(
              new NewContact(
                  ContactChannel.TICKET,
                  "pop-bench-" + UUID.randomUUID(),
                  "support",
                  false,
                  CUSTOMER));
      long offered = offers.of(id).get(30, TimeUnit.SECONDS);
      stream.awaitOffer(id.value());
      long asked = now();
      CompletableFuture<Timed> pop = page.getAsync("/agent/api/screen-pop/" + id.value());
      CompletableFuture<Timed> items =
          page.getAsync(
              "/agent/api/timeline?caller=" + URLEncoder.encode(CUSTOMER, StandardCharsets.UTF_8));
      Timed popped = pop.get(60, TimeUnit.SECONDS);
      Timed listed = items.get(60, TimeUnit.SECONDS);
      long done = Math.max(popped.at(), listed.at());
      assertThat(popped.response().statusCode()).as(popped.response().body()).isEqualTo(200);
      assertThat(listed.response().statusCode()).as(listed.response().body()).isEqualTo(200);
      if (i >= warmUp) {
        total.add(done - offered);
        screenPop.add(popped.at() - asked);
        timeline.add(listed.at() - asked);
      }
      last = json.readTree(popped.response().body());
      routing.withdraw(id, WithdrawReason.CANCELLED);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> desk.status(agent).offers().isEmpty());
      if (desk.status(agent).state() != AgentState.READY) {
        desk.ready(agent);
      }
      offers.forget(id);
    }
    stream.close();
    desk.logOut(agent);

    Map<String, Integer> kinds = new TreeMap<>();
    last.get("timeline").forEach(item -> kinds.merge(item.get("kind").asText(), 1, Integer::sum));
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Offer -> screen pop complete: 1 customer with 200 history items among %,d rows of each"
                + " kind from other customers (seeded in %.1f s); %d runs after %d warm-up; %d"
                + " processors%n",
            background,
            seedSeconds,
            iterations,
            warmUp,
            Runtime.getRuntime().availableProcessors()));
    out.append(line("offer -> pop complete", total));
    out.append(line("GET screen-pop", screenPop));
    out.append(line("GET timeline", timeline));
    out.append("timeline items by kind: ").append(kinds).append(System.lineSeparator());
    out.append(plans());
    System.out.println(out);
    Path file = Path.of("target", "screen-pop-benchmark.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, out.toString());
    assertThat(kinds).containsKeys("CALL", "ROBOT", "DISPOSITION", "CHAT", "TICKET");
  }

  // ---- data ----

  /** Rows of one customer (200 items) and of 4,000 others ({@code background} of each kind). */
  private void seed(int background) {
    int others = 4_000;
    // Every row's time: up to a year ago, spread by a hash of its number.
    String bgTime = "now() - make_interval(secs => abs(hashint4(i)::bigint) % 31536000)";
    String bgPhone = "'+86137' || lpad((i % " + others + ")::text, 8, '0')";
    String popTime = "now() - make_interval(days => i * 9, hours => 1)";
    String visits =
        "'[{\"nodeId\":\"welcome\",\"enteredAt\":\"2026-01-01T00:00:00Z\",\"millis\":4200,"
            + "\"inputs\":[\"2\"]},{\"nodeId\":\"orders\",\"enteredAt\":\"2026-01-01T00:00:04Z\","
            + "\"millis\":9100,\"inputs\":[\"20261201\"]},{\"nodeId\":\"agent\","
            + "\"enteredAt\":\"2026-01-01T00:00:13Z\",\"millis\":0,\"inputs\":[]}]'";
    for (String[] who :
        List.of(
            new String[] {"bg", bgPhone, bgTime, String.valueOf(background)},
            new String[] {"pop", "'" + CUSTOMER + "'", popTime, "40"})) {
      String prefix = who[0];
      String phone = who[1];
      String time = who[2];
      int n = Integer.parseInt(who[3]);
      exec(
          """
          INSERT INTO pbx_call_detail_record (call_id, linked_id, channel, caller, callee, cause,
              cause_text, started_at, answered_at, ended_at, duration_seconds, billable_seconds)
          SELECT '%1$s-call-' || i, '%1$s-call-' || i, 'PJSIP/trunk-' || i, phone, '4100', 16,
                 'Normal Clearing', t - interval '4 min', t - interval '230 s', t, 240, 230
          FROM (SELECT i, %2$s AS phone, %3$s AS t FROM generate_series(1, %4$d) i) s
          """
              .formatted(prefix, phone, time, n));
      exec(
          """
          INSERT INTO ivr_session (session_id, call_id, flow_id, flow_version, caller, language,
              started_at, ended_at, path, visits, intent, self_service, outcome)
          SELECT gen_random_uuid(), '%1$s-call-' || i, 'hotline', 3, phone, 'zh',
                 t - interval '4 min', t - interval '230 s', 'welcome > orders > agent',
                 CAST(%5$s AS jsonb), 'orders', 'FOUND', 'TO_AGENT'
          FROM (SELECT i, %2$s AS phone, %3$s AS t FROM generate_series(1, %4$d) i) s
          """
              .formatted(prefix, phone, time, n, visits));
      int some = prefix.equals("pop") ? 30 : background;
      exec(
          """
          INSERT INTO robot_attempt (attempt_id, phone, script_id, script_version, language,
              variables, requested_by, status, dial_outcome, outcome, call_id, created_at,
              answered_at, ended_at)
          SELECT 'robot-%1$s-' || i, phone, 'balance', 2, 'zh', CAST('{"amount":"120.50"}' AS jsonb),
                 'campaign-7', 'FINISHED', 'ANSWERED', 'AGREED', '%1$s-robot-call-' || i,
                 t, t + interval '5 s', t + interval '70 s'
          FROM (SELECT i, %2$s AS phone, %3$s AS t FROM generate_series(1, %4$d) i) s
          """
              .formatted(prefix, phone, time, some));
      exec(
          """
          INSERT INTO robot_turn (attempt_id, seq, at, step, speaker, text, label, confidence)
          SELECT 'robot-%1$s-' || i, seq, now(), 'remind',
                 CASE WHEN seq %% 2 = 1 THEN 'ROBOT' ELSE 'CALLEE' END,
                 CASE WHEN seq %% 2 = 1 THEN '您好，您的账单已出，请按时还款。' ELSE '好的，我明天还。' END,
                 CASE WHEN seq %% 2 = 0 THEN 'agree' END, 0.92
          FROM generate_series(1, %2$d) i, generate_series(1, 4) seq
          """
              .formatted(prefix, some));
      exec(
          """
          INSERT INTO agent_disposition (call_id, agent, caller, disposition, notes, recorded_at)
          SELECT '%1$s-call-' || i, 'agent-' || (i %% 300), phone, 'FOLLOW_UP',
                 'asked about the refund of order 20261201; promised to call back', t
          FROM (SELECT i, %2$s AS phone, %3$s AS t FROM generate_series(1, %4$d) i) s
          """
              .formatted(prefix, phone, time, some));
      exec(
          """
          INSERT INTO chat_conversation (conversation_id, site, visitor_id, customer_phone,
              language, state, agent, created_at, ended_at)
          SELECT '%1$s-chat-' || i, 'test-shop', 'visitor-%1$s-' || i, phone, 'zh', 'ENDED',
                 'agent-' || (i %% 300), t, t + interval '6 min'
          FROM (SELECT i, %2$s AS phone, %3$s AS t FROM generate_series(1, %4$d) i) s
          """
              .formatted(prefix, phone, time, some));
      exec(
          """
          INSERT INTO chat_message (conversation_id, seq, sender, client_message_id, body, sent_at)
          SELECT '%1$s-chat-' || i, seq, CASE WHEN seq = 2 THEN 'BOT' ELSE 'VISITOR' END,
                 'm' || seq, '我的包裹什么时候到？订单 20261201', now()
          FROM generate_series(1, %2$d) i, generate_series(1, 3) seq
          """
              .formatted(prefix, some));
      exec(
          """
          INSERT INTO ticket (ticket_id, subject, subject_key, customer_phone, tier, channel,
              source_kind, source_ref, category, priority, sla_priority, status, assignee,
              group_name, tags, created_at, updated_at, custom_fields)
          SELECT 'T-%1$s-' || i, 'Where is my delivery ' || i, 'where is my delivery ' || i,
                 phone, 'STANDARD', 'PHONE', 'CALL', '%1$s-src-' || i, 'DELIVERY', 'NORMAL',
                 'NORMAL', 'CLOSED', 'agent-' || (i %% 300), 'support', CAST('{}' AS text[]), t, t,
                 CAST('{}' AS jsonb)
          FROM (SELECT i, %2$s AS phone, %3$s AS t FROM generate_series(1, %4$d) i) s
          """
              .formatted(prefix, phone, time, some));
    }
    for (String table :
        List.of(
            "pbx_call_detail_record",
            "ivr_session",
            "robot_attempt",
            "robot_turn",
            "agent_disposition",
            "chat_conversation",
            "chat_message",
            "ticket")) {
      exec("ANALYZE " + table);
    }
  }

  /** How PostgreSQL runs each query of the timeline for the customer. */
  private String plans() {
    String c = "'" + CUSTOMER + "'";
    String calls =
        String.join(
            ", ",
            java.util.stream.IntStream.rangeClosed(1, 40)
                .mapToObj(i -> "'pop-call-" + i + "'")
                .toList());
    Map<String, String> queries = new java.util.LinkedHashMap<>();
    queries.put(
        "calls.involving",
        "SELECT * FROM pbx_call_detail_record WHERE caller = %1$s OR callee = %1$s ORDER BY ended_at DESC LIMIT 50"
            .formatted(c));
    queries.put(
        "ivr.sessionsOfCalls",
        "SELECT * FROM ivr_session WHERE call_id IN (%s) ORDER BY started_at DESC"
            .formatted(calls));
    queries.put(
        "robot.toNumber",
        "SELECT * FROM robot_attempt WHERE phone = %s ORDER BY created_at DESC LIMIT 50"
            .formatted(c));
    queries.put(
        "robot turns", "SELECT * FROM robot_turn WHERE attempt_id = 'robot-pop-1' ORDER BY seq");
    queries.put(
        "dispositions.forCaller",
        "SELECT * FROM agent_disposition WHERE caller = %s ORDER BY recorded_at DESC LIMIT 50"
            .formatted(c));
    queries.put(
        "chats.ofCustomer",
        "SELECT * FROM chat_conversation WHERE customer_phone = %s ORDER BY created_at DESC LIMIT 50"
            .formatted(c));
    queries.put(
        "tickets.ofCustomer",
        "SELECT * FROM ticket WHERE customer_phone = %s ORDER BY created_at DESC LIMIT 50"
            .formatted(c));
    StringBuilder out =
        new StringBuilder("query plans (EXPLAIN ANALYZE):").append(System.lineSeparator());
    queries.forEach(
        (name, sql) -> {
          out.append("  ").append(name).append(System.lineSeparator());
          jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) " + sql)
              .query(String.class)
              .list()
              .forEach(l -> out.append("    ").append(l).append(System.lineSeparator()));
        });
    return out.toString();
  }

  private void exec(String sql) {
    jdbc.sql(sql).update();
  }

  // ---- the agent's page ----

  record Timed(HttpResponse<String> response, long at) {}

  /** An agent signed in through the login form, with the session cookie the page has. */
  static final class Page {
    private final int port;
    private final HttpClient http;

    private Page(int port) {
      this.port = port;
      this.http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .cookieHandler(new CookieManager())
              .connectTimeout(Duration.ofSeconds(30))
              .build();
    }

    static Page signIn(int port, String user, String password) throws Exception {
      Page page = new Page(port);
      HttpResponse<String> login =
          page.http.send(
              page.request("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
      Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
      assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
      String form =
          "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
      HttpResponse<String> signedIn =
          page.http.send(
              page.request("/login")
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.statusCode()).isEqualTo(302);
      assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
      return page;
    }

    CompletableFuture<Timed> getAsync(String path) {
      return http.sendAsync(
              request(path).header("Accept", "application/json").GET().build(),
              HttpResponse.BodyHandlers.ofString())
          .thenApply(r -> new Timed(r, now()));
    }

    /** The agent's status stream, as the page follows it. */
    StatusStream follow() throws Exception {
      HttpResponse<Stream<String>> events =
          http.send(
              request("/api/v1/agent/events").header("Accept", "text/event-stream").GET().build(),
              HttpResponse.BodyHandlers.ofLines());
      assertThat(events.statusCode()).isEqualTo(200);
      return new StatusStream(events.body());
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(60));
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }

  /** Reads the pushed statuses on a thread of its own; remembers the contacts offered. */
  static final class StatusStream implements AutoCloseable {
    private final Stream<String> lines;
    private final Map<String, CompletableFuture<Void>> offered = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final Thread reader;

    StatusStream(Stream<String> lines) {
      this.lines = lines;
      this.reader = Thread.ofPlatform().daemon().name("status-stream").start(this::read);
    }

    private void read() {
      try {
        lines
            .filter(l -> l.startsWith("data:"))
            .forEach(
                l -> {
                  try {
                    JsonNode status = json.readTree(l.substring(5));
                    status.path("offers").forEach(o -> of(o.get("id").asText()).complete(null));
                  } catch (IOException e) {
                    throw new IllegalStateException("not a status: " + l, e);
                  }
                });
      } catch (RuntimeException closed) {
        // The stream was closed at the end of the run.
      }
    }

    private CompletableFuture<Void> of(String contactId) {
      return offered.computeIfAbsent(contactId, k -> new CompletableFuture<>());
    }

    void awaitOffer(String contactId) throws Exception {
      of(contactId).get(30, TimeUnit.SECONDS);
      offered.remove(contactId);
    }

    @Override
    public void close() {
      lines.close();
      reader.interrupt();
    }
  }

  // ---- figures ----

  private static long now() {
    return System.nanoTime();
  }

  private static String line(String what, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "%-22s n=%3d  min %7.1f ms  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
        what,
        sorted.size(),
        sorted.get(0) / 1e6,
        pct(sorted, 0.50),
        pct(sorted, 0.95),
        sorted.get(sorted.size() - 1) / 1e6);
  }

  private static double pct(List<Long> sorted, double p) {
    int i = (int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1)));
    return sorted.get(i) / 1e6;
  }
}

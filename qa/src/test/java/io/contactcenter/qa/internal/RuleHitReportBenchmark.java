package io.contactcenter.qa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.contactcenter.qa.QaReports;
import io.contactcenter.qa.RuleKind;
import io.contactcenter.testinfra.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "most often broken rules" report ({@link QaReports#ruleHits}, {@code GET
 * /api/v1/qa/reports/rules}) over 30 and 90 days, before and after V127. Seeds a database of its
 * own on the project's test PostgreSQL with the qa migrations before V127 (up to V106) and {@code
 * bench.conversations} scored conversations (default 270,000: 1,500 a day for 180 days, each card
 * with 50 rule hits, about 9 % failed, as the scorer writes them), times the report's old query
 * (every card's JSONB hits unpacked, conversations counted distinct), migrates to V127 (timed: the
 * backfill of {@code qa_score_rule}), checks that old and new query give the same rows, and times
 * both again. Prints p50/min/max and writes them to {@code
 * qa/target/rule-hit-report-benchmark.txt}. Not part of the test suite; see docs/benchmarks.md.
 */
class RuleHitReportBenchmark {

  static final Instant NOW = Instant.parse("2026-12-03T00:00:00Z");

  /** The report's query before V127 (JdbcQaReports at commit f7e6c9e). */
  static final String BEFORE =
      """
      SELECT h->>'ruleName' AS rule_name, h->>'kind' AS kind, h->>'section' AS section,
          count(DISTINCT s.conversation_id) AS conversations,
          count(DISTINCT s.conversation_id) FILTER (WHERE NOT (h->>'passed')::boolean)
              AS failed_conversations,
          count(*) FILTER (WHERE NOT (h->>'passed')::boolean) AS failed_hits
      FROM qa_score s
      JOIN qa_recording r ON r.conversation_id = s.conversation_id
      LEFT JOIN qa_team_membership t ON t.agent = r.agent
          AND (t.valid_from IS NULL OR t.valid_from <= r.ended_at)
          AND (t.valid_to IS NULL OR r.ended_at < t.valid_to)
      CROSS JOIN LATERAL jsonb_array_elements(s.card->'hits') h
      WHERE r.ended_at >= ? AND r.ended_at < ?
        AND (CAST(? AS TEXT) IS NULL OR r.channel = ?)
        AND (CAST(? AS TEXT) IS NULL OR r.agent = ?)
        AND (CAST(? AS TEXT) IS NULL OR t.team = ?)
      GROUP BY 1, 2, 3
      ORDER BY failed_hits DESC, rule_name
      """;

  @Test
  void ruleHitReportBeforeAndAfterV127() {
    int conversations = Integer.getInteger("bench.conversations", 270_000);
    int runs = Integer.getInteger("bench.runs", 5);
    StringBuilder out = new StringBuilder();
    GenericApplicationContext context = new GenericApplicationContext();
    new TestInfrastructure.DatabaseInitializer().initialize(context);
    Environment env = context.getEnvironment();
    String url = env.getRequiredProperty("spring.datasource.url");
    String user = env.getRequiredProperty("spring.datasource.username");
    String password = env.getProperty("spring.datasource.password", "");
    migrate(url, user, password, "106");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(2);
    try (HikariDataSource ds = new HikariDataSource(config)) {
      JdbcClient jdbc = JdbcClient.create(ds);
      out.append(
          String.format(
              Locale.ROOT,
              "Rule hit report, %,d conversations over 180 days, 50 rules each, %d runs%n",
              conversations,
              runs));
      double seed = seconds(() -> seed(jdbc, conversations));
      out.append(String.format(Locale.ROOT, "seed: %.1f s%n", seed));
      List<Integer> ranges = List.of(30, 90);
      for (int days : ranges) {
        double[] before = time(runs, () -> before(jdbc, days));
        String line = line("before V127 (JSONB hits, count distinct)", days, before);
        System.out.print(line);
        out.append(line);
      }
      double migration =
          seconds(
              () -> {
                migrate(url, user, password, null);
                return null;
              });
      long rows = jdbc.sql("SELECT count(*) FROM qa_score_rule").query(Long.class).single();
      out.append(
          String.format(
              Locale.ROOT,
              "V127 migration (backfill of %,d qa_score_rule rows, index): %.1f s%n",
              rows,
              migration));
      jdbc.sql("ANALYZE qa_score_rule").update();
      JdbcQaReports reports =
          new JdbcQaReports(
              jdbc,
              new TransactionTemplate(new DataSourceTransactionManager(ds)),
              Clock.fixed(NOW, ZoneOffset.UTC),
              Duration.ofHours(48));
      for (int days : ranges) {
        List<QaReports.RuleFrequency> old = before(jdbc, days);
        List<QaReports.RuleFrequency> now = after(reports, days);
        assertThat(now).as("the same figures over %d days", days).isEqualTo(old);
        assertThat(now).hasSize(50);
      }
      for (int days : ranges) {
        // Alternately, so that both see the same load on the shared machine.
        double[] before = new double[runs];
        double[] after = new double[runs];
        for (int i = 0; i < runs; i++) {
          before[i] = seconds(() -> before(jdbc, days)) * 1000;
          after[i] = seconds(() -> after(reports, days)) * 1000;
        }
        out.append(line("after V127, old query (JSONB hits)", days, before));
        out.append(line("after V127, report (qa_score_rule)", days, after));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "qa_score: %s, qa_score_rule: %s%n",
              size(jdbc, "qa_score"),
              size(jdbc, "qa_score_rule")));
    }
    report(out.toString());
  }

  private static void migrate(String url, String user, String password, String target) {
    var flyway =
        Flyway.configure()
            .dataSource(url, user, password)
            .locations("filesystem:src/main/resources/db/migration");
    if (target != null) {
      flyway.target(target);
    }
    flyway.load().migrate();
  }

  /** Cards as the scorer writes them, one conversation every 57.6 s going back from NOW. */
  private static Void seed(JdbcClient jdbc, int n) {
    jdbc.sql(
            """
            INSERT INTO qa_recording (conversation_id, language, ended_at, state, not_before,
                enqueued_at, transcribed_at, duration_ms, words, channel, agent)
            SELECT 'bench-' || g, 'en', ?::timestamptz - (%d - g) * (interval '180 days' / %d),
                'DONE', now(), now(), now(), 300000, '[]'::jsonb,
                CASE WHEN g %% 5 = 0 THEN 'CHAT' ELSE 'CALL' END, 'agent' || (g %% 200)
            FROM generate_series(1, %d) g
            """
                .formatted(n, n, n))
        .param(Timestamp.from(NOW))
        .update();
    // A rule fails in about 9 % of conversations; a failed one is broken in one or two places.
    jdbc.sql(
            """
            INSERT INTO qa_score (conversation_id, score, auto_failed, card, scored_at, sampled)
            SELECT 'bench-' || g, 80, false,
                jsonb_build_object('score', 80, 'autoFailed', false,
                    'sections', (SELECT jsonb_agg(jsonb_build_object('section', 's' || s,
                        'points', 10, 'maxPoints', 12)) FROM generate_series(0, 4 + 0 * g) s),
                    'hits', (SELECT jsonb_agg(jsonb_build_object(
                            'ruleId', md5(r::text)::uuid, 'ruleName', 'Rule ' || r,
                            'kind', (ARRAY['REQUIRED_PHRASE', 'FORBIDDEN_PHRASE', 'MAX_SILENCE',
                                'TALK_OVER', 'SPEAKING_RATE'])[1 + r %% 5],
                            'section', 's' || (r %% 5), 'passed', NOT failed, 'autoFail', false,
                            'startMs', 1000 * r + 100 * p, 'endMs', 1000 * r + 100 * p + 800,
                            'evidence', CASE WHEN failed
                                THEN '"the agent said what the rule forbids here" ' || r
                                ELSE 'not said' END))
                        FROM (SELECT r, ((g * 31 + r * 17) %% 97) < 9 AS failed FROM
                            generate_series(1, 50) r) x
                        CROSS JOIN LATERAL generate_series(1,
                            CASE WHEN failed AND (g + r) %% 3 = 0 THEN 2 ELSE 1 END) p)),
                now(), false
            FROM generate_series(1, %d) g
            """
                .formatted(n))
        .update();
    jdbc.sql("ANALYZE qa_recording").update();
    jdbc.sql("ANALYZE qa_score").update();
    return null;
  }

  private static List<QaReports.RuleFrequency> before(JdbcClient jdbc, int days) {
    return jdbc.sql(BEFORE)
        .params(params(days))
        .query(
            (rs, n) -> {
              long conversations = rs.getLong("conversations");
              long failed = rs.getLong("failed_conversations");
              return new QaReports.RuleFrequency(
                  rs.getString("rule_name"),
                  RuleKind.valueOf(rs.getString("kind")),
                  rs.getString("section"),
                  conversations,
                  failed,
                  rs.getLong("failed_hits"),
                  conversations == 0 ? 0 : Math.round(1000.0 * failed / conversations) / 1000.0);
            })
        .list();
  }

  private static List<QaReports.RuleFrequency> after(JdbcQaReports reports, int days) {
    return reports.ruleHits(NOW.minus(Duration.ofDays(days)), NOW);
  }

  private static List<Object> params(int days) {
    List<Object> params = new ArrayList<>();
    params.add(Timestamp.from(NOW.minus(Duration.ofDays(days))));
    params.add(Timestamp.from(NOW));
    for (int i = 0; i < 6; i++) {
      params.add(null);
    }
    return params;
  }

  private static double[] time(int runs, Supplier<?> query) {
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      millis[i] = seconds(query) * 1000;
    }
    return millis;
  }

  private static double seconds(Supplier<?> work) {
    long start = System.nanoTime();
    var unused = work.get();
    return (System.nanoTime() - start) / 1e9;
  }

  private static String line(String what, int days, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "%-42s %2d days: p50 %7.0f ms, min %7.0f ms, max %7.0f ms%n",
        what,
        days,
        sorted[(sorted.length - 1) / 2],
        sorted[0],
        sorted[sorted.length - 1]);
  }

  private static String size(JdbcClient jdbc, String table) {
    return jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size(?::regclass))")
        .param(table)
        .query(String.class)
        .single();
  }

  private static void report(String text) {
    System.out.println(text);
    try {
      Files.createDirectories(Path.of("target"));
      Files.writeString(
          Path.of("target", "rule-hit-report-benchmark.txt"), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

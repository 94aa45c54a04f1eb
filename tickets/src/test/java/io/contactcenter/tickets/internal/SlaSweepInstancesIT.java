package io.contactcenter.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.contactcenter.tickets.TicketSlaBreached;
import io.contactcenter.tickets.TicketSlaWarned;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances sweeping the same backlog at the same moment, each with its own connection pool on
 * the real PostgreSQL: every warning and every escalation goes out exactly once (row locks pass
 * each ticket to one instance, the alert table's key decides the rest), the group lead is told of
 * each breach once, and nothing is left due. Then a restart's recheck on both sends nothing again.
 */
class SlaSweepInstancesIT {

  static final int TICKETS = 3_000;

  @Test
  void twoInstancesSweepingAtOnceSendEachAlertOnce() throws Exception {
    try (HikariDataSource one = TicketBenchmarks.database(2);
        HikariDataSource two = pool(one)) {
      JdbcClient jdbc = JdbcClient.create(one);
      SlaSweepBenchmark.seed(jdbc, TICKETS);
      Queue<String> sent = new ConcurrentLinkedQueue<>();
      SlaTracker first = tracker(one, sent);
      SlaTracker second = tracker(two, sent);

      List<Integer> swept = both(first::sweep, second::sweep);

      // Every due ticket was looked at by one instance or the other.
      assertThat(swept.get(0) + swept.get(1)).isEqualTo(TICKETS);
      assertThat(swept).allSatisfy(n -> assertThat(n).isPositive());
      long alerts = jdbc.sql("SELECT count(*) FROM ticket_sla_alert").query(Long.class).single();
      assertThat(alerts).isGreaterThan(TICKETS / 2);
      assertThat(sent).hasSize((int) alerts).doesNotHaveDuplicates();
      long breaches = sent.stream().filter(e -> e.startsWith("BREACH")).count();
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM ticket_notification"
                          + " WHERE kind = 'SLA_BREACH' AND recipient = 'lead'")
                  .query(Long.class)
                  .single())
          .isEqualTo(breaches);
      assertThat(due(jdbc)).isZero();

      // After a restart both instances recheck everything: nothing is sent a second time.
      first.recheckAll();
      second.recheckAll();
      both(first::sweep, second::sweep);
      assertThat(sent).hasSize((int) alerts);
      assertThat(due(jdbc)).isZero();
    }
  }

  private static List<Integer> both(Callable<Integer> a, Callable<Integer> b) throws Exception {
    ExecutorService instances = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> x = instances.submit(a);
      Future<Integer> y = instances.submit(b);
      return List.of(x.get(), y.get());
    } finally {
      instances.shutdownNow();
    }
  }

  private static long due(JdbcClient jdbc) {
    return jdbc.sql("SELECT count(*) FROM ticket_sla_check WHERE check_at <= :now")
        .param("now", Timestamp.from(SlaSweepBenchmark.NOW))
        .query(Long.class)
        .single();
  }

  private static HikariDataSource pool(HikariDataSource of) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(of.getJdbcUrl());
    config.setUsername(of.getUsername());
    config.setPassword(of.getPassword());
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  /** An instance's sweep: small batches, so that the two interleave over the backlog. */
  private static SlaTracker tracker(HikariDataSource ds, Queue<String> sent) {
    JdbcClient jdbc = JdbcClient.create(ds);
    TicketProperties config =
        TicketBenchmarks.properties(
            Map.of(
                "sweep-batch-size", "50",
                "sweep-time-budget", "5m",
                "groups.support.lead", "lead"));
    return new SlaTracker(
        new JdbcTickets(jdbc),
        new JdbcTicketHistory(jdbc),
        new JdbcSlaAlerts(jdbc),
        new TicketNotifications(jdbc),
        new SlaPolicies(config.sla()),
        BusinessCalendars.of(config),
        config,
        event -> {
          switch (event) {
            case TicketSlaWarned w -> sent.add("WARN " + w.ticketId() + " " + w.metric());
            case TicketSlaBreached b -> sent.add("BREACH " + b.ticketId() + " " + b.metric());
            default -> {}
          }
        },
        new TransactionTemplate(new DataSourceTransactionManager(ds)),
        Clock.fixed(SlaSweepBenchmark.NOW, ZoneOffset.UTC));
  }
}

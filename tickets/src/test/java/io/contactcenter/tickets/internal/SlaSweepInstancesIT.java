package io.contactcenter.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.contactcenter.tickets.TicketSlaBreached;
import io.contactcenter.tickets.TicketSlaWarned;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two SLA sweepers on one real PostgreSQL (the module's migrations), as two application instances
 * sweep: each with its own connection pool, so its own database sessions, started at the same
 * moment over thousands of due tickets in small batches, so that their batches interleave
 * throughout. Every due ticket is looked at by exactly one of them (ADR 0046: the claim locks the
 * queue row as well as the ticket), every warning and escalation happens exactly once (alert rows,
 * history entries, notifications, raised priorities and the events that go to Kafka) and none is
 * left due. Looked-at tickets are counted where the sweep claims them.
 *
 * <p>Why not two application processes: which tickets an instance looked at is not visible from
 * outside it, and the race needs both sweeps to be in their claims at the same time, which a
 * process's own schedule does not arrange; to PostgreSQL, two pools in one JVM are the same as two
 * instances.
 */
class SlaSweepInstancesIT {

  private static final int TICKETS = 3_000;

  /** The tickets were opened at this moment; the calendar works round the clock. */
  private static final Instant OPENED = Instant.parse("2026-12-03T06:00:00Z");

  private static HikariDataSource first;
  private static HikariDataSource second;
  private static JdbcClient jdbc;

  @BeforeAll
  static void database() {
    first = TicketBenchmarks.database(2);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(first.getJdbcUrl());
    config.setUsername(first.getUsername());
    config.setPassword(first.getPassword());
    config.setMaximumPoolSize(2);
    second = new HikariDataSource(config);
    jdbc = JdbcClient.create(first);
    seed();
  }

  @AfterAll
  static void close() {
    second.close();
    first.close();
  }

  @Test
  void twoSweepersLookAtEachDueTicketOnceAndWarnAndEscalateEachOnce() throws Exception {
    // 40 minutes in: the first response (1 h) is due in 20 minutes, inside its 30-minute warning.
    Round warned = sweepTogether(OPENED.plus(Duration.ofMinutes(40)));
    assertEachLookedAtOnce(warned);
    assertThat(countBy(warned.events, TicketSlaWarned.class, TicketSlaWarned::ticketId))
        .hasSize(TICKETS)
        .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    assertThat(warned.events).allMatch(TicketSlaWarned.class::isInstance);
    assertThat(perTicket("SELECT ticket_id FROM ticket_entry WHERE kind = 'SLA_WARNED'"))
        .hasSize(TICKETS)
        .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    assertThat(perTicket("SELECT ticket_id FROM ticket_notification WHERE kind = 'SLA_WARNING'"))
        .hasSize(TICKETS)
        .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));

    // 61 minutes in: the first response has breached; each ticket is escalated once.
    Round escalated = sweepTogether(OPENED.plus(Duration.ofMinutes(61)));
    assertEachLookedAtOnce(escalated);
    assertThat(countBy(escalated.events, TicketSlaBreached.class, TicketSlaBreached::ticketId))
        .hasSize(TICKETS)
        .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    assertThat(escalated.events).allMatch(TicketSlaBreached.class::isInstance);
    assertThat(perTicket("SELECT ticket_id FROM ticket_entry WHERE kind = 'SLA_BREACHED'"))
        .hasSize(TICKETS)
        .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    assertThat(perTicket("SELECT ticket_id FROM ticket_entry WHERE kind = 'PRIORITY_CHANGED'"))
        .hasSize(TICKETS)
        .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    assertThat(
            perTicket(
                "SELECT ticket_id FROM ticket_notification WHERE kind = 'SLA_BREACH'"
                    + " AND recipient = 'lead-li'"))
        .hasSize(TICKETS)
        .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    // Raised once: NORMAL to HIGH, not twice to URGENT.
    assertThat(
            jdbc.sql("SELECT priority, count(*) FROM ticket GROUP BY priority")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                .list())
        .containsExactly("HIGH=" + TICKETS);
    assertThat(
            jdbc.sql("SELECT kind, count(*) FROM ticket_sla_alert GROUP BY kind ORDER BY kind")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                .list())
        .containsExactly("BREACH=" + TICKETS, "WARN=" + TICKETS);
  }

  /** What one round of both sweepers did. */
  private record Round(Instant at, Map<String, Long> looks, List<Object> events) {}

  /**
   * Both sweepers run one sweep at {@code at}, released at the same moment; each drains what it can
   * claim, in batches of 10: many claims, so one sweeper's commit often lands inside the other's
   * claim statement, where the old claim (the ticket row locked alone) let a ticket be looked at
   * twice.
   */
  private static Round sweepTogether(Instant at) throws Exception {
    Map<String, AtomicInteger> looks = new ConcurrentHashMap<>();
    Queue<Object> events = new ConcurrentLinkedQueue<>();
    List<SlaTracker> sweepers =
        List.of(sweeper(first, at, looks, events), sweeper(second, at, looks, events));
    CyclicBarrier start = new CyclicBarrier(sweepers.size());
    ExecutorService threads = Executors.newFixedThreadPool(sweepers.size());
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (SlaTracker sweeper : sweepers) {
        runs.add(
            threads.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return sweeper.sweep();
                }));
      }
      int claimed = 0;
      List<Integer> perSweeper = new ArrayList<>();
      for (Future<Integer> run : runs) {
        int n = run.get(5, TimeUnit.MINUTES);
        perSweeper.add(n);
        claimed += n;
      }
      System.out.printf(
          "SLA sweep at %s: %d looks for %d tickets (per sweeper %s)%n",
          at, claimed, TICKETS, perSweeper);
      // Both took part: otherwise this says nothing about two instances.
      assertThat(perSweeper).as("tickets each sweeper looked at").allMatch(n -> n > 0);
    } finally {
      threads.shutdownNow();
    }
    return new Round(
        at,
        looks.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().get())),
        List.copyOf(events));
  }

  private static void assertEachLookedAtOnce(Round round) {
    assertThat(round.looks().values().stream().mapToLong(Long::longValue).sum())
        .as("looks by both sweepers at %s", round.at())
        .isEqualTo(TICKETS);
    assertThat(round.looks())
        .as("looks per ticket at %s", round.at())
        .hasSize(TICKETS)
        .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    // None forgotten: nothing is still due.
    assertThat(
            jdbc.sql("SELECT count(*) FROM ticket_sla_check WHERE check_at <= :at")
                .param("at", Timestamp.from(round.at()))
                .query(Long.class)
                .single())
        .isZero();
  }

  /** One instance's sweep at a fixed moment, counting the tickets its claims return. */
  private static SlaTracker sweeper(
      HikariDataSource ds, Instant at, Map<String, AtomicInteger> looks, Queue<Object> events) {
    TicketProperties config =
        TicketBenchmarks.properties(
            Map.of(
                "calendar.hours", "MON-SUN 00:00-24:00",
                "groups.support.lead", "lead-li",
                "sla[0].name", "hour",
                "sla[0].first-response", "1h",
                "sla[0].next-response", "8h",
                "sla[0].resolution", "24h",
                "sla[0].warn-before", "30m",
                "sweep-batch-size", "10",
                "sweep-time-budget", "5m"));
    JdbcClient client = JdbcClient.create(ds);
    JdbcSlaChecks checks =
        new JdbcSlaChecks(client) {
          @Override
          List<Claimed> claimDueForSlaCheck(
              Instant dueBy, Instant afterAt, String afterId, int limit) {
            List<Claimed> claimed = super.claimDueForSlaCheck(dueBy, afterAt, afterId, limit);
            claimed.forEach(c -> looked(looks, c.row().ticketId()));
            return claimed;
          }

          @Override
          Optional<TicketRow> claimIfDueForSlaCheck(String ticketId, Instant dueBy) {
            Optional<TicketRow> claimed = super.claimIfDueForSlaCheck(ticketId, dueBy);
            claimed.ifPresent(r -> looked(looks, r.ticketId()));
            return claimed;
          }
        };
    return new SlaTracker(
        new JdbcTickets(client),
        checks,
        new JdbcTicketHistory(client),
        new JdbcSlaAlerts(client),
        new TicketNotifications(client),
        new SlaPolicies(config.sla()),
        BusinessCalendars.of(config),
        config,
        events::add,
        new TransactionTemplate(new DataSourceTransactionManager(ds)),
        Clock.fixed(at, ZoneOffset.UTC));
  }

  private static void looked(Map<String, AtomicInteger> looks, String ticketId) {
    looks.computeIfAbsent(ticketId, id -> new AtomicInteger()).incrementAndGet();
  }

  private static <E> Map<String, Long> countBy(
      List<Object> events, Class<E> type, Function<E, String> ticketId) {
    return events.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .collect(Collectors.groupingBy(ticketId, Collectors.counting()));
  }

  private static Map<String, Long> perTicket(String sql) {
    return jdbc.sql(sql).query(String.class).list().stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  /**
   * {@link #TICKETS} open tickets of the group {@code support}, assigned, opened at {@link #OPENED}
   * with nothing since, each in the sweep's queue as the desk leaves a new ticket: due at its first
   * response's warning (30 minutes in).
   */
  private static void seed() {
    jdbc.sql(
            """
            INSERT INTO ticket (ticket_id, subject, subject_key, customer_phone, tier, channel,
                source_kind, source_ref, category, priority, sla_priority, status, assignee,
                group_name, created_at, updated_at)
            SELECT 'T-' || lpad(i::text, 6, '0'), 'Parcel ' || i, 'parcel ' || i,
                   '+86138' || lpad(i::text, 8, '0'), 'STANDARD', 'PHONE', 'CALL', 'call-' || i,
                   'DELIVERY', 'NORMAL', 'NORMAL', 'OPEN', 'agent' || (i % 20), 'support',
                   :opened, :opened
            FROM generate_series(1, :count) AS i
            """)
        .param("opened", Timestamp.from(OPENED))
        .param("count", TICKETS)
        .update();
    jdbc.sql(
            "INSERT INTO ticket_entry (ticket_id, seq, kind, at, actor, body, status, visible)"
                + " SELECT ticket_id, 1, 'OPENED', created_at, 'robot', subject, 'NEW', true"
                + " FROM ticket")
        .update();
    jdbc.sql(
            "INSERT INTO ticket_sla_check (ticket_id, check_at)"
                + " SELECT ticket_id, :warnAt FROM ticket")
        .param("warnAt", Timestamp.from(OPENED.plus(Duration.ofMinutes(30))))
        .update();
    jdbc.sql("ANALYZE").update();
  }
}

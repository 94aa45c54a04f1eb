package io.contactcenter.qa.internal;

import io.contactcenter.qa.QaReports;
import io.contactcenter.qa.RuleKind;
import io.contactcenter.qa.internal.domain.Turnarounds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * QA reports straight from the score cards in {@code qa_score} (hits are JSONB), the appeals in
 * {@code qa_appeal} and the team memberships in {@code qa_team_membership}. A conversation counts
 * under the team its agent was in when it ended (ADR 0028).
 */
class JdbcQaReports implements QaReports {

  /** The conversations a query selects: {@code s} the score, {@code r} the conversation. */
  private static final String SELECTED =
      """
      FROM qa_score s
      JOIN qa_recording r ON r.conversation_id = s.conversation_id
      LEFT JOIN qa_team_membership t ON t.agent = r.agent
          AND (t.valid_from IS NULL OR t.valid_from <= r.ended_at)
          AND (t.valid_to IS NULL OR r.ended_at < t.valid_to)
      WHERE r.ended_at >= ? AND r.ended_at < ?
        AND (CAST(? AS TEXT) IS NULL OR r.channel = ?)
        AND (CAST(? AS TEXT) IS NULL OR r.agent = ?)
        AND (CAST(? AS TEXT) IS NULL OR t.team = ?)
      """;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Duration decisionTarget;

  JdbcQaReports(
      JdbcClient jdbc, TransactionTemplate transactions, Clock clock, Duration decisionTarget) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.decisionTarget = decisionTarget;
  }

  @Override
  public List<RuleFrequency> ruleHits(ReportQuery query) {
    // Sums each conversation's result per rule (qa_score_rule, V127) rather than unpacking every
    // card's JSONB hits and counting distinct conversations (a sort of every hit): 8 and 18 times
    // faster over 30 and 90 days (docs/benchmarks.md). One row per conversation and rule, so
    // count(*) counts conversations.
    return jdbc.sql(
            """
            SELECT x.rule_name, x.kind, x.section,
                count(*) AS conversations,
                count(*) FILTER (WHERE x.failed_hits > 0) AS failed_conversations,
                coalesce(sum(x.failed_hits), 0) AS failed_hits
            """
                + SELECTED.replace(
                    "WHERE r.ended_at",
                    "JOIN qa_score_rule x ON x.conversation_id = s.conversation_id\nWHERE r.ended_at")
                + """
                GROUP BY 1, 2, 3
                ORDER BY failed_hits DESC, rule_name
                """)
        .params(params(query))
        .query(
            (rs, n) -> {
              long conversations = rs.getLong("conversations");
              long failed = rs.getLong("failed_conversations");
              return new RuleFrequency(
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

  @Override
  public List<WeeklyScore> weeklyScores(ReportQuery query) {
    return jdbc.sql(
            """
            SELECT (date_trunc('week', r.ended_at AT TIME ZONE 'UTC'))::date AS week,
                count(*) AS conversations,
                avg(coalesce(s.reviewed_score, s.score)) AS mean_score,
                count(*) FILTER (WHERE s.auto_failed) AS auto_failed,
                count(*) FILTER (WHERE s.reviewer IS NOT NULL) AS reviewed
            """
                + SELECTED
                + """
                GROUP BY 1
                ORDER BY 1
                """)
        .params(params(query))
        .query(
            (rs, n) ->
                new WeeklyScore(
                    rs.getObject("week", LocalDate.class),
                    rs.getLong("conversations"),
                    round(rs.getDouble("mean_score")),
                    rs.getLong("auto_failed"),
                    rs.getLong("reviewed")))
        .list();
  }

  @Override
  public List<GroupScore> scores(Grouping by, ReportQuery query) {
    String key = by == Grouping.TEAM ? "coalesce(t.team, '')" : "coalesce(r.agent, '')";
    return jdbc.sql(
            "SELECT "
                + key
                + """
                 AS key,
                    count(*) AS conversations,
                    count(*) FILTER (WHERE s.reviewer IS NOT NULL) AS reviewed,
                    avg(coalesce(s.reviewed_score, s.score)) AS mean_score,
                    count(*) FILTER (WHERE s.auto_failed) AS auto_failed,
                    coalesce(sum(a.opened), 0) AS appeals_opened,
                    coalesce(sum(a.upheld), 0) AS appeals_upheld
                """
                + SELECTED.replace(
                    "WHERE r.ended_at",
                    """
                    LEFT JOIN (SELECT conversation_id, count(*) AS opened,
                            count(*) FILTER (WHERE state = 'ACCEPTED') AS upheld
                        FROM qa_appeal GROUP BY conversation_id) a
                        ON a.conversation_id = s.conversation_id
                    WHERE r.ended_at""")
                + """
                GROUP BY 1
                ORDER BY 1
                """)
        .params(params(query))
        .query(
            (rs, n) ->
                new GroupScore(
                    rs.getString("key"),
                    rs.getLong("conversations"),
                    rs.getLong("reviewed"),
                    round(rs.getDouble("mean_score")),
                    rs.getLong("auto_failed"),
                    rs.getLong("appeals_opened"),
                    rs.getLong("appeals_upheld")))
        .list();
  }

  /** A decided appeal: who decided it and how long it took. */
  private record Decision(String decider, Duration turnaround) {}

  @Override
  public AppealTurnaround appealTurnaround(Instant from, Instant to) {
    // The range is checked as every report's (from before to, at most 366 days).
    new ReportQuery(from, to, null, null, null);
    Instant now = clock.instant();
    Instant overdueBefore = now.minus(decisionTarget);
    long filed =
        jdbc.sql("SELECT count(*) FROM qa_appeal WHERE opened_at >= ? AND opened_at < ?")
            .params(Timestamp.from(from), Timestamp.from(to))
            .query(Long.class)
            .single();
    // Decisions of a year fit in memory (one short row each); the percentiles are computed in
    // Turnarounds rather than with percentile_cont per reviewer in SQL, so the rule is unit-tested.
    List<Decision> decisions =
        jdbc.sql(
                """
                SELECT decided_by, opened_at, decided_at FROM qa_appeal
                WHERE decided_at >= ? AND decided_at < ? AND state <> 'OPEN'
                ORDER BY decided_by
                """)
            .params(Timestamp.from(from), Timestamp.from(to))
            .query(
                (rs, n) ->
                    new Decision(
                        rs.getString("decided_by"),
                        Duration.between(
                            rs.getTimestamp("opened_at").toInstant(),
                            rs.getTimestamp("decided_at").toInstant())))
            .list();
    Map<String, List<Duration>> byDecider = new LinkedHashMap<>();
    for (Decision d : decisions) {
      byDecider.computeIfAbsent(d.decider(), k -> new ArrayList<>()).add(d.turnaround());
    }
    List<DeciderTurnaround> deciders = new ArrayList<>();
    byDecider.forEach(
        (decider, turnarounds) -> {
          Turnarounds.Summary s = Turnarounds.of(turnarounds, decisionTarget);
          deciders.add(
              new DeciderTurnaround(
                  decider, s.count(), s.medianHours(), s.p95Hours(), s.withinTarget()));
        });
    Turnarounds.Summary all =
        Turnarounds.of(decisions.stream().map(Decision::turnaround).toList(), decisionTarget);
    long overdueCount =
        jdbc.sql("SELECT count(*) FROM qa_appeal WHERE state = 'OPEN' AND opened_at < ?")
            .param(Timestamp.from(overdueBefore))
            .query(Long.class)
            .single();
    List<OverdueAppeal> overdue =
        jdbc.sql(
                """
                SELECT id, conversation_id, appellant, opened_at FROM qa_appeal
                WHERE state = 'OPEN' AND opened_at < ?
                ORDER BY opened_at, id
                LIMIT 100
                """)
            .param(Timestamp.from(overdueBefore))
            .query(
                (rs, n) -> {
                  Instant opened = rs.getTimestamp("opened_at").toInstant();
                  return new OverdueAppeal(
                      rs.getObject("id", UUID.class),
                      rs.getString("conversation_id"),
                      rs.getString("appellant"),
                      opened,
                      Turnarounds.hours(Duration.between(opened, now)));
                })
            .list();
    return new AppealTurnaround(
        from,
        to,
        decisionTarget.toMillis() / 3_600_000.0,
        filed,
        all.count(),
        all.medianHours(),
        all.p95Hours(),
        all.withinTarget(),
        deciders,
        overdueCount,
        overdue);
  }

  @Override
  public void assignTeam(String agent, String team, Instant from, String changedBy) {
    if (agent == null || !agent.matches("[A-Za-z0-9._@-]{1,100}")) {
      throw new IllegalArgumentException(
          "agent must be 1 to 100 letters, digits, '.', '_', '@' or '-'");
    }
    String name = team == null || team.isBlank() ? null : team.strip();
    if (name != null
        && (name.length() > 100 || name.codePoints().anyMatch(Character::isISOControl))) {
      throw new IllegalArgumentException("team must be 1 to 100 characters without control ones");
    }
    Instant now = clock.instant();
    if (from != null && from.isAfter(now)) {
      throw new IllegalArgumentException("from must not be in the future");
    }
    transactions.executeWithoutResult(
        status -> {
          // One change per agent at a time, so memberships never overlap.
          jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('qa_team_membership:' || ?))")
              .param(agent)
              .query((rs, n) -> 0)
              .list();
          Optional<Membership> latest = memberships(agent).stream().findFirst();
          Instant start = from != null ? from : latest.isEmpty() ? null : now;
          if (from != null && latest.isPresent()) {
            Membership l = latest.get();
            Instant floor = l.to() != null ? l.to() : l.from();
            if (floor != null && from.isBefore(floor)) {
              throw new IllegalArgumentException(
                  "from must not be before "
                      + floor
                      + ", when "
                      + agent
                      + "'s latest team membership "
                      + (l.to() != null ? "ended" : "began"));
            }
          }
          Optional<Membership> open = latest.filter(m -> m.to() == null);
          if (open.isPresent()) {
            Membership o = open.get();
            if (o.team().equals(name)) {
              return;
            }
            if (o.from() != null && !start.isAfter(o.from())) {
              // The open membership would last no time at all: the new one replaces it.
              jdbc.sql("DELETE FROM qa_team_membership WHERE agent = ? AND valid_to IS NULL")
                  .param(agent)
                  .update();
            } else {
              jdbc.sql(
                      "UPDATE qa_team_membership SET valid_to = ?"
                          + " WHERE agent = ? AND valid_to IS NULL")
                  .params(Timestamp.from(start), agent)
                  .update();
            }
          }
          if (name != null) {
            jdbc.sql(
                    """
                    INSERT INTO qa_team_membership
                        (agent, team, valid_from, valid_to, changed_by, changed_at)
                    VALUES (?, ?, ?, NULL, ?, ?)
                    """)
                .params(
                    agent,
                    name,
                    start == null ? null : Timestamp.from(start),
                    changedBy,
                    Timestamp.from(now))
                .update();
          }
        });
  }

  @Override
  public List<TeamMember> teams() {
    return jdbc.sql(
            "SELECT agent, team, valid_from FROM qa_team_membership WHERE valid_to IS NULL"
                + " ORDER BY team, agent")
        .query(
            (rs, n) ->
                new TeamMember(
                    rs.getString("agent"), rs.getString("team"), instant(rs, "valid_from")))
        .list();
  }

  @Override
  public List<Membership> memberships(String agent) {
    return jdbc.sql(
            """
            SELECT agent, team, valid_from, valid_to, changed_by, changed_at
            FROM qa_team_membership WHERE agent = ?
            ORDER BY coalesce(valid_to, 'infinity') DESC, id DESC
            """)
        .param(agent)
        .query(
            (rs, n) ->
                new Membership(
                    rs.getString("agent"),
                    rs.getString("team"),
                    instant(rs, "valid_from"),
                    instant(rs, "valid_to"),
                    rs.getString("changed_by"),
                    instant(rs, "changed_at")))
        .list();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static List<Object> params(ReportQuery query) {
    List<Object> params = new ArrayList<>();
    params.add(Timestamp.from(query.from()));
    params.add(Timestamp.from(query.to()));
    String channel = query.channel() == null ? null : query.channel().name();
    params.add(channel);
    params.add(channel);
    params.add(query.agent());
    params.add(query.agent());
    params.add(query.team());
    params.add(query.team());
    return params;
  }

  private static double round(double score) {
    return Math.round(score * 10) / 10.0;
  }
}

package io.contactcenter.qa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** QA figures over scored conversations. Thread-safe. */
public interface QaReports {

  /** How often each rule was broken, most often first, among conversations ended in the range. */
  default List<RuleFrequency> ruleHits(Instant from, Instant to) {
    return ruleHits(new ReportQuery(from, to, null, null, null));
  }

  /** How often each rule was broken among the conversations the query selects. */
  List<RuleFrequency> ruleHits(ReportQuery query);

  /** The mean final score and counts per ISO week (Monday, UTC) of the calls' end. */
  default List<WeeklyScore> weeklyScores(Instant from, Instant to) {
    return weeklyScores(new ReportQuery(from, to, null, null, null));
  }

  /** The weekly trend of the conversations the query selects. */
  List<WeeklyScore> weeklyScores(ReportQuery query);

  /**
   * The score card of every agent or team over the conversations the query selects, by key.
   * Conversations without an agent (robot calls, chats only the bot served) count under an empty
   * agent; agents without a team under an empty team.
   */
  List<GroupScore> scores(Grouping by, ReportQuery query);

  /**
   * Puts an agent in a team from a moment on, ending their membership of the team before; a blank
   * team takes them out of any. Reports count a conversation under the team its agent was in when
   * it ended, so a change does not move the agent's past. An agent's first team covers their
   * earlier conversations too unless {@code from} is given.
   *
   * @param from when the membership begins, not in the future and not before the agent's latest
   *     membership began (or ended, if it has); {@code null} for now
   * @param changedBy who made the change, kept with the membership
   * @throws IllegalArgumentException naming the bad agent, team or {@code from}
   */
  void assignTeam(String agent, String team, Instant from, String changedBy);

  /** Every agent with their current team, by team then agent. */
  List<TeamMember> teams();

  /** An agent's memberships, latest first (empty when they never were in a team). */
  List<Membership> memberships(String agent);

  /**
   * How fast appeals were decided against the target ({@code cc.qa.appeals.decision-target}): the
   * appeals filed and decided in the range, the hours from filing to decision of those decided (in
   * all and per deciding reviewer), and the appeals still open past the target now, whenever they
   * were filed.
   *
   * @param from the earliest filing or decision, inclusive
   * @param to the latest, exclusive; after {@code from} and at most 366 days after it
   * @throws IllegalArgumentException naming {@code from} or {@code to} when the range is bad
   */
  AppealTurnaround appealTurnaround(Instant from, Instant to);

  /** What a report groups by. */
  enum Grouping {
    AGENT,
    TEAM
  }

  /**
   * Which conversations a report covers. Validates itself.
   *
   * @param from the earliest end, inclusive
   * @param to the latest end, exclusive; at most 366 days after {@code from}
   * @param channel calls or chats only; {@code null} for both
   * @param agent one agent only; {@code null} for all
   * @param team one team's agents only; {@code null} for all
   */
  record ReportQuery(Instant from, Instant to, Channel channel, String agent, String team) {

    public ReportQuery {
      if (from == null || to == null || !from.isBefore(to)) {
        throw new IllegalArgumentException("from must be before to");
      }
      if (to.getEpochSecond() - from.getEpochSecond() > 366L * 86_400) {
        throw new IllegalArgumentException("the range must be at most 366 days");
      }
      agent = agent == null || agent.isBlank() ? null : agent.strip();
      team = team == null || team.isBlank() ? null : team.strip();
    }
  }

  /**
   * One rule's record.
   *
   * @param conversations conversations it was applied to
   * @param failedConversations conversations that broke it at least once
   * @param failedHits places it was broken
   * @param hitRate the share of conversations that broke it, 0 to 1
   */
  record RuleFrequency(
      String ruleName,
      RuleKind kind,
      String section,
      long conversations,
      long failedConversations,
      long failedHits,
      double hitRate) {}

  /**
   * One week.
   *
   * @param meanScore the mean final score (reviewed, else automatic)
   */
  record WeeklyScore(
      LocalDate week, long conversations, double meanScore, long autoFailed, long reviewed) {}

  /**
   * One agent's or team's figures.
   *
   * @param key the agent's user name or the team's name
   * @param conversations conversations scored
   * @param reviewed of those, reviewed by a person
   * @param meanScore the mean final score (after review and appeal, else automatic)
   * @param autoFailed conversations failed by an auto-fail item
   * @param appealsOpened appeals agents opened against these conversations
   * @param appealsUpheld of those, accepted (the agent was right)
   */
  record GroupScore(
      String key,
      long conversations,
      long reviewed,
      double meanScore,
      long autoFailed,
      long appealsOpened,
      long appealsUpheld) {}

  /**
   * An agent's current team.
   *
   * @param since when the membership began; {@code null} when it covers all the agent's past
   */
  record TeamMember(String agent, String team, Instant since) {}

  /**
   * One period of an agent in a team.
   *
   * @param from when it began, inclusive; {@code null} since always
   * @param to when it ended, exclusive; {@code null} while it lasts
   * @param changedBy who began it
   * @param changedAt when they did
   */
  record Membership(
      String agent, String team, Instant from, Instant to, String changedBy, Instant changedAt) {}

  /**
   * Appeal turnaround over a range. Hours are rounded to a tenth; a percentile lies between the two
   * nearest turnarounds (as PostgreSQL's {@code percentile_cont}).
   *
   * @param targetHours the target: decided within this many hours of filing
   * @param filed appeals filed in the range
   * @param decided appeals decided in the range
   * @param medianHours the median hours from filing to decision of those decided; {@code null} when
   *     none was
   * @param p95Hours the 95th percentile likewise
   * @param withinTarget the share of those decided within the target, 0 to 1; {@code null} when
   *     none was
   * @param byDecider the same per deciding reviewer, by user name
   * @param overdueCount the appeals open now for longer than the target
   * @param overdue the oldest of them first, at most 100
   */
  record AppealTurnaround(
      Instant from,
      Instant to,
      double targetHours,
      long filed,
      long decided,
      Double medianHours,
      Double p95Hours,
      Double withinTarget,
      List<DeciderTurnaround> byDecider,
      long overdueCount,
      List<OverdueAppeal> overdue) {

    public AppealTurnaround {
      byDecider = List.copyOf(byDecider);
      overdue = List.copyOf(overdue);
    }
  }

  /**
   * One reviewer's decisions in the range.
   *
   * @param decided appeals they decided
   * @param withinTarget the share of those decided within the target, 0 to 1
   */
  record DeciderTurnaround(
      String decider, long decided, double medianHours, double p95Hours, double withinTarget) {}

  /**
   * An appeal open for longer than the target.
   *
   * @param ageHours hours since it was filed, rounded to a tenth
   */
  record OverdueAppeal(
      UUID appealId, String conversationId, String appellant, Instant openedAt, double ageHours) {}
}

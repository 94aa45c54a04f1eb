package io.contactcenter.app.web;

import io.contactcenter.qa.QaReports;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactReports;
import io.contactcenter.routing.PresenceReports;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Supervisors' historical reports (ADR 0021): routing's stored figures per queue and per agent over
 * whole days in the center's time zone ({@code cc.supervision.report-zone}), with each agent's time
 * by presence state and QA score (ADR 0029).
 */
@Component
class SupervisorReports {

  private final ContactReports contacts;
  private final PresenceReports presence;
  private final QaReports qa;
  private final SupervisionProperties config;
  private final Clock clock;

  SupervisorReports(
      ContactReports contacts,
      PresenceReports presence,
      QaReports qa,
      SupervisionProperties config,
      ObjectProvider<Clock> clock) {
    this.contacts = contacts;
    this.presence = presence;
    this.qa = qa;
    this.config = config;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /**
   * The interval a request names, in the center's zone.
   *
   * @throws BadParameterException naming the parameter that is wrong
   */
  ReportInterval interval(String period, String from, String to) {
    return ReportInterval.of(
        period, from, to, LocalDate.now(clock.withZone(config.reportZone())), config.reportZone());
  }

  Report report(ReportInterval interval) {
    Instant start = interval.start();
    Instant end = interval.end();
    return new Report(
        interval.period().parameter(),
        interval.zone().getId(),
        interval.firstDay(),
        interval.lastDay(),
        start,
        end,
        contacts.queues(start, end).stream().map(SupervisorReports::queueRow).toList(),
        contacts.agents(start, end).stream().map(SupervisorReports::agentRow).toList(),
        agentTimes(start, end));
  }

  /**
   * Contacts offered, answered and abandoned per hour of one day in the center's zone, by the hour
   * they entered the queue (the same figures as {@link #report}, one query per hour). A day with a
   * daylight-saving change has 23 or 25 hours.
   *
   * @param day the day, today when {@code null} or blank
   * @param queue one queue's contacts (every channel), or every queue when {@code null} or blank
   * @throws BadParameterException when {@code day} is not a date
   */
  Hourly hourly(String day, String queue) {
    ZoneId zone = config.reportZone();
    LocalDate date = day == null || day.isBlank() ? LocalDate.now(clock.withZone(zone)) : date(day);
    String only = queue == null || queue.isBlank() ? null : queue.strip();
    ZonedDateTime hour = date.atStartOfDay(zone);
    Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
    List<HourRow> hours = new ArrayList<>();
    while (hour.toInstant().isBefore(end)) {
      Instant start = hour.toInstant();
      ZonedDateTime next = hour.plusHours(1);
      long offered = 0;
      long answered = 0;
      long abandoned = 0;
      for (ContactReports.QueueFigures q : contacts.queues(start, next.toInstant())) {
        if (only == null || only.equals(q.queue())) {
          offered += q.offered();
          answered += q.answered();
          abandoned += q.abandoned();
        }
      }
      hours.add(
          new HourRow(
              start,
              hour.toLocalTime().format(HOUR),
              hour.getOffset().getId(),
              offered,
              answered,
              abandoned));
      hour = next;
    }
    return new Hourly(date, zone.getId(), only, List.copyOf(hours));
  }

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadParameterException("problem.parameter.date", "day");
    }
  }

  /**
   * Per agent: time by state from routing's presence history and the QA score of the conversations
   * that ended in the interval. Agents with either appear.
   */
  private List<AgentTimeRow> agentTimes(Instant start, Instant end) {
    Map<String, Map<AgentState, Long>> byState = new HashMap<>();
    Map<String, Map<String, Long>> byReason = new HashMap<>();
    for (PresenceReports.StateTime t : presence.stateTimes(start, end)) {
      byState
          .computeIfAbsent(t.agentId(), a -> new EnumMap<>(AgentState.class))
          .merge(t.state(), t.millis(), Long::sum);
      if (t.state() == AgentState.NOT_READY) {
        byReason
            .computeIfAbsent(t.agentId(), a -> new HashMap<>())
            .merge(t.reason(), t.millis(), Long::sum);
      }
    }
    Map<String, QaReports.GroupScore> scores = new HashMap<>();
    for (QaReports.GroupScore g :
        qa.scores(
            QaReports.Grouping.AGENT, new QaReports.ReportQuery(start, end, null, null, null))) {
      if (!g.key().isEmpty()) { // conversations no agent served
        scores.put(g.key(), g);
      }
    }
    TreeSet<String> agents = new TreeSet<>(byState.keySet());
    agents.addAll(scores.keySet());
    List<AgentTimeRow> rows = new ArrayList<>();
    for (String agent : agents) {
      Map<AgentState, Long> states = byState.getOrDefault(agent, Map.of());
      long ready = states.getOrDefault(AgentState.READY, 0L);
      long onContact = states.getOrDefault(AgentState.ON_CONTACT, 0L);
      long wrapUp = states.getOrDefault(AgentState.WRAP_UP, 0L);
      long notReady = states.getOrDefault(AgentState.NOT_READY, 0L);
      long available = ready + onContact + wrapUp;
      List<ReasonTime> reasons = new ArrayList<>();
      byReason.getOrDefault(agent, Map.of()).entrySet().stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                  .thenComparing(Map.Entry.<String, Long>comparingByKey()))
          .forEach(e -> reasons.add(new ReasonTime(e.getKey(), e.getValue() / 1000.0)));
      QaReports.GroupScore score = scores.get(agent);
      rows.add(
          new AgentTimeRow(
              agent,
              (available + notReady) / 1000.0,
              ready / 1000.0,
              onContact / 1000.0,
              wrapUp / 1000.0,
              notReady / 1000.0,
              List.copyOf(reasons),
              available == 0 ? null : (double) (onContact + wrapUp) / available,
              score == null ? 0 : score.conversations(),
              score == null ? null : score.meanScore()));
    }
    return rows;
  }

  /**
   * Every not-ready reason any agent gave in the report, longest in total first: the CSV's reason
   * columns.
   */
  static List<String> reasons(Report report) {
    Map<String, Double> totals = new LinkedHashMap<>();
    for (AgentTimeRow row : report.agentTimes()) {
      for (ReasonTime r : row.notReadyByReason()) {
        totals.merge(r.reason(), r.seconds(), Double::sum);
      }
    }
    return totals.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.<String, Double>comparingByKey()))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static QueueRow queueRow(ContactReports.QueueFigures q) {
    return new QueueRow(
        q.queue(),
        q.channel(),
        q.offered(),
        q.answered(),
        q.abandoned(),
        q.abandonRate(),
        q.callbacks(),
        q.transferredOut(),
        q.transferredIn(),
        seconds(q.averageSpeedOfAnswerMillis()),
        seconds(q.averageHandleMillis()),
        q.thresholdSeconds(),
        q.answeredWithin(),
        q.serviceLevel(),
        q.serviceLevel2(),
        seconds(q.longestWaitMillis()));
  }

  private static AgentRow agentRow(ContactReports.AgentFigures a) {
    return new AgentRow(
        a.agentId(),
        a.channel(),
        a.handled(),
        a.completed(),
        seconds(a.handleMillis()),
        seconds(a.averageHandleMillis()),
        a.transfersOut(),
        a.transfersIn());
  }

  private static Double seconds(Long millis) {
    return millis == null ? null : millis / 1000.0;
  }

  /** One day's contacts per hour in {@code zone}; {@code queue} {@code null} for every queue. */
  record Hourly(LocalDate day, String zone, String queue, List<HourRow> hours) {}

  /**
   * One hour: where it starts, its local time and UTC offset in the day's zone, and the contacts
   * that entered a queue in it.
   */
  record HourRow(
      Instant start, String hour, String offset, long offered, long answered, long abandoned) {}

  /**
   * A report: its days in {@code zone} (both included) and the instants they span ({@code end}
   * excluded).
   */
  record Report(
      String period,
      String zone,
      LocalDate from,
      LocalDate to,
      Instant start,
      Instant end,
      List<QueueRow> queues,
      List<AgentRow> agents,
      List<AgentTimeRow> agentTimes) {}

  /**
   * One queue and channel over the report's days; durations in seconds, rates 0 to 1, {@code null}
   * when there is nothing to average or divide.
   */
  record QueueRow(
      String queue,
      ContactChannel channel,
      long offered,
      long answered,
      long abandoned,
      Double abandonRate,
      long callbacks,
      long transferredOut,
      long transferredIn,
      Double averageSpeedOfAnswerSeconds,
      Double averageHandleSeconds,
      long serviceLevelThresholdSeconds,
      long answeredWithinThreshold,
      Double serviceLevel,
      Double serviceLevel2,
      Double longestWaitSeconds) {}

  /**
   * One agent and channel over the report's days; durations in seconds. A call the agent
   * transferred to a queue is handled and completed at the transfer ({@code transfersOut}); one
   * transferred to the agent is handled by them too ({@code transfersIn}).
   */
  record AgentRow(
      String agentId,
      ContactChannel channel,
      long handled,
      long completed,
      double handleSeconds,
      Double averageHandleSeconds,
      long transfersOut,
      long transfersIn) {}

  /**
   * One agent's time over the report's days by presence state (seconds; logged in = ready + on
   * contacts + after-call work + not ready) and the QA score of their conversations that ended in
   * the days.
   *
   * @param notReadyByReason the not-ready time per reason, longest first
   * @param occupancy (on contacts + after-call work) / (ready + on contacts + after-call work), 0
   *     to 1; {@code null} when the agent was never available
   * @param qaConversations conversations QA scored
   * @param qaMeanScore their mean final score; {@code null} when none was scored
   */
  record AgentTimeRow(
      String agentId,
      double loggedInSeconds,
      double readySeconds,
      double onContactSeconds,
      double afterCallWorkSeconds,
      double notReadySeconds,
      List<ReasonTime> notReadyByReason,
      Double occupancy,
      long qaConversations,
      Double qaMeanScore) {}

  /** Time not ready for one reason, in seconds. */
  record ReasonTime(String reason, double seconds) {}
}

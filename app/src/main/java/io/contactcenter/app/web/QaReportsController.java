package io.contactcenter.app.web;

import io.contactcenter.common.CsvCells;
import io.contactcenter.qa.Calibration;
import io.contactcenter.qa.CalibrationNotFoundException;
import io.contactcenter.qa.CalibrationRefusedException;
import io.contactcenter.qa.CalibrationScore;
import io.contactcenter.qa.Calibrations;
import io.contactcenter.qa.Channel;
import io.contactcenter.qa.ConversationNotFoundException;
import io.contactcenter.qa.NotYetScoredException;
import io.contactcenter.qa.QaReports;
import io.contactcenter.qa.QaSampling;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * QA reports by agent and team (JSON and CSV), the agents' teams, and calibrations. Roles: QA staff
 * and admins change; supervisors read (SecurityConfiguration).
 */
@RestController
@Tag(name = "qa", description = "QA rules, transcripts, score cards and reviews")
class QaReportsController {

  /** The longest range a report covers, as {@link QaReports.ReportQuery} allows. */
  private static final int MAX_DAYS = 366;

  private final QaReports reports;
  private final Calibrations calibrations;
  private final QaSampling sampling;

  QaReportsController(QaReports reports, Calibrations calibrations, QaSampling sampling) {
    this.reports = reports;
    this.calibrations = calibrations;
    this.sampling = sampling;
  }

  /** The conversations a report covers, from the request's parameters. */
  static QaReports.ReportQuery query(
      Instant from, Instant to, String channel, String agent, String team) {
    Instant end = to == null ? Instant.now() : to;
    return new QaReports.ReportQuery(
        from == null ? end.minus(Duration.ofDays(28)) : from, end, channel(channel), agent, team);
  }

  static Channel channel(String channel) {
    if (channel == null || channel.isBlank()) {
      return null;
    }
    try {
      return Channel.valueOf(channel.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("channel must be call or chat, not " + channel.strip());
    }
  }

  private static QaReports.Grouping grouping(String by) {
    if (by == null || by.isBlank() || by.equalsIgnoreCase("agent")) {
      return QaReports.Grouping.AGENT;
    }
    if (by.equalsIgnoreCase("team")) {
      return QaReports.Grouping.TEAM;
    }
    throw new IllegalArgumentException("by must be agent or team, not " + by.strip());
  }

  @Operation(
      summary = "QA figures per agent or team",
      description =
          "Conversations ended from 'from' (inclusive) to 'to' (exclusive), ISO-8601 instants, at"
              + " most 366 days, default the last 28 days; 'channel' call or chat (default both);"
              + " 'agent' or 'team' narrow it. Per group: conversations scored and reviewed, mean"
              + " final score, auto-fails, appeals opened and upheld.")
  @GetMapping("/api/v1/qa/reports/scores")
  List<QaReports.GroupScore> scores(
      @RequestParam(defaultValue = "agent") String by,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String agent,
      @RequestParam(required = false) String team) {
    return reports.scores(grouping(by), query(from, to, channel, agent, team));
  }

  @Operation(
      summary = "QA figures per agent or team as CSV",
      description =
          "As /api/v1/qa/reports/scores; UTF-8 with a byte-order mark, cells safe from spreadsheet"
              + " formulas.")
  @GetMapping(value = "/api/v1/qa/reports/scores.csv", produces = "text/csv")
  ResponseEntity<String> scoresCsv(
      @RequestParam(defaultValue = "agent") String by,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String agent,
      @RequestParam(required = false) String team) {
    QaReports.Grouping grouping = grouping(by);
    QaReports.ReportQuery query = query(from, to, channel, agent, team);
    StringBuilder csv = new StringBuilder().append(CsvCells.BOM);
    csv.append(
        CsvCells.row(
            grouping.name().toLowerCase(Locale.ROOT),
            "conversations",
            "reviewed",
            "mean_score",
            "auto_failed",
            "appeals_opened",
            "appeals_upheld",
            "from",
            "to",
            "channel"));
    for (QaReports.GroupScore g : reports.scores(grouping, query)) {
      csv.append(
          CsvCells.row(
              g.key(),
              Long.toString(g.conversations()),
              Long.toString(g.reviewed()),
              Double.toString(g.meanScore()),
              Long.toString(g.autoFailed()),
              Long.toString(g.appealsOpened()),
              Long.toString(g.appealsUpheld()),
              query.from().toString(),
              query.to().toString(),
              query.channel() == null ? "" : query.channel().name()));
    }
    return ResponseEntity.ok()
        .header(
            "Content-Disposition",
            "attachment; filename=\"qa-scores-by-"
                + grouping.name().toLowerCase(Locale.ROOT)
                + ".csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv.toString());
  }

  @Operation(
      summary = "Appeal turnaround against the target",
      description =
          "Appeals filed and decided from 'from' (inclusive) to 'to' (exclusive), ISO-8601"
              + " instants, at most 366 days, default the last 28 days: the median and 95th"
              + " percentile hours from filing to decision and the share decided within the target"
              + " (cc.qa.appeals.decision-target, default 48 h), in all and per deciding"
              + " reviewer; and the appeals open now for longer than the target, oldest first"
              + " (at most 100, with their count), whenever they were filed.")
  @GetMapping("/api/v1/qa/reports/appeals")
  QaReports.AppealTurnaround appealTurnaround(
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
    Instant end = to == null ? Instant.now() : to;
    Instant start = from == null ? end.minus(Duration.ofDays(28)) : from;
    if (!start.isBefore(end)) {
      throw new BadParameterException("problem.parameter.instant-order", "from", start, "to", end);
    }
    Duration span = Duration.between(start, end);
    if (span.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
      long days = span.plusDays(1).minusNanos(1).toDays();
      throw new BadParameterException(
          "problem.parameter.range-too-long", "from", "to", days, MAX_DAYS);
    }
    return reports.appealTurnaround(start, end);
  }

  @GetMapping("/api/v1/qa/teams")
  List<QaReports.TeamMember> teams() {
    return reports.teams();
  }

  /**
   * A team to put an agent in; blank or null takes them out of any. {@code from}: when it begins
   * (ISO-8601 instant), null for now.
   */
  record TeamBody(String team, Instant from) {}

  @Operation(
      summary = "Put an agent in a team",
      description =
          "Ends the agent's membership of their team and begins one of this team at 'from'"
              + " (default now; not in the future, not before their latest membership began or"
              + " ended); an empty team takes the agent out of any. Reports count a conversation"
              + " under the team its agent was in when it ended; an agent's first team covers"
              + " their earlier conversations unless 'from' is given.")
  @PutMapping("/api/v1/qa/teams/members/{agent}")
  ResponseEntity<Void> assignTeam(
      @PathVariable String agent, @RequestBody TeamBody body, Authentication user) {
    reports.assignTeam(
        agent,
        body == null ? null : body.team(),
        body == null ? null : body.from(),
        user.getName());
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "An agent's team memberships",
      description = "Latest first, each with when it began and ended and who began it.")
  @GetMapping("/api/v1/qa/teams/members/{agent}/history")
  List<QaReports.Membership> memberships(@PathVariable String agent) {
    return reports.memberships(agent);
  }

  /** The default sampling share and the agents with their own. */
  record SamplingView(double defaultShare, List<QaSampling.AgentShare> agents) {}

  @Operation(
      summary = "Sampling shares",
      description =
          "The share (0–1) of conversations without an auto-fail or complaint picked for people to"
              + " review: the default, and the agents with a share of their own.")
  @GetMapping("/api/v1/qa/sampling")
  SamplingView sampling() {
    return new SamplingView(sampling.defaultShare(), sampling.agentShares());
  }

  /** An agent's own share, 0 to 1; null takes it away. */
  record ShareBody(Double share) {}

  @Operation(
      summary = "Give an agent a sampling share of their own",
      description =
          "'share' 0–1 applies to the agent's conversations scored from now on; null: the default"
              + " applies again.")
  @PutMapping("/api/v1/qa/sampling/agents/{agent}")
  ResponseEntity<Void> agentShare(
      @PathVariable String agent, @RequestBody ShareBody body, Authentication user) {
    sampling.setAgentShare(agent, body == null ? null : body.share(), user.getName());
    return ResponseEntity.noContent().build();
  }

  /** A calibration to start. */
  record CalibrationBody(String conversationId, String note) {}

  @Operation(
      summary = "Start a calibration",
      description =
          "The signed-in user is the lead: their own score is the reference. Items are the rules"
              + " on the conversation's score card.")
  @PostMapping("/api/v1/qa/calibrations")
  ResponseEntity<Calibration> startCalibration(
      @RequestBody CalibrationBody body, Authentication user) {
    if (body == null || body.conversationId() == null || body.conversationId().isBlank()) {
      throw new IllegalArgumentException("conversationId is required");
    }
    Calibration c = calibrations.start(body.conversationId().strip(), user.getName(), body.note());
    return ResponseEntity.created(URI.create("/api/v1/qa/calibrations/" + c.id())).body(c);
  }

  @GetMapping("/api/v1/qa/calibrations")
  List<Calibration> calibrations(
      @RequestParam(defaultValue = "50") int limit, Authentication user) {
    return calibrations.recent(user.getName(), limit);
  }

  @Operation(
      summary = "One calibration",
      description =
          "Others' scores and the spread appear only once the signed-in user has submitted.")
  @GetMapping("/api/v1/qa/calibrations/{id}")
  Calibration calibration(@PathVariable UUID id, Authentication user) {
    return calibrations
        .find(id, user.getName())
        .orElseThrow(() -> new CalibrationNotFoundException(id));
  }

  /** A calibration score as the API takes it. */
  record ScoreBody(Double score, Map<UUID, Boolean> items, String comment) {}

  @Operation(
      summary = "Score a calibration",
      description =
          "Once per person: 'score' 0–100 and, for every item (rule id), whether it was met. 422"
              + " when already submitted.")
  @PostMapping("/api/v1/qa/calibrations/{id}/scores")
  Calibration scoreCalibration(
      @PathVariable UUID id, @RequestBody ScoreBody body, Authentication user) {
    if (body == null) {
      throw new IllegalArgumentException("score must be between 0 and 100");
    }
    return calibrations.submit(
        id, new CalibrationScore(body.score(), body.items(), body.comment()), user.getName());
  }

  @ExceptionHandler(CalibrationNotFoundException.class)
  ProblemDetail noCalibration(CalibrationNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "calibration-not-found", e.getMessage());
  }

  @ExceptionHandler(CalibrationRefusedException.class)
  ProblemDetail refused(CalibrationRefusedException e) {
    ProblemDetail problem =
        problem(HttpStatus.UNPROCESSABLE_ENTITY, "calibration-refused", e.getMessage());
    problem.setProperty("reason", e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    return problem;
  }

  @ExceptionHandler(ConversationNotFoundException.class)
  ProblemDetail noConversation(ConversationNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "conversation-not-found", e.getMessage());
  }

  @ExceptionHandler(NotYetScoredException.class)
  ProblemDetail notScored(NotYetScoredException e) {
    return problem(HttpStatus.CONFLICT, "conversation-not-scored", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cc:problem:" + type));
    return problem;
  }
}

package io.contactcenter.app.web;

import io.contactcenter.app.security.PhoneNumberVisibility;
import io.contactcenter.common.SpokenNumbers;
import io.contactcenter.qa.Appeal;
import io.contactcenter.qa.AppealDecision;
import io.contactcenter.qa.AppealRefusedException;
import io.contactcenter.qa.AppealRequest;
import io.contactcenter.qa.AppealState;
import io.contactcenter.qa.Appeals;
import io.contactcenter.qa.ConversationNotFoundException;
import io.contactcenter.qa.ConversationReview;
import io.contactcenter.qa.ConversationScore;
import io.contactcenter.qa.ConversationSummary;
import io.contactcenter.qa.NotYetScoredException;
import io.contactcenter.qa.QaReports;
import io.contactcenter.qa.QaReviews;
import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.QaRules;
import io.contactcenter.qa.ReviewRequest;
import io.contactcenter.qa.RuleDefinition;
import io.contactcenter.qa.RuleHit;
import io.contactcenter.qa.RuleKind;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * QA over HTTP: rules as data, conversations with transcript and score card, the recording (with
 * HTTP range requests, so a player can seek), and reviews. Roles: see SecurityConfiguration.
 */
@RestController
@Tag(name = "qa", description = "QA rules, transcripts, score cards and reviews")
class QaController {

  private final QaRules rules;
  private final QaReviews reviews;
  private final Appeals appeals;
  private final QaReports reports;

  QaController(QaRules rules, QaReviews reviews, Appeals appeals, QaReports reports) {
    this.rules = rules;
    this.reviews = reviews;
    this.appeals = appeals;
    this.reports = reports;
  }

  @Operation(
      summary = "How often each rule was broken",
      description =
          "Conversations ended from 'from' (inclusive) to 'to' (exclusive), ISO-8601"
              + " instants; at most 366 days; default the last 28 days; 'channel' call or chat,"
              + " 'agent' or 'team' narrow it. Each rule with its hit rate.")
  @GetMapping("/api/v1/qa/reports/rules")
  List<QaReports.RuleFrequency> ruleReport(
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String agent,
      @RequestParam(required = false) String team) {
    return reports.ruleHits(QaReportsController.query(from, to, channel, agent, team));
  }

  @Operation(
      summary = "Mean score per week",
      description = "As for the rule report; weeks start on Monday (UTC).")
  @GetMapping("/api/v1/qa/reports/weekly")
  List<QaReports.WeeklyScore> weeklyReport(
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String agent,
      @RequestParam(required = false) String team) {
    return reports.weeklyScores(QaReportsController.query(from, to, channel, agent, team));
  }

  /**
   * A rule as the API takes it; times in seconds.
   *
   * @param withinSeconds for a required phrase: how soon it must begin
   * @param limitSeconds for silence, talk-over and hold time: the longest allowed stretch
   * @param combine for a combined rule: AND or OR
   * @param parts for a combined rule: the ids of the rules it combines
   */
  record RuleBody(
      String name,
      RuleKind kind,
      String section,
      Integer weight,
      Boolean autoFail,
      String language,
      List<String> phrases,
      Double withinSeconds,
      Double limitSeconds,
      Integer maxRate,
      Speaker speaker,
      Double similarity,
      Boolean enabled,
      RuleDefinition.Combination combine,
      List<UUID> parts) {

    RuleDefinition definition() {
      return new RuleDefinition(
          name,
          kind,
          section,
          weight == null ? 1 : weight,
          Boolean.TRUE.equals(autoFail),
          language,
          phrases,
          duration("withinSeconds", withinSeconds),
          duration("limitSeconds", limitSeconds),
          maxRate,
          speaker,
          similarity,
          enabled,
          combine,
          parts);
    }

    private static Duration duration(String field, Double seconds) {
      if (seconds == null) {
        return null;
      }
      if (seconds.isNaN() || seconds < 0 || seconds > 86_400) {
        throw new IllegalArgumentException(field + " must be between 0 and 86400");
      }
      return Duration.ofMillis(Math.round(seconds * 1000));
    }
  }

  /** A stored rule: its id, times in seconds. */
  record RuleView(
      UUID id,
      String name,
      RuleKind kind,
      String section,
      int weight,
      boolean autoFail,
      String language,
      List<String> phrases,
      Double withinSeconds,
      Double limitSeconds,
      Integer maxRate,
      Speaker speaker,
      double similarity,
      boolean enabled,
      RuleDefinition.Combination combine,
      List<UUID> parts) {

    static RuleView of(QaRule rule) {
      RuleDefinition d = rule.definition();
      return new RuleView(
          rule.id(),
          d.name(),
          d.kind(),
          d.section(),
          d.weight(),
          d.autoFail(),
          d.language(),
          d.phrases(),
          d.within() == null ? null : d.within().toMillis() / 1000.0,
          d.limit() == null ? null : d.limit().toMillis() / 1000.0,
          d.maxRate(),
          d.speaker(),
          d.similarity(),
          d.enabled(),
          d.combine(),
          d.parts());
    }
  }

  @GetMapping("/api/v1/qa/rules")
  List<RuleView> rules() {
    return rules.all().stream().map(RuleView::of).toList();
  }

  @Operation(summary = "Add a QA rule", description = "400 names the field that is wrong.")
  @PostMapping("/api/v1/qa/rules")
  ResponseEntity<RuleView> create(@RequestBody RuleBody body) {
    QaRule rule = rules.create(required(body).definition());
    return ResponseEntity.created(URI.create("/api/v1/qa/rules/" + rule.id()))
        .body(RuleView.of(rule));
  }

  @PutMapping("/api/v1/qa/rules/{id}")
  RuleView update(@PathVariable UUID id, @RequestBody RuleBody body) {
    return rules
        .update(id, required(body).definition())
        .map(RuleView::of)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no rule " + id));
  }

  @DeleteMapping("/api/v1/qa/rules/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    if (!rules.delete(id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no rule " + id);
    }
  }

  @GetMapping("/api/v1/qa/conversations")
  List<ConversationSummary> conversations(
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "false") boolean sampled) {
    return reviews.recent(limit, sampled);
  }

  @GetMapping("/api/v1/qa/conversations/{id}")
  ConversationReview conversation(@PathVariable String id, Authentication user) {
    return shown(reviews.find(id).orElseThrow(() -> new ConversationNotFoundException(id)), user);
  }

  @Operation(
      summary = "The conversation's recording",
      description = "WAV; answers Range requests with 206 so a player can seek.")
  @GetMapping(path = "/api/v1/qa/conversations/{id}/recording", produces = "audio/wav")
  ResponseEntity<Resource> recording(@PathVariable String id) {
    return reviews
        .recording(id)
        .<ResponseEntity<Resource>>map(
            file ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("audio/wav"))
                    .body(new FileSystemResource(file)))
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no recording of " + id));
  }

  @Operation(
      summary = "The signed-in agent's scored conversations",
      description = "Calls the agent accepted and chats they served, newest first.")
  @GetMapping("/api/v1/qa/my/conversations")
  List<ConversationSummary> myConversations(Authentication user) {
    return reviews.ofAgent(user.getName(), 200);
  }

  @Operation(
      summary = "One of the signed-in agent's conversations",
      description = "404 for a conversation that is not the agent's.")
  @GetMapping("/api/v1/qa/my/conversations/{id}")
  ConversationReview myConversation(@PathVariable String id, Authentication user) {
    return shown(own(id, user), user);
  }

  @Operation(
      summary = "The recording of one of the signed-in agent's calls",
      description = "WAV with Range requests; 404 for a conversation that is not the agent's.")
  @GetMapping(path = "/api/v1/qa/my/conversations/{id}/recording", produces = "audio/wav")
  ResponseEntity<Resource> myRecording(@PathVariable String id, Authentication user) {
    own(id, user);
    return recording(id);
  }

  @GetMapping("/api/v1/qa/my/appeals")
  List<Appeal> myAppeals(Authentication user) {
    return appeals.ofAppellant(user.getName()).stream().map(a -> shown(a, user)).toList();
  }

  /** The conversation if it is this agent's; someone else's is as unknown as a missing one. */
  private ConversationReview own(String id, Authentication user) {
    return reviews
        .find(id)
        .filter(c -> user.getName().equals(c.summary().agent()))
        .orElseThrow(() -> new ConversationNotFoundException(id));
  }

  @PostMapping("/api/v1/qa/conversations/{id}/review")
  ConversationReview review(
      @PathVariable String id, @RequestBody ReviewRequest body, Authentication user) {
    return shown(
        reviews.review(id, body == null ? new ReviewRequest(null, null) : body, user.getName()),
        user);
  }

  @PostMapping("/api/v1/qa/conversations/{id}/rescore")
  ConversationReview rescore(@PathVariable String id, Authentication user) {
    return shown(reviews.rescore(id), user);
  }

  @Operation(
      summary = "Appeal a reviewed score",
      description =
          "201 with the appeal; 422 naming the reason when the conversation is not reviewed, the"
              + " appeal window closed or an appeal is already open.")
  @PostMapping("/api/v1/qa/conversations/{id}/appeals")
  ResponseEntity<Appeal> appeal(
      @PathVariable String id, @RequestBody AppealRequest body, Authentication user) {
    if (body == null) {
      throw new IllegalArgumentException("reason must hold 1 to 2000 characters");
    }
    if (!Navigation.roles(user).contains(io.contactcenter.app.security.Role.ADMIN)) {
      own(id, user); // an agent appeals only their own conversations
    }
    Appeal appeal = appeals.open(id, body, user.getName());
    return ResponseEntity.created(URI.create("/api/v1/qa/appeals/" + appeal.id()))
        .body(shown(appeal, user));
  }

  @GetMapping("/api/v1/qa/appeals")
  List<Appeal> appeals(@RequestParam(required = false) AppealState state, Authentication user) {
    return appeals.list(state).stream().map(a -> shown(a, user)).toList();
  }

  @GetMapping("/api/v1/qa/appeals/{appealId}")
  Appeal appeal(@PathVariable UUID appealId, Authentication user) {
    return shown(appeals.find(appealId).orElseThrow(() -> appealNotFound(appealId)), user);
  }

  @Operation(
      summary = "Decide an appeal",
      description =
          "A reviewer other than the one who reviewed (and than the appellant) accepts with a new"
              + " score or rejects; 422 naming the reason otherwise.")
  @PostMapping("/api/v1/qa/appeals/{appealId}/decision")
  Appeal decide(
      @PathVariable UUID appealId, @RequestBody AppealDecision body, Authentication user) {
    if (body == null) {
      throw new IllegalArgumentException("accepted is required: true or false");
    }
    if (appeals.find(appealId).isEmpty()) {
      throw appealNotFound(appealId);
    }
    return shown(appeals.decide(appealId, body, user.getName()), user);
  }

  /**
   * The conversation as this viewer may see it: for a viewer who sees masked phone numbers ({@link
   * PhoneNumberVisibility}), every number spoken or typed in the transcript, the rule hits'
   * evidence and the review comment masked but for its last four digits ({@link SpokenNumbers}).
   * Each party's words are masked in their own order, so digits a customer spells out over several
   * recognized words are one number even when the agent says "okay" in between. Stored data stays
   * as it is.
   */
  static ConversationReview shown(ConversationReview c, Authentication user) {
    if (c == null || PhoneNumberVisibility.of(user) == PhoneNumberVisibility.FULL) {
      return c;
    }
    List<TranscriptWord> words = new ArrayList<>(c.words());
    Map<Speaker, List<Integer>> lanes = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      lanes.computeIfAbsent(words.get(i).speaker(), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> lane : lanes.values()) {
      List<String> masked =
          SpokenNumbers.maskWords(lane.stream().map(i -> words.get(i).word()).toList());
      for (int k = 0; k < lane.size(); k++) {
        TranscriptWord w = words.get(lane.get(k));
        words.set(
            lane.get(k),
            new TranscriptWord(masked.get(k), w.startMs(), w.endMs(), w.confidence(), w.speaker()));
      }
    }
    ConversationScore score = c.score();
    if (score != null) {
      score =
          new ConversationScore(
              score.score(),
              score.autoFailed(),
              score.sections(),
              score.hits().stream()
                  .map(
                      h ->
                          new RuleHit(
                              h.ruleId(),
                              h.ruleName(),
                              h.kind(),
                              h.section(),
                              h.passed(),
                              h.autoFail(),
                              h.startMs(),
                              h.endMs(),
                              SpokenNumbers.mask(h.evidence())))
                  .toList());
    }
    ConversationReview.Review review = c.review();
    if (review != null) {
      review =
          new ConversationReview.Review(
              review.reviewer(), review.score(), SpokenNumbers.mask(review.comment()), review.at());
    }
    return new ConversationReview(c.summary(), c.durationMs(), words, score, review);
  }

  /** The appeal as this viewer may see it: numbers in the reason and comments masked. */
  static Appeal shown(Appeal a, Authentication user) {
    if (a == null || PhoneNumberVisibility.of(user) == PhoneNumberVisibility.FULL) {
      return a;
    }
    return new Appeal(
        a.id(),
        a.conversationId(),
        a.appellant(),
        SpokenNumbers.mask(a.reason()),
        a.state(),
        a.openedAt(),
        a.scoreBefore(),
        a.decidedBy(),
        a.decidedAt(),
        a.finalScore(),
        SpokenNumbers.mask(a.decisionComment()),
        a.history().stream()
            .map(
                e ->
                    new Appeal.Event(e.at(), e.actor(), e.action(), SpokenNumbers.mask(e.detail())))
            .toList());
  }

  private static ResponseStatusException appealNotFound(UUID appealId) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "no appeal " + appealId);
  }

  @ExceptionHandler(AppealRefusedException.class)
  ProblemDetail appealRefused(AppealRefusedException e) {
    ProblemDetail problem =
        problem(HttpStatus.UNPROCESSABLE_ENTITY, "appeal-refused", e.getMessage());
    problem.setProperty("reason", e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    problem.setProperty("arguments", e.arguments());
    return problem;
  }

  @ExceptionHandler(ConversationNotFoundException.class)
  ProblemDetail notFound(ConversationNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "conversation-not-found", e.getMessage());
  }

  @ExceptionHandler(NotYetScoredException.class)
  ProblemDetail notScored(NotYetScoredException e) {
    return problem(HttpStatus.CONFLICT, "conversation-not-scored", e.getMessage());
  }

  private static RuleBody required(RuleBody body) {
    if (body == null) {
      throw new IllegalArgumentException("the rule is missing from the request body");
    }
    return body;
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cc:problem:" + type));
    return problem;
  }
}

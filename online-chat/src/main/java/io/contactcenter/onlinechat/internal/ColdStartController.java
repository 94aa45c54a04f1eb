package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.ClusterReview;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cold start: clustering historical questions (a file, or the transcripts of recorded calls) into
 * proposed FAQs, and the admin's review of the clusters up to accepting one as an FAQ.
 */
@RestController
class ColdStartController {

  static final int MAX_COLD_START_ROWS = 200_000;

  private final JdbcKnowledgeBase knowledgeBase;
  private final FaqEditor editor;
  private final ColdStartJobs coldStart;
  private final Clock clock;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final org.springframework.beans.factory.ObjectProvider<
          io.contactcenter.onlinechat.spi.CallTranscripts>
      callTranscripts;

  ColdStartController(
      JdbcKnowledgeBase knowledgeBase,
      FaqEditor editor,
      ColdStartJobs coldStart,
      org.springframework.beans.factory.ObjectProvider<Clock> clock,
      com.fasterxml.jackson.databind.ObjectMapper json,
      org.springframework.beans.factory.ObjectProvider<
              io.contactcenter.onlinechat.spi.CallTranscripts>
          callTranscripts) {
    this.knowledgeBase = knowledgeBase;
    this.editor = editor;
    this.coldStart = coldStart;
    this.json = json;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.callTranscripts = callTranscripts;
  }

  /**
   * Starts clustering historical questions: a CSV with a {@code text} column, or JSONL
   * conversations ({@link ConversationImport}; a {@code .jsonl} or {@code .ndjson} file, or one
   * that starts with <code>{</code>) whose customer turns are the questions and whose agents'
   * replies are proposed as answers. Rows in the result are 0-based questions (CSV data rows).
   */
  @PostMapping("/api/v1/kb/cold-start")
  org.springframework.http.ResponseEntity<Map<String, Object>> coldStart(
      @RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "en") String lang)
      throws IOException {
    ChatLanguage language = ChatLanguage.of(lang);
    String content = Uploads.utf8(file);
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    String lower = name.toLowerCase(Locale.ROOT);
    boolean jsonl =
        lower.endsWith(".jsonl")
            || lower.endsWith(".ndjson")
            || content.stripLeading().replace("\ufeff", "").startsWith("{");
    List<String> texts;
    List<String> answers;
    List<Map<String, Object>> problems;
    if (jsonl) {
      ConversationImport.Result conversations = ConversationImport.read(content, json);
      if (conversations.texts().isEmpty()) {
        throw new IllegalArgumentException(
            "no customer question in the conversations"
                + (conversations.problems().isEmpty()
                    ? ""
                    : ": line "
                        + conversations.problems().get(0).line()
                        + ": "
                        + conversations.problems().get(0).problem()));
      }
      texts = conversations.texts();
      answers = conversations.answers();
      problems =
          conversations.problems().stream()
              .map(p -> Map.<String, Object>of("line", p.line(), "problem", p.problem()))
              .toList();
    } else {
      List<List<String>> rows = CsvRows.parse(content);
      if (rows.isEmpty()) {
        throw new IllegalArgumentException(
            "the file is empty: expected a header with a text column");
      }
      int column =
          rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList().indexOf("text");
      if (column < 0) {
        throw new IllegalArgumentException("the header has no text column: " + rows.get(0));
      }
      texts =
          rows.subList(1, rows.size()).stream()
              .map(r -> column < r.size() ? r.get(column) : "")
              .toList();
      answers = java.util.Collections.nCopies(texts.size(), null);
      problems = List.of();
    }
    if (texts.size() > MAX_COLD_START_ROWS) {
      throw new IllegalArgumentException(
          "at most " + MAX_COLD_START_ROWS + " questions per file, got " + texts.size());
    }
    ColdStartJobs.Job job =
        coldStart.start(
            texts,
            answers,
            language,
            jsonl ? ColdStartJobs.Source.JSONL : ColdStartJobs.Source.CSV);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jobId", job.id);
    body.put("source", jsonl ? "jsonl" : "csv");
    body.put("questions", texts.size());
    body.put("problems", problems);
    return org.springframework.http.ResponseEntity.status(202).body(body);
  }

  /**
   * What to read from the call transcripts.
   *
   * @param lang {@code en} or {@code zh}
   * @param days calls that ended in the last this many days, 1 to 3650 (default 90)
   * @param maxCalls the newest this many calls at most, 1 to {@link
   *     io.contactcenter.onlinechat.spi.CallTranscripts#MAX_CALLS} (default 2000)
   */
  record CallsBody(String lang, Integer days, Integer maxCalls) {}

  /**
   * Starts clustering the customers' questions from QA's transcripts of recorded calls: each
   * customer utterance is a question, the agent's reply after it the proposed answer ({@link
   * CallTranscriptImport}). Rows in the result are 0-based questions in the order read (newest call
   * first).
   */
  @PostMapping("/api/v1/kb/cold-start/calls")
  org.springframework.http.ResponseEntity<Map<String, Object>> coldStartFromCalls(
      @RequestBody(required = false) CallsBody body) {
    CallsBody b = body == null ? new CallsBody(null, null, null) : body;
    ChatLanguage language = ChatLanguage.of(b.lang() == null ? "en" : b.lang());
    int days = b.days() == null ? 90 : b.days();
    if (days < 1 || days > 3650) {
      throw new IllegalArgumentException("days must be 1 to 3650, got " + days);
    }
    int maxCalls = b.maxCalls() == null ? 2000 : b.maxCalls();
    if (maxCalls < 1 || maxCalls > io.contactcenter.onlinechat.spi.CallTranscripts.MAX_CALLS) {
      throw new IllegalArgumentException(
          "maxCalls must be 1 to "
              + io.contactcenter.onlinechat.spi.CallTranscripts.MAX_CALLS
              + ", got "
              + maxCalls);
    }
    io.contactcenter.onlinechat.spi.CallTranscripts transcripts = callTranscripts.getIfAvailable();
    if (transcripts == null) {
      throw new ChatRefusedException(
          ChatRefusedException.Kind.CALL_TRANSCRIPTS_UNAVAILABLE,
          "call transcripts are not available in this installation");
    }
    CallTranscriptImport.Result calls =
        CallTranscriptImport.read(
            transcripts.transcribedCalls(
                language, clock.instant().minus(java.time.Duration.ofDays(days)), maxCalls));
    if (calls.texts().isEmpty()) {
      throw new ChatRefusedException(
          ChatRefusedException.Kind.NO_CALL_QUESTIONS,
          "no customer question in the "
              + language.tag()
              + " calls transcribed in the last "
              + days
              + " days",
          "no-questions",
          List.of(language.tag(), days));
    }
    if (calls.texts().size() > MAX_COLD_START_ROWS) {
      throw new IllegalArgumentException(
          "at most "
              + MAX_COLD_START_ROWS
              + " questions per job, the calls gave "
              + calls.texts().size()
              + ": choose fewer calls");
    }
    ColdStartJobs.Job job =
        coldStart.start(calls.texts(), calls.answers(), language, ColdStartJobs.Source.CALLS);
    Map<String, Object> body2 = new LinkedHashMap<>();
    body2.put("jobId", job.id);
    body2.put("source", "calls");
    body2.put("calls", calls.calls());
    body2.put("questions", calls.texts().size());
    return org.springframework.http.ResponseEntity.status(202).body(body2);
  }

  /**
   * The job, and once done its review: clusters not discarded, largest first, each with the
   * proposed answer (conversations only), up to {@link #EXAMPLES} distinct questions with their
   * rows, and the FAQ it became ({@code acceptedAs}); the discarded ones apart.
   */
  @GetMapping("/api/v1/kb/cold-start/{jobId}")
  Map<String, Object> coldStartJob(
      @org.springframework.web.bind.annotation.PathVariable String jobId) {
    return jobBody(job(jobId));
  }

  record TitleBody(String title) {}

  record MergeBody(String from) {}

  record SplitBody(List<Integer> rows) {}

  /** Renames a cluster; a later merge or split keeps the name. */
  @org.springframework.web.bind.annotation.PutMapping(
      "/api/v1/kb/cold-start/{jobId}/clusters/{clusterId}/title")
  Map<String, Object> renameCluster(
      @org.springframework.web.bind.annotation.PathVariable String jobId,
      @org.springframework.web.bind.annotation.PathVariable String clusterId,
      @RequestBody(required = false) TitleBody body) {
    return review(jobId, r -> r.rename(clusterId, body == null ? null : body.title()));
  }

  /** Merges cluster {@code from} into {@code clusterId}. */
  @PostMapping("/api/v1/kb/cold-start/{jobId}/clusters/{clusterId}/merge")
  Map<String, Object> mergeClusters(
      @org.springframework.web.bind.annotation.PathVariable String jobId,
      @org.springframework.web.bind.annotation.PathVariable String clusterId,
      @RequestBody(required = false) MergeBody body) {
    if (body == null || body.from() == null || body.from().isBlank()) {
      throw reviewProblem(
          ChatRefusedException.Kind.CLUSTER_REVIEW,
          "from-required",
          "from (the cluster to merge in) is required");
    }
    return review(jobId, r -> r.merge(clusterId, body.from().strip()));
  }

  /** Moves the given rows out of a cluster into a new one. */
  @PostMapping("/api/v1/kb/cold-start/{jobId}/clusters/{clusterId}/split")
  Map<String, Object> splitCluster(
      @org.springframework.web.bind.annotation.PathVariable String jobId,
      @org.springframework.web.bind.annotation.PathVariable String clusterId,
      @RequestBody(required = false) SplitBody body) {
    return review(
        jobId,
        r ->
            r.split(
                clusterId,
                body == null || body.rows() == null
                    ? List.of()
                    : body.rows().stream().filter(java.util.Objects::nonNull).toList()));
  }

  /** Hides a cluster from the list (restorable). */
  @PostMapping("/api/v1/kb/cold-start/{jobId}/clusters/{clusterId}/discard")
  Map<String, Object> discardCluster(
      @org.springframework.web.bind.annotation.PathVariable String jobId,
      @org.springframework.web.bind.annotation.PathVariable String clusterId) {
    return review(jobId, r -> r.discard(clusterId));
  }

  /** Brings a discarded cluster back. */
  @PostMapping("/api/v1/kb/cold-start/{jobId}/clusters/{clusterId}/restore")
  Map<String, Object> restoreCluster(
      @org.springframework.web.bind.annotation.PathVariable String jobId,
      @org.springframework.web.bind.annotation.PathVariable String clusterId) {
    return review(jobId, r -> r.restore(clusterId));
  }

  /**
   * An FAQ in the job's language as the admin edited it in the FAQ editor.
   *
   * @param faqId a new FAQ's id: an existing one in this language is refused, not overwritten
   */
  record AcceptBody(
      String faqId,
      String question,
      List<String> examples,
      String answer,
      String category,
      Boolean enabled) {}

  /** Saves the cluster as a new FAQ (the bot follows at once) and marks it accepted. */
  @PostMapping("/api/v1/kb/cold-start/{jobId}/clusters/{clusterId}/accept")
  Map<String, Object> acceptCluster(
      @org.springframework.web.bind.annotation.PathVariable String jobId,
      @org.springframework.web.bind.annotation.PathVariable String clusterId,
      @RequestBody(required = false) AcceptBody body) {
    ColdStartJobs.Job job = job(jobId);
    if (body == null || body.faqId() == null) {
      throw new IllegalArgumentException("faqId is required");
    }
    synchronized (job) {
      ClusterReview review = doneReview(job);
      refuseIf(review.mayAccept(clusterId));
      if (knowledgeBase.find(body.faqId(), job.lang.tag()).isPresent()) {
        throw new ChatRefusedException(
            ChatRefusedException.Kind.FAQ_EXISTS,
            "an FAQ " + body.faqId() + " in " + job.lang.tag() + " already exists");
      }
      editor.save(
          body.faqId(),
          job.lang,
          new FaqEditor.FaqBody(
              body.question(), body.examples(), body.answer(), body.category(), body.enabled()));
      refuseIf(review.accepted(clusterId, body.faqId()));
      coldStart.saveReview(job);
      return jobBody(job);
    }
  }

  static final int EXAMPLES = 50;

  private ColdStartJobs.Job job(String jobId) {
    return coldStart
        .find(jobId)
        .orElseThrow(
            () ->
                new ChatRefusedException(
                    ChatRefusedException.Kind.COLD_START_NOT_FOUND, "no cold-start job " + jobId));
  }

  private Map<String, Object> review(
      String jobId, java.util.function.Function<ClusterReview, ClusterReview.Outcome> action) {
    ColdStartJobs.Job job = job(jobId);
    synchronized (job) {
      refuseIf(action.apply(doneReview(job)));
      coldStart.saveReview(job);
      return jobBody(job);
    }
  }

  private static ClusterReview doneReview(ColdStartJobs.Job job) {
    if (job.state != ColdStartJobs.State.DONE || job.review == null) {
      throw new ChatRefusedException(
          ChatRefusedException.Kind.COLD_START_NOT_DONE,
          "the cold-start job is " + job.state.name().toLowerCase(Locale.ROOT) + ", not done");
    }
    return job.review;
  }

  private static void refuseIf(ClusterReview.Outcome outcome) {
    if (outcome instanceof ClusterReview.Refused refused) {
      throw refusal(refused);
    }
  }

  /** A refused review action as a problem: its kind by the rule, the rule as its reason. */
  static ChatRefusedException refusal(ClusterReview.Refused refused) {
    List<Object> a = refused.arguments();
    String reason = refused.refusal().name().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (refused.refusal()) {
      case UNKNOWN_CLUSTER ->
          new ChatRefusedException(
              ChatRefusedException.Kind.CLUSTER_NOT_FOUND, "no cluster " + a.get(0), reason, a);
      case ALREADY_ACCEPTED ->
          new ChatRefusedException(
              ChatRefusedException.Kind.CLUSTER_STATE,
              "cluster " + a.get(0) + " was already accepted as FAQ " + a.get(1),
              reason,
              a);
      case DISCARDED ->
          new ChatRefusedException(
              ChatRefusedException.Kind.CLUSTER_STATE,
              "cluster " + a.get(0) + " is discarded: restore it first",
              reason,
              a);
      case NOT_DISCARDED ->
          new ChatRefusedException(
              ChatRefusedException.Kind.CLUSTER_STATE,
              "cluster " + a.get(0) + " is not discarded",
              reason,
              a);
      case SAME_CLUSTER ->
          reviewProblem(
              ChatRefusedException.Kind.CLUSTER_REVIEW,
              reason,
              "cannot merge cluster " + a.get(0) + " with itself",
              a);
      case SPLIT_EMPTY ->
          reviewProblem(
              ChatRefusedException.Kind.CLUSTER_REVIEW,
              reason,
              "choose at least one question to move out of cluster " + a.get(0),
              a);
      case SPLIT_ALL ->
          reviewProblem(
              ChatRefusedException.Kind.CLUSTER_REVIEW,
              reason,
              "a split must leave at least one question in cluster " + a.get(0),
              a);
      case ROW_NOT_IN_CLUSTER ->
          reviewProblem(
              ChatRefusedException.Kind.CLUSTER_REVIEW,
              reason,
              "row " + a.get(0) + " is not in cluster " + a.get(1),
              a);
      case TITLE_BLANK ->
          reviewProblem(ChatRefusedException.Kind.CLUSTER_REVIEW, reason, "title is required", a);
      case TITLE_TOO_LONG ->
          reviewProblem(
              ChatRefusedException.Kind.CLUSTER_REVIEW,
              reason,
              "title must be at most " + a.get(0) + " characters",
              a);
    };
  }

  private static ChatRefusedException reviewProblem(
      ChatRefusedException.Kind kind, String reason, String message, Object... arguments) {
    return new ChatRefusedException(kind, message, reason, List.of(arguments));
  }

  private static ChatRefusedException reviewProblem(
      ChatRefusedException.Kind kind, String reason, String message, List<Object> arguments) {
    return new ChatRefusedException(kind, message, reason, arguments);
  }

  private static Map<String, Object> jobBody(ColdStartJobs.Job job) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jobId", job.id);
    body.put("state", job.state.name().toLowerCase(Locale.ROOT));
    body.put("progress", job.progress);
    body.put("lang", job.lang.tag());
    body.put("source", job.source.name().toLowerCase(Locale.ROOT));
    body.put("attempts", job.attempts);
    body.put("questions", job.texts.size());
    body.put("answers", job.hasAnswers());
    synchronized (job) {
      ClusterReview review = job.state == ColdStartJobs.State.DONE ? job.review : null;
      body.put(
          "clusters",
          review == null
              ? List.of()
              : review.clusters().stream().map(c -> clusterBody(job, review, c)).toList());
      body.put(
          "discarded",
          review == null
              ? List.of()
              : review.discarded().stream().map(c -> clusterBody(job, review, c)).toList());
      body.put("unclustered", review == null ? List.of() : job.unclustered);
    }
    if (job.error != null) {
      body.put("error", job.error);
    }
    return body;
  }

  private static Map<String, Object> clusterBody(
      ColdStartJobs.Job job, ClusterReview review, ClusterReview.Cluster c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", c.id());
    out.put("title", c.title());
    out.put("size", c.size());
    out.put("rows", c.rows());
    out.put("renamed", c.renamed());
    out.put("acceptedAs", c.acceptedAs());
    ClusterReview.ProposedAnswer answer = review.proposedAnswer(c);
    out.put("answer", answer == null ? null : answer.text());
    out.put("answerCount", answer == null ? 0 : answer.count());
    out.put("answered", answer == null ? 0 : answer.answered());
    Map<String, List<Integer>> examples = new LinkedHashMap<>();
    for (int row : c.rows()) {
      String text = job.texts.get(row).strip();
      if (examples.containsKey(text) || examples.size() < EXAMPLES) {
        examples.computeIfAbsent(text, t -> new java.util.ArrayList<>()).add(row);
      }
    }
    out.put(
        "examples",
        examples.entrySet().stream()
            .map(e -> Map.<String, Object>of("text", e.getKey(), "rows", e.getValue()))
            .toList());
    return out;
  }
}

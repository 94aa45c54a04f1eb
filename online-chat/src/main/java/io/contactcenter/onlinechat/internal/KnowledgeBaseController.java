package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.BotReply;
import io.contactcenter.onlinechat.ChatLanguage;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

/** The FAQ knowledge base (admins import it) and the bot's answer to one question. */
@RestController
class KnowledgeBaseController {

  static final int MAX_COLD_START_ROWS = 200_000;

  private final JdbcKnowledgeBase knowledgeBase;
  private final IndexedFaqBot bot;
  private final ColdStartJobs coldStart;
  private final Clock clock;

  KnowledgeBaseController(
      JdbcKnowledgeBase knowledgeBase,
      IndexedFaqBot bot,
      ColdStartJobs coldStart,
      org.springframework.beans.factory.ObjectProvider<Clock> clock) {
    this.knowledgeBase = knowledgeBase;
    this.bot = bot;
    this.coldStart = coldStart;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  record QuestionBody(String text, String lang) {}

  /** CSV {@code faq_id,question,example,answer,lang}: counts and per-row problems. */
  @PostMapping("/api/v1/kb/faqs/import")
  Map<String, Object> importFaqs(@RequestParam("file") MultipartFile file) throws IOException {
    String csv = utf8(file);
    FaqImport.Result result = FaqImport.read(csv);
    knowledgeBase.save(result.faqs(), clock.instant());
    bot.reload();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("rows", result.rows());
    body.put("faqs", result.faqs().size());
    body.put("examples", result.faqs().stream().mapToInt(f -> f.examples().size()).sum());
    body.put(
        "problems",
        result.problems().stream()
            .map(p -> Map.of("row", p.row(), "problem", p.problem()))
            .toList());
    return body;
  }

  /**
   * Starts clustering historical questions (CSV with a {@code text} column; row numbers in the
   * result are 0-based data rows).
   */
  @PostMapping("/api/v1/kb/cold-start")
  org.springframework.http.ResponseEntity<Map<String, Object>> coldStart(
      @RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "en") String lang)
      throws IOException {
    ChatLanguage language = ChatLanguage.of(lang);
    List<List<String>> rows = CsvRows.parse(utf8(file));
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the file is empty: expected a header with a text column");
    }
    int column =
        rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList().indexOf("text");
    if (column < 0) {
      throw new IllegalArgumentException("the header has no text column: " + rows.get(0));
    }
    if (rows.size() - 1 > MAX_COLD_START_ROWS) {
      throw new IllegalArgumentException(
          "at most " + MAX_COLD_START_ROWS + " questions per file, got " + (rows.size() - 1));
    }
    List<String> texts =
        rows.subList(1, rows.size()).stream()
            .map(r -> column < r.size() ? r.get(column) : "")
            .toList();
    ColdStartJobs.Job job = coldStart.start(texts, language);
    return org.springframework.http.ResponseEntity.status(202).body(Map.of("jobId", job.id));
  }

  @GetMapping("/api/v1/kb/cold-start/{jobId}")
  Map<String, Object> coldStartJob(
      @org.springframework.web.bind.annotation.PathVariable String jobId) {
    ColdStartJobs.Job job =
        coldStart
            .find(jobId)
            .orElseThrow(
                () ->
                    new ChatRefusedException(
                        ChatRefusedException.Kind.NOT_FOUND, "no cold-start job " + jobId));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", job.state.name().toLowerCase(Locale.ROOT));
    body.put("progress", job.progress);
    var result = job.result;
    body.put(
        "clusters",
        result == null
            ? List.of()
            : result.clusters().stream()
                .map(
                    c ->
                        Map.of(
                            "id", c.id(), "title", c.title(), "size", c.size(), "rows", c.rows()))
                .toList());
    body.put("unclustered", result == null ? List.of() : result.unclustered());
    if (job.error != null) {
      body.put("error", job.error);
    }
    return body;
  }

  private static String utf8(MultipartFile file) throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(file.getBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the file is not UTF-8 text");
    }
  }

  record EnabledBody(Boolean enabled) {}

  /** Turns one FAQ (in one language) on or off; the bot's index follows at once. */
  @org.springframework.web.bind.annotation.PutMapping("/api/v1/kb/faqs/{faqId}/{lang}/enabled")
  org.springframework.http.ResponseEntity<Void> enable(
      @org.springframework.web.bind.annotation.PathVariable String faqId,
      @org.springframework.web.bind.annotation.PathVariable String lang,
      @RequestBody EnabledBody body) {
    if (body == null || body.enabled() == null) {
      throw new IllegalArgumentException("enabled (true or false) is required");
    }
    if (!knowledgeBase.enable(
        faqId, ChatLanguage.of(lang).tag(), body.enabled(), clock.instant())) {
      throw new ChatRefusedException(
          ChatRefusedException.Kind.NOT_FOUND, "no FAQ " + faqId + " in " + lang);
    }
    bot.reload();
    return org.springframework.http.ResponseEntity.noContent().build();
  }

  /**
   * One FAQ in one language as the admin page edits it.
   *
   * @param examples other ways to ask it (the question is one anyway)
   * @param enabled null: on
   */
  record FaqBody(
      String question, List<String> examples, String answer, String category, Boolean enabled) {}

  static final java.util.regex.Pattern FAQ_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /** Adds or replaces one FAQ in one language (examples replaced); the bot follows at once. */
  @org.springframework.web.bind.annotation.PutMapping("/api/v1/kb/faqs/{faqId}/{lang}")
  JdbcKnowledgeBase.FaqRow put(
      @org.springframework.web.bind.annotation.PathVariable String faqId,
      @org.springframework.web.bind.annotation.PathVariable String lang,
      @RequestBody FaqBody body) {
    if (!FAQ_ID.matcher(faqId).matches()) {
      throw new IllegalArgumentException(
          "faqId must be 1-100 letters, digits or . _ - (starting with a letter or digit)");
    }
    ChatLanguage language = ChatLanguage.of(lang);
    if (body == null) {
      throw new IllegalArgumentException("question and answer are required");
    }
    String question = required("question", body.question(), 500);
    String answer = required("answer", body.answer(), 4000);
    String category = body.category() == null ? "" : body.category().strip();
    if (category.length() > 100) {
      throw new IllegalArgumentException("category must be at most 100 characters");
    }
    java.util.Set<String> examples = new java.util.LinkedHashSet<>();
    examples.add(question);
    for (String example : body.examples() == null ? List.<String>of() : body.examples()) {
      if (example != null && !example.isBlank()) {
        examples.add(required("an example", example, 500));
      }
    }
    if (examples.size() > 200) {
      throw new IllegalArgumentException("at most 200 examples per FAQ, got " + examples.size());
    }
    knowledgeBase.save(
        List.of(new FaqImport.Faq(faqId, language, question, answer, category, examples)),
        clock.instant());
    if (Boolean.FALSE.equals(body.enabled())) {
      knowledgeBase.enable(faqId, language.tag(), false, clock.instant());
    }
    bot.reload();
    return knowledgeBase.find(faqId, language.tag()).orElseThrow();
  }

  /** Deletes one FAQ in one language; the bot stops answering with it at once. */
  @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/kb/faqs/{faqId}/{lang}")
  org.springframework.http.ResponseEntity<Void> delete(
      @org.springframework.web.bind.annotation.PathVariable String faqId,
      @org.springframework.web.bind.annotation.PathVariable String lang) {
    if (!knowledgeBase.delete(faqId, ChatLanguage.of(lang).tag())) {
      throw new ChatRefusedException(
          ChatRefusedException.Kind.NOT_FOUND, "no FAQ " + faqId + " in " + lang);
    }
    bot.reload();
    return org.springframework.http.ResponseEntity.noContent().build();
  }

  static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    String v = value.strip();
    if (v.length() > max) {
      throw new IllegalArgumentException(
          field + " must be at most " + max + " characters, not " + v.length());
    }
    return v;
  }

  /** The knowledge base as CSV in the import's columns (plus category and enabled). */
  @GetMapping(value = "/api/v1/kb/faqs/export", produces = "text/csv")
  org.springframework.http.ResponseEntity<String> export() {
    StringBuilder csv =
        new StringBuilder("faq_id,question,example,answer,lang,category,enabled\r\n");
    for (List<String> row : knowledgeBase.exportRows()) {
      csv.append(
              row.stream()
                  .map(KnowledgeBaseController::csvCell)
                  .collect(java.util.stream.Collectors.joining(",")))
          .append("\r\n");
    }
    return org.springframework.http.ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"faqs.csv\"")
        .contentType(new org.springframework.http.MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv.toString());
  }

  /**
   * A CSV cell, quoted when needed; a leading = + - @ is prefixed with ' so a spreadsheet does not
   * run it as a formula.
   */
  static String csvCell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  @GetMapping("/api/v1/kb/faqs")
  List<JdbcKnowledgeBase.FaqRow> faqs() {
    return knowledgeBase.all();
  }

  @PostMapping("/api/v1/bot/answer")
  Map<String, Object> answer(@RequestBody QuestionBody body) {
    if (body == null || body.text() == null || body.text().isBlank()) {
      throw new IllegalArgumentException("text is required");
    }
    if (body.text().length() > 2000) {
      throw new IllegalArgumentException("text is longer than 2000 characters");
    }
    BotReply reply = bot.answer(body.text(), ChatLanguage.of(body.lang()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("action", reply.action().name().toLowerCase(Locale.ROOT));
    out.put("faqId", reply.faqId());
    out.put("confidence", reply.confidence());
    out.put("answer", reply.answer());
    out.put(
        "alternatives",
        reply.alternatives().stream()
            .map(
                a ->
                    Map.of(
                        "faqId", a.faqId(), "question", a.question(), "confidence", a.confidence()))
            .toList());
    return out;
  }
}

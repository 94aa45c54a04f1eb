package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.BotReply;
import io.contactcenter.onlinechat.ChatLanguage;
import java.io.IOException;
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

/**
 * The FAQ knowledge base (admins import and edit it) and the bot's answer to one question; building
 * one from history is {@link ColdStartController}'s.
 */
@RestController
class KnowledgeBaseController {

  private final JdbcKnowledgeBase knowledgeBase;
  private final IndexedFaqBot bot;
  private final KnowledgeBaseSync sync;
  private final FaqEditor editor;
  private final ShopSynonymEditor synonyms;
  private final Clock clock;

  KnowledgeBaseController(
      JdbcKnowledgeBase knowledgeBase,
      IndexedFaqBot bot,
      KnowledgeBaseSync sync,
      FaqEditor editor,
      ShopSynonymEditor synonyms,
      org.springframework.beans.factory.ObjectProvider<Clock> clock) {
    this.knowledgeBase = knowledgeBase;
    this.bot = bot;
    this.sync = sync;
    this.editor = editor;
    this.synonyms = synonyms;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  record QuestionBody(String text, String lang) {}

  /** CSV {@code faq_id,question,example,answer,lang}: counts and per-row problems. */
  @PostMapping("/api/v1/kb/faqs/import")
  Map<String, Object> importFaqs(@RequestParam("file") MultipartFile file) throws IOException {
    String csv = Uploads.utf8(file);
    FaqImport.Result result = FaqImport.read(csv);
    knowledgeBase.save(result.faqs(), clock.instant());
    sync.changed();
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
    sync.changed();
    return org.springframework.http.ResponseEntity.noContent().build();
  }

  /** Adds or replaces one FAQ in one language (examples replaced); the bot follows at once. */
  @org.springframework.web.bind.annotation.PutMapping("/api/v1/kb/faqs/{faqId}/{lang}")
  JdbcKnowledgeBase.FaqRow put(
      @org.springframework.web.bind.annotation.PathVariable String faqId,
      @org.springframework.web.bind.annotation.PathVariable String lang,
      @RequestBody FaqEditor.FaqBody body) {
    return editor.save(faqId, ChatLanguage.of(lang), body);
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
    sync.changed();
    return org.springframework.http.ResponseEntity.noContent().build();
  }

  /** The knowledge base as CSV in the import's columns (plus category, enabled and kind). */
  @GetMapping(value = "/api/v1/kb/faqs/export", produces = "text/csv")
  org.springframework.http.ResponseEntity<String> export() {
    StringBuilder csv =
        new StringBuilder("faq_id,question,example,answer,lang,category,enabled,kind\r\n");
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

  /** The shop's own synonym groups of one language, as the bot uses them over the shipped ones. */
  record SynonymsBody(List<io.contactcenter.onlinechat.internal.domain.Synonyms.Group> groups) {}

  @GetMapping("/api/v1/kb/synonyms/{lang}")
  SynonymsBody synonyms(@org.springframework.web.bind.annotation.PathVariable String lang) {
    return new SynonymsBody(synonyms.groups(ChatLanguage.of(lang)));
  }

  /** Replaces the shop's own synonym groups of one language; the bot re-indexes at once. */
  @org.springframework.web.bind.annotation.PutMapping("/api/v1/kb/synonyms/{lang}")
  SynonymsBody putSynonyms(
      @org.springframework.web.bind.annotation.PathVariable String lang,
      @RequestBody SynonymsBody body) {
    if (body == null) {
      throw new SynonymGroupsRejectedException(
          "groups-required", "groups is required (an empty list removes them)");
    }
    return new SynonymsBody(synonyms.save(ChatLanguage.of(lang), body.groups()));
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

package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.FaqEntry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The FAQ knowledge base in PostgreSQL; saving an FAQ again makes its next version. */
class JdbcKnowledgeBase {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JdbcKnowledgeBase(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** Stores the FAQs in one transaction, replacing each one's examples. */
  void save(List<FaqImport.Faq> faqs, Instant at) {
    tx.executeWithoutResult(
        status -> {
          for (FaqImport.Faq faq : faqs) {
            jdbc.sql(
                    """
                    INSERT INTO chat_faq (faq_id, lang, question, answer, category, kind,
                        updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (faq_id, lang) DO UPDATE SET question = excluded.question,
                        answer = excluded.answer, category = excluded.category,
                        kind = excluded.kind, enabled = TRUE,
                        version = chat_faq.version + 1, updated_at = excluded.updated_at
                    """)
                .params(
                    faq.faqId(),
                    faq.lang().tag(),
                    faq.question(),
                    faq.outOfScope() ? "" : faq.answer(),
                    faq.category().isEmpty() ? null : faq.category(),
                    faq.kind(),
                    Timestamp.from(at))
                .update();
            jdbc.sql("DELETE FROM chat_faq_example WHERE faq_id = ? AND lang = ?")
                .params(faq.faqId(), faq.lang().tag())
                .update();
            for (String example : faq.examples()) {
              jdbc.sql(
                      "INSERT INTO chat_faq_example (faq_id, lang, example) VALUES (?, ?, ?)"
                          + " ON CONFLICT DO NOTHING")
                  .params(faq.faqId(), faq.lang().tag(), example)
                  .update();
            }
          }
        });
  }

  /** Every enabled entry of a language (FAQs and out-of-scope ones) with its texts. */
  List<FaqEntry> enabled(ChatLanguage lang) {
    Map<String, String> answers = new LinkedHashMap<>();
    java.util.Set<String> outOfScope = new java.util.HashSet<>();
    Map<String, List<String>> questions = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT faq_id, question, answer, kind FROM chat_faq WHERE lang = ? AND enabled"
                + " ORDER BY faq_id")
        .param(lang.tag())
        .query(
            rs -> {
              answers.put(rs.getString("faq_id"), rs.getString("answer"));
              if (FaqImport.OUT_OF_SCOPE.equals(rs.getString("kind"))) {
                outOfScope.add(rs.getString("faq_id"));
              }
              questions
                  .computeIfAbsent(rs.getString("faq_id"), k -> new ArrayList<>())
                  .add(rs.getString("question"));
            });
    jdbc.sql(
            """
            SELECT e.faq_id, e.example FROM chat_faq_example e
            JOIN chat_faq f ON f.faq_id = e.faq_id AND f.lang = e.lang
            WHERE e.lang = ? AND f.enabled
            """)
        .param(lang.tag())
        .query(
            rs -> {
              List<String> list = questions.get(rs.getString("faq_id"));
              if (list != null && !list.contains(rs.getString("example"))) {
                list.add(rs.getString("example"));
              }
            });
    List<FaqEntry> entries = new ArrayList<>();
    answers.forEach(
        (id, answer) ->
            entries.add(
                new FaqEntry(id, lang.tag(), answer, questions.get(id), outOfScope.contains(id))));
    return entries;
  }

  /** Enables or disables one FAQ in one language; false if there is no such FAQ. */
  boolean enable(String faqId, String lang, boolean enabled, Instant at) {
    return jdbc.sql(
                "UPDATE chat_faq SET enabled = ?, version = version + 1, updated_at = ?"
                    + " WHERE faq_id = ? AND lang = ?")
            .params(enabled, Timestamp.from(at), faqId, lang)
            .update()
        == 1;
  }

  /**
   * Every entry as import rows: the first row of an entry carries its question and answer; every
   * row carries the kind, so any row of it read alone says what it is.
   */
  List<List<String>> exportRows() {
    List<List<String>> rows = new ArrayList<>();
    for (FaqRow faq : all()) {
      List<String> examples =
          jdbc.sql(
                  "SELECT example FROM chat_faq_example WHERE faq_id = ? AND lang = ?"
                      + " ORDER BY example")
              .params(faq.faqId(), faq.lang())
              .query(String.class)
              .list();
      boolean first = true;
      for (String example : examples.isEmpty() ? List.of("") : examples) {
        rows.add(
            List.of(
                faq.faqId(),
                first ? faq.question() : "",
                example.equals(faq.question()) ? "" : example,
                first ? faq.answer() : "",
                faq.lang(),
                faq.category() == null ? "" : faq.category(),
                String.valueOf(faq.enabled()),
                faq.kind()));
        first = false;
      }
    }
    return rows;
  }

  /**
   * One entry in one language; {@code examples} includes the question itself.
   *
   * @param kind {@value FaqImport#FAQ} or {@value FaqImport#OUT_OF_SCOPE} (ADR 0061)
   */
  record FaqRow(
      String faqId,
      String lang,
      String question,
      String answer,
      String category,
      boolean enabled,
      int version,
      List<String> examples,
      String kind) {}

  List<FaqRow> all() {
    java.util.Map<String, List<String>> examples = new java.util.HashMap<>();
    jdbc.sql("SELECT faq_id, lang, example FROM chat_faq_example ORDER BY example")
        .query(
            rs -> {
              examples
                  .computeIfAbsent(
                      rs.getString("faq_id") + "\u0000" + rs.getString("lang"),
                      k -> new ArrayList<>())
                  .add(rs.getString("example"));
            });
    return jdbc.sql(
            "SELECT faq_id, lang, question, answer, category, enabled, version, kind"
                + " FROM chat_faq ORDER BY faq_id, lang")
        .query(
            (rs, row) ->
                new FaqRow(
                    rs.getString("faq_id"),
                    rs.getString("lang"),
                    rs.getString("question"),
                    rs.getString("answer"),
                    rs.getString("category"),
                    rs.getBoolean("enabled"),
                    rs.getInt("version"),
                    List.copyOf(
                        examples.getOrDefault(
                            rs.getString("faq_id") + "\u0000" + rs.getString("lang"), List.of())),
                    rs.getString("kind")))
        .list();
  }

  java.util.Optional<FaqRow> find(String faqId, String lang) {
    return all().stream().filter(f -> f.faqId().equals(faqId) && f.lang().equals(lang)).findFirst();
  }

  /** Deletes one FAQ in one language with its examples; false when there was none. */
  boolean delete(String faqId, String lang) {
    return jdbc.sql("DELETE FROM chat_faq WHERE faq_id = ? AND lang = ?")
            .params(faqId, lang)
            .update()
        == 1;
  }
}

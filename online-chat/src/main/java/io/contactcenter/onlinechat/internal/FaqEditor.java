package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import java.time.Clock;
import java.util.List;

/**
 * Saves one FAQ as an admin edited it, in the FAQ editor or when accepting a cold-start cluster;
 * the bot follows at once, on every instance within seconds.
 */
final class FaqEditor {

  private final JdbcKnowledgeBase knowledgeBase;
  private final KnowledgeBaseSync sync;
  private final Clock clock;

  FaqEditor(JdbcKnowledgeBase knowledgeBase, KnowledgeBaseSync sync, Clock clock) {
    this.knowledgeBase = knowledgeBase;
    this.sync = sync;
    this.clock = clock;
  }

  /**
   * One FAQ in one language as the admin page edits it.
   *
   * @param examples other ways to ask it (the question is one anyway)
   * @param enabled null: on
   * @param kind {@value FaqImport#FAQ} (also null) or {@value FaqImport#OUT_OF_SCOPE}: examples of
   *     what the bot hands over instead of answering, without an answer (ADR 0061)
   */
  record FaqBody(
      String question,
      List<String> examples,
      String answer,
      String category,
      Boolean enabled,
      String kind) {

    FaqBody(
        String question, List<String> examples, String answer, String category, Boolean enabled) {
      this(question, examples, answer, category, enabled, null);
    }
  }

  /** The most texts of an FAQ; an out-of-scope entry gathers many more ways of asking. */
  static final int MAX_EXAMPLES = 200;

  static final int MAX_OUT_OF_SCOPE_EXAMPLES = 1_000;

  static final java.util.regex.Pattern FAQ_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /**
   * Adds or replaces one FAQ in one language (examples replaced), after checking the id and every
   * field; {@code enabled} false saves it off.
   */
  JdbcKnowledgeBase.FaqRow save(String faqId, ChatLanguage language, FaqBody body) {
    if (!FAQ_ID.matcher(faqId).matches()) {
      throw new IllegalArgumentException(
          "faqId must be 1-100 letters, digits or . _ - (starting with a letter or digit)");
    }
    if (body == null) {
      throw new IllegalArgumentException("question and answer are required");
    }
    boolean outOfScope =
        FaqImport.outOfScope(body.kind())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "kind must be " + FaqImport.FAQ + " or " + FaqImport.OUT_OF_SCOPE));
    String question = required("question", body.question(), 500);
    String answer;
    if (outOfScope) {
      if (body.answer() != null && !body.answer().isBlank()) {
        throw new IllegalArgumentException(
            "an out-of-scope entry has no answer: the bot hands its questions over");
      }
      answer = "";
    } else {
      answer = required("answer", body.answer(), 4000);
    }
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
    int max = outOfScope ? MAX_OUT_OF_SCOPE_EXAMPLES : MAX_EXAMPLES;
    if (examples.size() > max) {
      throw new IllegalArgumentException(
          "at most "
              + max
              + (outOfScope ? " examples per out-of-scope entry" : " examples per FAQ")
              + ", got "
              + examples.size());
    }
    knowledgeBase.save(
        List.of(
            new FaqImport.Faq(faqId, language, question, answer, category, examples, outOfScope)),
        clock.instant());
    if (Boolean.FALSE.equals(body.enabled())) {
      knowledgeBase.enable(faqId, language.tag(), false, clock.instant());
    }
    sync.changed();
    return knowledgeBase.find(faqId, language.tag()).orElseThrow();
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
}

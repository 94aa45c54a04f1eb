package io.contactcenter.onlinechat.internal.domain;

import java.util.List;
import java.util.Objects;

/**
 * One enabled knowledge-base entry in one language with the texts that ask it: its question and
 * paraphrases. An FAQ has an answer; an out-of-scope entry ({@code outOfScope}) holds examples of
 * what the bot must not answer (ADR 0061): it is matched like an FAQ, but when it wins the bot
 * hands over, and it is never an answer or a choice shown to the visitor.
 */
public record FaqEntry(
    String faqId, String lang, String answer, List<String> questions, boolean outOfScope) {

  public FaqEntry {
    Objects.requireNonNull(faqId, "faqId");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(answer, "answer");
    questions = List.copyOf(questions);
  }

  /** An FAQ (answered when it matches). */
  public FaqEntry(String faqId, String lang, String answer, List<String> questions) {
    this(faqId, lang, answer, questions, false);
  }
}

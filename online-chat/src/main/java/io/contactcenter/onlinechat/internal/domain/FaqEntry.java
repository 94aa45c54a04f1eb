package io.contactcenter.onlinechat.internal.domain;

import java.util.List;
import java.util.Objects;

/** One enabled FAQ in one language with the texts that ask it: its question and paraphrases. */
public record FaqEntry(String faqId, String lang, String answer, List<String> questions) {

  public FaqEntry {
    Objects.requireNonNull(faqId, "faqId");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(answer, "answer");
    questions = List.copyOf(questions);
  }
}

package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an FAQ CSV ({@code faq_id,question,example,answer,lang}; optional {@code category} and
 * {@code kind}): rows sharing a faq_id and lang form one FAQ, whose question and answer are the
 * first non-empty ones and whose examples are every question and example. A bad row is reported
 * with its number (1 is the first data row) and the reason; the good rows are kept.
 *
 * <p>{@code kind} is {@value #FAQ} (or empty: an FAQ, answered) or {@value #OUT_OF_SCOPE}: an entry
 * whose texts are examples of what the bot must not answer, handed over instead (ADR 0061); it has
 * no answer. An entry's kind is the first non-empty one among its rows.
 */
final class FaqImport {

  static final List<String> REQUIRED = List.of("faq_id", "question", "example", "answer", "lang");

  /** The kind of an FAQ the bot answers with (also what an empty {@code kind} means). */
  static final String FAQ = "faq";

  /** The kind of an entry holding examples of questions the bot must hand over. */
  static final String OUT_OF_SCOPE = "out_of_scope";

  /**
   * One entry as stored.
   *
   * @param answer empty for an out-of-scope entry
   * @param outOfScope examples of what the bot must not answer (ADR 0061), not an FAQ
   */
  record Faq(
      String faqId,
      ChatLanguage lang,
      String question,
      String answer,
      String category,
      Set<String> examples,
      boolean outOfScope) {

    /** An FAQ the bot answers with. */
    Faq(
        String faqId,
        ChatLanguage lang,
        String question,
        String answer,
        String category,
        Set<String> examples) {
      this(faqId, lang, question, answer, category, examples, false);
    }

    String kind() {
      return outOfScope ? OUT_OF_SCOPE : FAQ;
    }
  }

  /**
   * The kind a cell names: {@value #FAQ} (also empty) or {@value #OUT_OF_SCOPE}, in any case, with
   * - or a space for _; empty when it names neither.
   */
  static java.util.Optional<Boolean> outOfScope(String kind) {
    String k = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    k = k.replace(' ', '_');
    if (k.isEmpty() || k.equals(FAQ)) {
      return java.util.Optional.of(false);
    }
    return k.equals(OUT_OF_SCOPE) ? java.util.Optional.of(true) : java.util.Optional.empty();
  }

  record Problem(int row, String problem) {}

  record Result(List<Faq> faqs, List<Problem> problems, int rows) {}

  private FaqImport() {}

  static Result read(String csv) {
    List<List<String>> rows = CsvRows.parse(csv);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the file is empty: expected a header " + REQUIRED);
    }
    List<String> header = rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    List<String> missing = REQUIRED.stream().filter(h -> !header.contains(h)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "the header lacks the column(s) " + missing + "; expected " + REQUIRED);
    }
    Map<String, Faq> faqs = new LinkedHashMap<>();
    Map<String, Integer> kindRows = new LinkedHashMap<>();
    Map<String, Integer> answerRows = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      String id = cell(row, header, "faq_id");
      String question = cell(row, header, "question");
      String example = cell(row, header, "example");
      String answer = cell(row, header, "answer");
      String langText = cell(row, header, "lang");
      String category = cell(row, header, "category");
      String kind = cell(row, header, "kind");
      if (id.isEmpty()) {
        problems.add(new Problem(r, "faq_id is empty"));
        continue;
      }
      if (id.length() > 100) {
        problems.add(new Problem(r, "faq_id is longer than 100 characters"));
        continue;
      }
      ChatLanguage lang;
      try {
        lang = ChatLanguage.of(langText);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(r, e.getMessage()));
        continue;
      }
      if (question.isEmpty() && example.isEmpty()) {
        problems.add(new Problem(r, "neither question nor example is given"));
        continue;
      }
      java.util.Optional<Boolean> outOfScope = outOfScope(kind);
      if (outOfScope.isEmpty()) {
        problems.add(
            new Problem(
                r,
                "kind \""
                    + kind
                    + "\" is neither "
                    + FAQ
                    + " (an FAQ, also when empty) nor "
                    + OUT_OF_SCOPE
                    + " (examples the bot hands over)"));
        continue;
      }
      String key = id + "\u0000" + lang;
      Faq faq =
          faqs.computeIfAbsent(key, k -> new Faq(id, lang, "", "", "", new LinkedHashSet<>()));
      boolean kindGiven = !kind.isEmpty();
      if (kindGiven && kindRows.containsKey(key) && outOfScope.get() != faq.outOfScope()) {
        problems.add(
            new Problem(
                r,
                "kind "
                    + (outOfScope.get() ? OUT_OF_SCOPE : FAQ)
                    + " differs from "
                    + faq.kind()
                    + " given for "
                    + id
                    + " ("
                    + lang.tag()
                    + ") in row "
                    + kindRows.get(key)));
        continue;
      }
      if (kindGiven) {
        kindRows.putIfAbsent(key, r);
      }
      if (!answer.isEmpty()) {
        answerRows.putIfAbsent(key, r);
      }
      Faq merged =
          new Faq(
              id,
              lang,
              faq.question().isEmpty() ? (question.isEmpty() ? example : question) : faq.question(),
              faq.answer().isEmpty() ? answer : faq.answer(),
              faq.category().isEmpty() ? category : faq.category(),
              faq.examples(),
              kindGiven ? outOfScope.get() : faq.outOfScope());
      if (!question.isEmpty()) {
        merged.examples().add(question);
      }
      if (!example.isEmpty()) {
        merged.examples().add(example);
      }
      faqs.put(id + "\u0000" + lang, merged);
    }
    List<Faq> complete = new ArrayList<>();
    for (Map.Entry<String, Faq> entry : faqs.entrySet()) {
      Faq faq = entry.getValue();
      if (faq.outOfScope() && !faq.answer().isEmpty()) {
        problems.add(
            new Problem(
                answerRows.get(entry.getKey()),
                "out-of-scope entry "
                    + faq.faqId()
                    + " ("
                    + faq.lang().tag()
                    + ") has an answer, but the bot hands its questions over and never shows"
                    + " one: leave answer empty"));
      } else if (!faq.outOfScope() && faq.answer().isEmpty()) {
        problems.add(
            new Problem(0, "FAQ " + faq.faqId() + " (" + faq.lang().tag() + ") has no answer"));
      } else {
        complete.add(faq);
      }
    }
    return new Result(complete, problems, rows.size() - 1);
  }

  private static String cell(List<String> row, List<String> header, String column) {
    int i = header.indexOf(column);
    return i >= 0 && i < row.size() ? row.get(i).trim() : "";
  }
}

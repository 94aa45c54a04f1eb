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
 * Reads an FAQ CSV ({@code faq_id,question,example,answer,lang}; optional {@code category}): rows
 * sharing a faq_id and lang form one FAQ, whose question and answer are the first non-empty ones
 * and whose examples are every question and example. A bad row is reported with its number (1 is
 * the first data row) and the reason; the good rows are kept.
 */
final class FaqImport {

  static final List<String> REQUIRED = List.of("faq_id", "question", "example", "answer", "lang");

  record Faq(
      String faqId,
      ChatLanguage lang,
      String question,
      String answer,
      String category,
      Set<String> examples) {}

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
    List<Problem> problems = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      String id = cell(row, header, "faq_id");
      String question = cell(row, header, "question");
      String example = cell(row, header, "example");
      String answer = cell(row, header, "answer");
      String langText = cell(row, header, "lang");
      String category = cell(row, header, "category");
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
      Faq faq =
          faqs.computeIfAbsent(
              id + "\u0000" + lang, k -> new Faq(id, lang, "", "", "", new LinkedHashSet<>()));
      Faq merged =
          new Faq(
              id,
              lang,
              faq.question().isEmpty() ? (question.isEmpty() ? example : question) : faq.question(),
              faq.answer().isEmpty() ? answer : faq.answer(),
              faq.category().isEmpty() ? category : faq.category(),
              faq.examples());
      if (!question.isEmpty()) {
        merged.examples().add(question);
      }
      if (!example.isEmpty()) {
        merged.examples().add(example);
      }
      faqs.put(id + "\u0000" + lang, merged);
    }
    List<Faq> complete = new ArrayList<>();
    for (Faq faq : faqs.values()) {
      if (faq.answer().isEmpty()) {
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

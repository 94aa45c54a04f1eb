package io.contactcenter.onlinechat.internal.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggests FAQs from chat history: the visitors' questions the bot could not answer and agents did
 * are grouped by {@link QuestionClusterer}; each group becomes a suggestion with its most central
 * question as the title, its distinct wordings as examples, and the agents' answer given in most of
 * the group's conversations. An answer agents give in conversations about other questions too (a
 * greeting, "anything else?") counts against it, so the answer that belongs to this question wins
 * over the one agents say everywhere. Deterministic for the same input.
 */
public final class FaqSuggester {

  /** How many wordings a suggestion carries at most (the most frequent first). */
  public static final int MAX_EXAMPLES = 20;

  /**
   * A visitor's question and what agents wrote after it in the same conversation.
   *
   * @param answers the agents' later messages in that conversation, in order
   */
  public record AnsweredQuestion(String conversationId, String text, List<String> answers) {
    public AnsweredQuestion {
      answers = List.copyOf(answers);
    }
  }

  /**
   * A suggested FAQ.
   *
   * @param questions distinct wordings, the title first
   * @param size how many questions asked it
   * @param conversations in how many conversations
   * @param answerVotes in how many of those conversations agents gave {@code answer}
   */
  public record Suggestion(
      String title,
      List<String> questions,
      String answer,
      int size,
      int conversations,
      int answerVotes) {}

  private final QuestionClusterer clusterer;

  public FaqSuggester(QuestionClusterer clusterer) {
    this.clusterer = clusterer;
  }

  /** Suggestions largest first; questions with no agent answer are left out. */
  public List<Suggestion> suggest(List<AnsweredQuestion> history) {
    List<AnsweredQuestion> answered =
        history.stream().filter(q -> !q.answers().isEmpty() && !q.text().isBlank()).toList();
    QuestionClusterer.Result result =
        clusterer.cluster(answered.stream().map(AnsweredQuestion::text).toList(), p -> {});
    // In which conversations agents gave each answer, over all clustered questions.
    Map<String, Set<String>> everywhere = new HashMap<>();
    for (QuestionClusterer.Cluster c : result.clusters()) {
      for (int row : c.rows()) {
        AnsweredQuestion q = answered.get(row);
        for (String a : q.answers()) {
          everywhere.computeIfAbsent(key(a), k -> new HashSet<>()).add(q.conversationId());
        }
      }
    }
    List<Suggestion> suggestions = new ArrayList<>();
    for (QuestionClusterer.Cluster c : result.clusters()) {
      Map<String, Set<String>> here = new LinkedHashMap<>();
      Map<String, String> wording = new HashMap<>();
      Map<String, Integer> asked = new LinkedHashMap<>();
      Map<String, String> askedWording = new HashMap<>();
      Set<String> conversations = new HashSet<>();
      for (int row : c.rows()) {
        AnsweredQuestion q = answered.get(row);
        conversations.add(q.conversationId());
        asked.merge(key(q.text()), 1, Integer::sum);
        askedWording.putIfAbsent(key(q.text()), q.text().strip());
        for (String a : q.answers()) {
          here.computeIfAbsent(key(a), k -> new HashSet<>()).add(q.conversationId());
          wording.putIfAbsent(key(a), a.strip());
        }
      }
      String best = null;
      int bestScore = Integer.MIN_VALUE;
      for (Map.Entry<String, Set<String>> e : here.entrySet()) {
        int inside = e.getValue().size();
        int outside = everywhere.get(e.getKey()).size() - inside;
        int score = inside - outside;
        if (score > bestScore
            || (score == bestScore && better(wording.get(e.getKey()), wording.get(best)))) {
          best = e.getKey();
          bestScore = score;
        }
      }
      List<String> questions = new ArrayList<>();
      questions.add(c.title().strip());
      asked.entrySet().stream()
          .sorted(
              Map.Entry.<String, Integer>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .map(e -> askedWording.get(e.getKey()))
          .filter(w -> !key(w).equals(key(c.title())))
          .limit(MAX_EXAMPLES - 1)
          .forEach(questions::add);
      suggestions.add(
          new Suggestion(
              c.title().strip(),
              List.copyOf(questions),
              wording.get(best),
              c.size(),
              conversations.size(),
              here.get(best).size()));
    }
    suggestions.sort(
        Comparator.comparingInt(Suggestion::size)
            .reversed()
            .thenComparing(Comparator.comparingInt(Suggestion::conversations).reversed())
            .thenComparing(Suggestion::title));
    return List.copyOf(suggestions);
  }

  /** On a tie the fuller answer (an agent's real reply is longer than "ok"), then the first. */
  private static boolean better(String candidate, String current) {
    if (current == null) {
      return true;
    }
    if (candidate.length() != current.length()) {
      return candidate.length() > current.length();
    }
    return candidate.compareTo(current) < 0;
  }

  /** Two wordings that differ only in case, spacing or trailing punctuation are one. */
  public static String key(String text) {
    return text.strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .replaceAll("[\\p{Punct}\\s。？！，、]+$", "");
  }
}

package io.contactcenter.onlinechat.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Past conversations for the cold start, JSONL: one conversation a line, {@code
 * {"messages":[{"role":"customer","text":"…"},{"role":"agent","text":"…"}]}}. Customer turns (role
 * {@code customer}, {@code visitor} or {@code user}) become the questions; each one's answer is the
 * first agent turn after it (a customer who writes twice before the agent replies gets the reply
 * for both). Other roles (bot, system) are skipped. A bad line is reported by its number and the
 * good lines are kept.
 */
final class ConversationImport {

  static final Set<String> CUSTOMER = Set.of("customer", "visitor", "user");
  static final String AGENT = "agent";

  /** One problem: the 1-based line and what was wrong. */
  record Problem(int line, String problem) {}

  /** The questions, each one's answer (or null), and the lines left out. */
  record Result(List<String> texts, List<String> answers, List<Problem> problems) {}

  private ConversationImport() {}

  static Result read(String jsonl, ObjectMapper json) {
    List<String> texts = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String[] lines = jsonl.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode conversation;
      try {
        conversation = json.readTree(line);
      } catch (JsonProcessingException e) {
        problems.add(new Problem(i + 1, "not JSON: " + e.getOriginalMessage()));
        continue;
      }
      JsonNode messages = conversation.path("messages");
      if (!messages.isArray()) {
        problems.add(new Problem(i + 1, "no messages array"));
        continue;
      }
      List<Integer> waiting = new ArrayList<>();
      int questions = 0;
      for (JsonNode message : messages) {
        String role = message.path("role").asText("").strip().toLowerCase(Locale.ROOT);
        String text = message.path("text").asText("").strip();
        if (text.isEmpty()) {
          continue;
        }
        if (CUSTOMER.contains(role)) {
          waiting.add(texts.size());
          texts.add(text);
          answers.add(null);
          questions++;
        } else if (AGENT.equals(role)) {
          for (int row : waiting) {
            answers.set(row, text);
          }
          waiting.clear();
        }
      }
      if (questions == 0) {
        problems.add(new Problem(i + 1, "no customer turn with text"));
      }
    }
    return new Result(texts, answers, problems);
  }
}

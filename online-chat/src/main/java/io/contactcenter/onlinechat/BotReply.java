package io.contactcenter.onlinechat;

import java.util.List;

/**
 * The bot's reply to one question.
 *
 * @param action what to do: answer with {@code answer}, clarify between {@code alternatives}, or
 *     hand over to a human
 * @param faqId the best matching FAQ, null when nothing matched
 * @param confidence the best FAQ's score, 0 to 1
 * @param answer the FAQ's answer when {@code action} is ANSWER, else null
 * @param alternatives the next best FAQs (the choices when clarifying), best first
 */
public record BotReply(
    Action action, String faqId, double confidence, String answer, List<Alternative> alternatives) {

  public BotReply {
    alternatives = List.copyOf(alternatives);
  }

  /** What the bot does. */
  public enum Action {
    ANSWER,
    CLARIFY,
    HANDOFF
  }

  /** Another FAQ that may be meant, with its question in the asked language. */
  public record Alternative(String faqId, String question, double confidence) {}
}

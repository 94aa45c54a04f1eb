package io.contactcenter.ivr.internal.domain;

import java.util.List;
import java.util.Map;

/** One node of a flow. Exits name other nodes by id. */
public sealed interface Node {

  String id();

  /** The ids of the nodes this node can lead to, by exit name, in a stable order. */
  Map<String, String> exits();

  /**
   * A question with choices, answered by a key or by speech. No input or an answer that matches no
   * choice is asked once more; the second time the caller goes to the no-input or no-match exit.
   * The to-agent exit is taken when the caller keys {@code 0} or says one of the agent phrases.
   */
  record Menu(
      String id,
      Prompt prompt,
      List<Choice> choices,
      String noInput,
      String noMatch,
      String toAgent)
      implements Node {

    public Menu {
      choices = List.copyOf(choices);
    }

    @Override
    public Map<String, String> exits() {
      java.util.LinkedHashMap<String, String> exits = new java.util.LinkedHashMap<>();
      for (Choice c : choices) {
        exits.put("choices." + c.key(), c.next());
      }
      exits.put("no-input", noInput);
      exits.put("no-match", noMatch);
      exits.put("to-agent", toAgent);
      return exits;
    }
  }

  /**
   * One choice of a menu.
   *
   * @param key the DTMF key, 1-9, * or #
   * @param phrases what a caller may say instead, by language
   * @param next the node it leads to
   * @param intent what the caller wants, for the containment report
   */
  record Choice(char key, Map<String, List<String>> phrases, String next, String intent) {

    public Choice {
      phrases = Map.copyOf(phrases);
    }
  }

  /** Says a prompt and goes on. */
  record Say(String id, Prompt prompt, String next) implements Node {

    @Override
    public Map<String, String> exits() {
      return Map.of("next", next);
    }
  }

  /**
   * Self-service "where is my order": asks for the order number, reads it back to confirm, looks it
   * up and says its status.
   *
   * @param minDigits the shortest valid order number
   * @param maxDigits the longest valid order number
   * @param ask asks for the number, ended by '#'
   * @param confirm reads a spoken number back ({@code {order_number:digits}}) and asks for a yes or
   *     a no, said or keyed (1 = yes, 2 = no)
   * @param confirmKeys reads the number back and asks for keys only (1 = yes, 2 = no): for a keyed
   *     number, and again after a confirmation that was not understood; {@link
   *     #DEFAULT_CONFIRM_KEYS} when a flow does not say it
   * @param found says the status; may use every order variable
   * @param notFound says that no order has that number
   * @param unavailable apologises that orders cannot be looked up now (then to-agent)
   * @param next where a caller who heard the status goes
   * @param noInput where a caller who gave no valid number twice goes
   * @param toAgent where a caller who keys 0, or whose lookup failed, goes
   */
  record OrderStatus(
      String id,
      int minDigits,
      int maxDigits,
      Prompt ask,
      Prompt confirm,
      Prompt confirmKeys,
      Prompt found,
      Prompt notFound,
      Prompt unavailable,
      String next,
      String noInput,
      String toAgent)
      implements Node {

    /**
     * The keys-only read-back of a flow that has none of its own (flows written before it existed).
     */
    public static final Prompt DEFAULT_CONFIRM_KEYS =
        new Prompt(
            Map.of(
                "en",
                "The order number is {order_number:digits}. If this is correct press 1,"
                    + " otherwise press 2.",
                "zh",
                "订单号是{order_number:digits}。正确请按1，重新输入请按2。"),
            List.of("you-entered", "digits:order_number", "if-correct-press", "digits/1"));

    @Override
    public Map<String, String> exits() {
      java.util.LinkedHashMap<String, String> exits = new java.util.LinkedHashMap<>();
      exits.put("next", next);
      exits.put("no-input", noInput);
      exits.put("to-agent", toAgent);
      return exits;
    }
  }

  /**
   * Hands the caller to a human: the call leaves the IVR for a queue.
   *
   * @param prompt said first; may be null
   * @param priority the caller's priority in the queue, e.g. {@code normal} or {@code vip}; null
   *     means the caller's tier decides
   */
  record Agent(String id, Prompt prompt, String queue, String priority) implements Node {

    @Override
    public Map<String, String> exits() {
      return Map.of();
    }
  }

  /** Says goodbye and hangs up. */
  record Hangup(String id, Prompt prompt) implements Node {

    @Override
    public Map<String, String> exits() {
      return Map.of();
    }
  }

  /** Branches on the flow's opening hours: {@code open} during them, {@code closed} outside. */
  record Hours(String id, String open, String closed) implements Node {

    @Override
    public Map<String, String> exits() {
      java.util.LinkedHashMap<String, String> exits = new java.util.LinkedHashMap<>();
      exits.put("open", open);
      exits.put("closed", closed);
      return exits;
    }
  }

  /**
   * Asks a caller the hotline cannot serve now for a callback number (keyed, '#' ends it); a number
   * is stored and announced, then the caller hears {@code thanks} and goes on.
   *
   * @param ask asks for the number
   * @param thanks confirms; may use {@code callback_number}
   * @param next where the caller goes after thanks, or after giving no valid number twice
   */
  record LeaveNumber(String id, Prompt ask, Prompt thanks, String next) implements Node {

    @Override
    public Map<String, String> exits() {
      return Map.of("next", next);
    }
  }
}

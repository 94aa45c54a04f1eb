package io.contactcenter.ivr.internal.domain;

import io.contactcenter.ivr.FlowProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a parsed flow: every exit names a node, every node is reachable from the start, every menu
 * has its three exits and distinct keys, every prompt has {@code en} and {@code zh} and uses only
 * variables defined where it is said. Returns every problem with its path.
 */
public final class FlowValidator {

  /** The languages every prompt must have. */
  public static final List<String> LANGUAGES = List.of("en", "zh");

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)(?::([a-z]+))?}");
  private static final Set<String> KINDS = Set.of("text", "money", "date", "time", "digits");
  private static final Pattern SOUND = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final Pattern KEY = Pattern.compile("[1-9*#]");

  private FlowValidator() {}

  public static List<FlowProblem> check(Flow flow) {
    List<FlowProblem> problems = new ArrayList<>();
    if (!LANGUAGES.contains(flow.language())) {
      problems.add(
          FlowProblem.of(
              "language",
              "flow-language",
              "must be en or zh, was '" + flow.language() + "'",
              flow.language()));
    }
    if (!flow.nodes().containsKey(flow.start())) {
      problems.add(
          FlowProblem.of(
              "start", "node-unknown", "unknown node '" + flow.start() + "'", flow.start()));
    }
    for (Node node : flow.nodes().values()) {
      String at = "nodes." + node.id();
      node.exits()
          .forEach(
              (exit, target) -> {
                if (target == null || target.isBlank()) {
                  problems.add(
                      FlowProblem.of(
                          at + "." + exit, "next-missing", "missing: name the next node"));
                } else if (!flow.nodes().containsKey(target)) {
                  problems.add(
                      FlowProblem.of(
                          at + "." + exit,
                          "node-unknown",
                          "unknown node '" + target + "'",
                          target));
                }
              });
      checkNode(flow, node, at, problems);
    }
    if (flow.repeatCaller() != null
        && !(flow.nodes().get(flow.repeatCaller()) instanceof Node.Agent)) {
      problems.add(
          FlowProblem.of(
              "repeat-caller",
              "repeat-caller",
              "must name an agent node, was '" + flow.repeatCaller() + "'",
              flow.repeatCaller()));
    }
    boolean hasHours = flow.nodes().values().stream().anyMatch(n -> n instanceof Node.Hours);
    if (hasHours && flow.hours() == null) {
      problems.add(FlowProblem.of("hours", "hours-missing", "missing: the flow has an hours node"));
    }
    for (String unreachable : unreachable(flow)) {
      problems.add(
          FlowProblem.of(
              "nodes." + unreachable,
              "unreachable",
              "unreachable: no exit leads here from " + flow.start(),
              flow.start()));
    }
    return problems;
  }

  private static void checkNode(Flow flow, Node node, String at, List<FlowProblem> problems) {
    Set<String> declared = flow.variables();
    switch (node) {
      case Node.Menu menu -> {
        prompt(menu.prompt(), at + ".prompt", declared, problems);
        if (menu.choices().isEmpty()) {
          problems.add(
              FlowProblem.of(at + ".choices", "no-choices", "a menu needs at least one choice"));
        }
        Set<Character> keys = new HashSet<>();
        for (Node.Choice choice : menu.choices()) {
          String where = at + ".choices." + choice.key();
          if (!KEY.matcher(String.valueOf(choice.key())).matches()) {
            problems.add(
                FlowProblem.of(
                    where + ".key",
                    "choice-key",
                    "must be one of 1-9, * or # (0 is the agent key)"));
          }
          if (!keys.add(choice.key())) {
            problems.add(
                FlowProblem.of(where + ".key", "key-twice", "the key is used twice in this menu"));
          }
          for (String language : LANGUAGES) {
            List<String> phrases = choice.phrases().get(language);
            if (phrases == null || phrases.isEmpty()) {
              problems.add(
                  FlowProblem.of(
                      where + ".say." + language,
                      "phrases-missing",
                      "missing: what a caller may say"));
            }
          }
        }
      }
      case Node.Say say -> prompt(say.prompt(), at + ".prompt", declared, problems);
      case Node.OrderStatus order -> {
        if (order.minDigits() < 1
            || order.maxDigits() > 20
            || order.minDigits() > order.maxDigits()) {
          problems.add(
              FlowProblem.of(
                  at + ".digits",
                  "digits",
                  "needs 1 <= min <= max <= 20, was "
                      + order.minDigits()
                      + ".."
                      + order.maxDigits(),
                  order.minDigits(),
                  order.maxDigits()));
        }
        Set<String> withNumber = union(declared, Set.of("order_number"));
        Set<String> withOrder = union(declared, Flow.ORDER_VARIABLES);
        prompt(order.ask(), at + ".ask", declared, problems);
        prompt(order.confirm(), at + ".confirm", withNumber, problems);
        prompt(order.confirmKeys(), at + ".confirm-keys", withNumber, problems);
        prompt(order.found(), at + ".found", withOrder, problems);
        prompt(order.notFound(), at + ".not-found", withNumber, problems);
        prompt(order.unavailable(), at + ".unavailable", withNumber, problems);
      }
      case Node.Agent agent -> {
        if (agent.prompt() != null) {
          prompt(agent.prompt(), at + ".prompt", declared, problems);
        }
        if (agent.queue() == null || !QUEUE.matcher(agent.queue()).matches()) {
          problems.add(
              FlowProblem.of(
                  at + ".queue",
                  "queue-name",
                  "must be a queue name (letters, digits, _ and -, up to 40)"));
        }
      }
      case Node.Hangup hangup -> prompt(hangup.prompt(), at + ".prompt", declared, problems);
      case Node.Hours hours -> {
        // Only exits: checked above.
      }
      case Node.LeaveNumber leave -> {
        prompt(leave.ask(), at + ".ask", declared, problems);
        prompt(
            leave.thanks(), at + ".thanks", union(declared, Set.of("callback_number")), problems);
      }
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static void prompt(
      Prompt prompt, String at, Set<String> defined, List<FlowProblem> problems) {
    if (prompt == null) {
      problems.add(FlowProblem.of(at, "prompt-missing", "missing: the prompt"));
      return;
    }
    for (String language : LANGUAGES) {
      String text = prompt.texts().get(language);
      if (text == null || text.isBlank()) {
        problems.add(
            FlowProblem.of(
                at + "." + language,
                "text-missing",
                "missing: the " + language + " text",
                language));
        continue;
      }
      Matcher m = PLACEHOLDER.matcher(text);
      while (m.find()) {
        if (!defined.contains(m.group(1))) {
          problems.add(
              FlowProblem.of(
                  at + "." + language,
                  "variable-undefined",
                  "variable '" + m.group(1) + "' is not defined here",
                  m.group(1)));
        }
        if (m.group(2) != null && !KINDS.contains(m.group(2))) {
          problems.add(
              FlowProblem.of(
                  at + "." + language,
                  "kind-unknown",
                  "unknown kind '" + m.group(2) + "'; use text, money, date, time or digits",
                  m.group(2)));
        }
      }
      String rest = PLACEHOLDER.matcher(text).replaceAll("");
      if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
        problems.add(FlowProblem.of(at + "." + language, "placeholder", "malformed placeholder"));
      }
    }
    for (String sound : prompt.sounds()) {
      if (sound.startsWith("digits:")) {
        String variable = sound.substring("digits:".length());
        if (!defined.contains(variable)) {
          problems.add(
              FlowProblem.of(
                  at + ".sounds",
                  "variable-undefined",
                  "variable '" + variable + "' is not defined here",
                  variable));
        }
      } else if (!SOUND.matcher(sound).matches()) {
        problems.add(
            FlowProblem.of(
                at + ".sounds", "sound", "'" + sound + "' is not an Asterisk sound name", sound));
      }
    }
  }

  private static Set<String> unreachable(Flow flow) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    if (flow.nodes().containsKey(flow.start())) {
      todo.add(flow.start());
    }
    while (!todo.isEmpty()) {
      String id = todo.removeFirst();
      if (!seen.add(id)) {
        continue;
      }
      for (String target : flow.nodes().get(id).exits().values()) {
        if (target != null && flow.nodes().containsKey(target) && !seen.contains(target)) {
          todo.add(target);
        }
      }
    }
    Set<String> unreachable = new LinkedHashSet<>(flow.nodes().keySet());
    unreachable.removeAll(seen);
    if (!flow.nodes().containsKey(flow.start())) {
      return Set.of();
    }
    return unreachable;
  }

  /** The variables a prompt text uses. */
  public static Set<String> variables(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}

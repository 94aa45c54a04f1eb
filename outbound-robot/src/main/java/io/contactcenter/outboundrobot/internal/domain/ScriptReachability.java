package io.contactcenter.outboundrobot.internal.domain;

import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScript.Branch;
import io.contactcenter.outboundrobot.DialogueScript.Step;
import io.contactcenter.outboundrobot.ScriptProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The script as a graph of steps, for the {@link ScriptValidator}'s rules that every step is
 * reachable from the start and can reach an end (a loop of steps that only talk never does).
 */
final class ScriptReachability {

  private ScriptReachability() {}

  /**
   * Every step not reachable from the start, and every step from which no way leads to an end;
   * empty when the start step is unknown (that is reported elsewhere).
   */
  static List<ScriptProblem> problems(DialogueScript script) {
    List<ScriptProblem> problems = new ArrayList<>();
    if (!script.steps().containsKey(script.start())) {
      return problems;
    }
    Map<String, Set<String>> edges = edges(script, true);
    Set<String> reachable = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(script.start()));
    while (!queue.isEmpty()) {
      String name = queue.pop();
      if (reachable.add(name)) {
        queue.addAll(edges.get(name));
      }
    }
    // A step can reach an end if it is one or leads to one: grow the set until it stops growing.
    Set<String> canEnd = new HashSet<>();
    script.steps().forEach((name, step) -> step.end().ifPresent(outcome -> canEnd.add(name)));
    Map<String, Set<String>> ownEdges = edges(script, false);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, Set<String>> e : ownEdges.entrySet()) {
        if (!canEnd.contains(e.getKey()) && e.getValue().stream().anyMatch(canEnd::contains)) {
          canEnd.add(e.getKey());
          grew = true;
        }
      }
    }
    script
        .steps()
        .forEach(
            (name, step) -> {
              if (!reachable.contains(name)) {
                problems.add(
                    ScriptProblem.of(
                        "steps." + name,
                        "unreachable",
                        "unreachable from the start step '" + script.start() + "'",
                        script.start()));
              } else if (!canEnd.contains(name)) {
                problems.add(
                    step.next().isPresent()
                        ? ScriptProblem.of(
                            "steps." + name + ".next",
                            "loop",
                            "loop " + loop(script, name) + " never reaches an end step",
                            loop(script, name))
                        : ScriptProblem.of(
                            "steps." + name + ".on", "no-end", "no reply leads to an end step"));
              }
            });
    return problems;
  }

  /**
   * Every step each step can lead to. With {@code bargeIn}, also the script-wide branches a callee
   * may take by speaking over a prompt that asks nothing: a way forward, but not one that a silent
   * callee ever takes, so it does not count as a way out of a loop.
   */
  private static Map<String, Set<String>> edges(DialogueScript script, boolean bargeIn) {
    Map<String, Set<String>> edges = new LinkedHashMap<>();
    script
        .steps()
        .forEach(
            (name, step) -> {
              Set<String> to = new LinkedHashSet<>();
              step.next().ifPresent(to::add);
              List<Branch> branches = new ArrayList<>(step.on().values());
              step.listen()
                  .ifPresent(
                      listen -> {
                        branches.addAll(script.on().values());
                        to.add(listen.noResponse().orElse(script.noResponse()));
                      });
              if (bargeIn && step.next().isPresent()) {
                // Speech over a prompt that asks nothing can still take a script-wide branch.
                branches.addAll(script.on().values());
              }
              for (Branch branch : branches) {
                to.add(branch.target());
                branch.withoutTime().ifPresent(to::add);
              }
              to.retainAll(script.steps().keySet());
              edges.put(name, to);
            });
    return edges;
  }

  private static String loop(DialogueScript script, String from) {
    List<String> path = new ArrayList<>();
    String at = from;
    while (at != null && !path.contains(at)) {
      path.add(at);
      Step step = script.steps().get(at);
      at = step == null ? null : step.next().orElse(null);
    }
    if (at != null) {
      path.add(at);
    }
    return String.join(" → ", path);
  }
}

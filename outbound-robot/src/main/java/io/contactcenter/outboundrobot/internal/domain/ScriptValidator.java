package io.contactcenter.outboundrobot.internal.domain;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.outboundrobot.DialogueOutcome;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScript.Branch;
import io.contactcenter.outboundrobot.DialogueScript.Listen;
import io.contactcenter.outboundrobot.DialogueScript.Prompt;
import io.contactcenter.outboundrobot.DialogueScript.Step;
import io.contactcenter.outboundrobot.DialogueScript.StepAction;
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
 * The rules a whole dialogue script must follow before any call runs it. Each problem names its
 * place in the script, as written in YAML (e.g. {@code steps.ask_payment.on.agree.goto}).
 *
 * <p>The rules: every step, variable and language a script names exists; the start step is an
 * uninterruptible disclosure naming the merchant, and no other prompt is uninterruptible; every
 * listen step honours {@code do_not_call} at once, has a branch for each key it offers and a
 * re-prompt that mentions each key; every step is reachable from the start and can reach an end;
 * the apology uses no variables; a callback outcome schedules a callback.
 */
public final class ScriptValidator {

  /** The variable the disclosure must use: who is calling. */
  public static final String MERCHANT = "merchant";

  private ScriptValidator() {}

  /** Every problem found, in script order; empty when the script is good. */
  public static List<ScriptProblem> problems(DialogueScript script) {
    List<ScriptProblem> problems = new ArrayList<>();
    Map<String, Step> steps = script.steps();

    checkTarget(problems, steps, "start", script.start());
    checkTarget(problems, steps, "no_response", script.noResponse());
    checkEnd(problems, steps, "no_response", script.noResponse());
    checkPrompt(problems, script, "apology", script.apology());
    for (String language : script.languages()) {
      script
          .apology()
          .text(language)
          .filter(text -> !PromptText.variables(text).isEmpty())
          .ifPresent(
              text ->
                  problems.add(
                      new ScriptProblem(
                          "apology." + language,
                          "the apology is said when variables are missing, so it may use none")));
    }
    script.on().forEach((label, branch) -> checkBranch(problems, script, "on", label, branch));
    checkDoNotCallTarget(problems, script, "on", script.on().get(IntentLabel.DO_NOT_CALL));
    checkDisclosure(problems, script);

    steps.forEach((name, step) -> checkStep(problems, script, name, step));
    checkReachability(problems, script);
    return problems;
  }

  /** The variables the script's prompts use in a language, apology included. */
  public static Set<String> variablesUsed(DialogueScript script, String language) {
    Set<String> used = new LinkedHashSet<>();
    for (Prompt prompt : prompts(script)) {
      prompt.text(language).ifPresent(text -> used.addAll(PromptText.variables(text)));
    }
    return used;
  }

  private static List<Prompt> prompts(DialogueScript script) {
    List<Prompt> prompts = new ArrayList<>();
    prompts.add(script.apology());
    for (Step step : script.steps().values()) {
      step.say().ifPresent(prompts::add);
      step.listen().ifPresent(listen -> prompts.add(listen.reprompt()));
    }
    return prompts;
  }

  private static void checkDisclosure(List<ScriptProblem> problems, DialogueScript script) {
    Step start = script.steps().get(script.start());
    String path = "steps." + script.start();
    if (start == null) {
      return;
    }
    if (!script.variables().containsKey(MERCHANT)) {
      problems.add(
          new ScriptProblem(
              "variables",
              "'" + MERCHANT + "' must be declared: the opening disclosure names the merchant"));
    }
    if (start.say().isEmpty()) {
      problems.add(
          new ScriptProblem(
              path + ".say",
              "the start step must be the disclosure: who is calling, that the call is automated"
                  + " and how to opt out"));
      return;
    }
    if (start.bargeIn()) {
      problems.add(
          new ScriptProblem(
              path + ".barge_in",
              "the opening disclosure must not be interruptible: set barge_in: false"));
    }
    for (String language : script.languages()) {
      start
          .say()
          .get()
          .text(language)
          .filter(text -> !PromptText.variables(text).contains(MERCHANT))
          .ifPresent(
              text ->
                  problems.add(
                      new ScriptProblem(
                          path + ".say." + language,
                          "the disclosure must name the merchant with ${" + MERCHANT + "}")));
    }
  }

  private static void checkStep(
      List<ScriptProblem> problems, DialogueScript script, String name, Step step) {
    String path = "steps." + name;
    step.say().ifPresent(say -> checkPrompt(problems, script, path + ".say", say));
    if (!step.bargeIn() && !name.equals(script.start())) {
      problems.add(
          new ScriptProblem(
              path + ".barge_in", "only the opening disclosure may be uninterruptible"));
    }
    step.next().ifPresent(next -> checkTarget(problems, script.steps(), path + ".next", next));
    step.on()
        .forEach((label, branch) -> checkBranch(problems, script, path + ".on", label, branch));
    step.listen().ifPresent(listen -> checkListen(problems, script, path, step, listen));
    step.end()
        .ifPresent(
            outcome -> {
              boolean schedules = step.actions().contains(StepAction.SCHEDULE_CALLBACK);
              if ((outcome == DialogueOutcome.CALLBACK_SCHEDULED) != schedules) {
                problems.add(
                    new ScriptProblem(
                        path + ".actions",
                        schedules
                            ? "schedule_callback needs end: callback_scheduled"
                            : "end: callback_scheduled needs the action schedule_callback"));
              }
              if (outcome == DialogueOutcome.DO_NOT_CALL
                  && !step.actions().contains(StepAction.DO_NOT_CALL)) {
                problems.add(
                    new ScriptProblem(
                        path + ".actions", "end: do_not_call needs the action do_not_call"));
              }
            });
  }

  private static void checkListen(
      List<ScriptProblem> problems, DialogueScript script, String path, Step step, Listen listen) {
    checkPrompt(problems, script, path + ".listen.reprompt", listen.reprompt());
    listen
        .noResponse()
        .ifPresent(
            target -> {
              checkTarget(problems, script.steps(), path + ".listen.no_response", target);
              checkEnd(problems, script.steps(), path + ".listen.no_response", target);
            });
    for (String language : listen.phrases().keySet()) {
      if (!script.languages().contains(language)) {
        problems.add(
            new ScriptProblem(
                path + ".listen.phrases." + language,
                "language '" + language + "' is not one of " + script.languages()));
      }
    }
    listen
        .dtmf()
        .forEach(
            (key, label) -> {
              if (!step.on().containsKey(label) && !script.on().containsKey(label)) {
                problems.add(
                    new ScriptProblem(
                        path + ".listen.dtmf." + key,
                        "label '"
                            + label.code()
                            + "' has no branch in this step's on or the script's on"));
              }
            });
    for (String language : script.languages()) {
      String text = listen.reprompt().text(language).orElse("");
      for (char key : listen.dtmf().keySet()) {
        if (!text.isEmpty() && text.indexOf(key) < 0) {
          problems.add(
              new ScriptProblem(
                  path + ".listen.reprompt." + language,
                  "does not offer key '" + key + "' as an alternative to speech"));
        }
      }
    }
    if (!step.on().containsKey(IntentLabel.DO_NOT_CALL)
        && !script.on().containsKey(IntentLabel.DO_NOT_CALL)) {
      problems.add(
          new ScriptProblem(
              path + ".on",
              "no branch for do_not_call here or in the script's on: every listen step must"
                  + " honour an opt-out"));
    }
    checkDoNotCallTarget(problems, script, path + ".on", step.on().get(IntentLabel.DO_NOT_CALL));
  }

  private static void checkDoNotCallTarget(
      List<ScriptProblem> problems, DialogueScript script, String path, Branch branch) {
    if (branch == null) {
      return;
    }
    Step target = script.steps().get(branch.target());
    if (target != null && !target.actions().contains(StepAction.DO_NOT_CALL)) {
      problems.add(
          new ScriptProblem(
              path + ".do_not_call.goto",
              "step '"
                  + branch.target()
                  + "' must end the call with the action do_not_call: an opt-out is honoured at"
                  + " once"));
    }
  }

  private static void checkBranch(
      List<ScriptProblem> problems,
      DialogueScript script,
      String path,
      IntentLabel label,
      Branch branch) {
    String at = path + "." + label.code();
    if (label == IntentLabel.UNKNOWN) {
      problems.add(
          new ScriptProblem(
              at,
              "'unknown' cannot be branched on: a reply not understood gets the re-prompt, then"
                  + " the no-response end"));
    }
    checkTarget(problems, script.steps(), at + ".goto", branch.target());
    branch
        .withoutTime()
        .ifPresent(
            target -> {
              if (label != IntentLabel.CALL_BACK_LATER) {
                problems.add(
                    new ScriptProblem(
                        at + ".without_time", "only call_back_later replies carry a time"));
              }
              checkTarget(problems, script.steps(), at + ".without_time", target);
            });
  }

  private static void checkPrompt(
      List<ScriptProblem> problems, DialogueScript script, String path, Prompt prompt) {
    for (String language : script.languages()) {
      if (prompt.text(language).isEmpty()) {
        problems.add(
            new ScriptProblem(
                path + "." + language,
                "no text in this language; the script's languages are " + script.languages()));
      }
    }
    prompt
        .texts()
        .forEach(
            (language, text) -> {
              String at = path + "." + language;
              if (!script.languages().contains(language)) {
                problems.add(
                    new ScriptProblem(
                        at, "language '" + language + "' is not one of " + script.languages()));
              }
              for (String malformed : PromptText.malformations(text)) {
                problems.add(new ScriptProblem(at, malformed));
              }
              for (String variable : PromptText.variables(text)) {
                if (!script.variables().containsKey(variable)) {
                  problems.add(
                      new ScriptProblem(
                          at,
                          "unknown variable '${"
                              + variable
                              + "}'; declared are "
                              + script.variables().keySet()));
                }
              }
            });
  }

  private static void checkTarget(
      List<ScriptProblem> problems, Map<String, Step> steps, String path, String target) {
    if (!steps.containsKey(target)) {
      problems.add(new ScriptProblem(path, "unknown step '" + target + "'"));
    }
  }

  private static void checkEnd(
      List<ScriptProblem> problems, Map<String, Step> steps, String path, String target) {
    Step step = steps.get(target);
    if (step != null && step.end().isEmpty()) {
      problems.add(
          new ScriptProblem(
              path, "step '" + target + "' must be an end step: the call is over by then"));
    }
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

  private static void checkReachability(List<ScriptProblem> problems, DialogueScript script) {
    if (!script.steps().containsKey(script.start())) {
      return;
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
                    new ScriptProblem(
                        "steps." + name,
                        "unreachable from the start step '" + script.start() + "'"));
              } else if (!canEnd.contains(name)) {
                problems.add(
                    step.next().isPresent()
                        ? new ScriptProblem(
                            "steps." + name + ".next",
                            "loop " + loop(script, name) + " never reaches an end step")
                        : new ScriptProblem(
                            "steps." + name + ".on", "no reply leads to an end step"));
              }
            });
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

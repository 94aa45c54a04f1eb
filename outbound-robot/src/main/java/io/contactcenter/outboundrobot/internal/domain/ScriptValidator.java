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
import java.util.ArrayList;
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
                      ScriptProblem.of(
                          "apology." + language,
                          "apology-variables",
                          "the apology is said when variables are missing, so it may use none")));
    }
    script.on().forEach((label, branch) -> checkBranch(problems, script, "on", label, branch));
    checkDoNotCallTarget(problems, script, "on", script.on().get(IntentLabel.DO_NOT_CALL));
    checkDisclosure(problems, script);

    steps.forEach((name, step) -> checkStep(problems, script, name, step));
    problems.addAll(ScriptReachability.problems(script));
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
          ScriptProblem.of(
              "variables",
              "merchant-undeclared",
              "'" + MERCHANT + "' must be declared: the opening disclosure names the merchant",
              MERCHANT));
    }
    if (start.say().isEmpty()) {
      problems.add(
          ScriptProblem.of(
              path + ".say",
              "disclosure-missing",
              "the start step must be the disclosure: who is calling, that the call is automated"
                  + " and how to opt out"));
      return;
    }
    if (start.bargeIn()) {
      problems.add(
          ScriptProblem.of(
              path + ".barge_in",
              "disclosure-barge-in",
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
                      ScriptProblem.of(
                          path + ".say." + language,
                          "disclosure-merchant",
                          "the disclosure must name the merchant with ${" + MERCHANT + "}",
                          "${" + MERCHANT + "}")));
    }
  }

  private static void checkStep(
      List<ScriptProblem> problems, DialogueScript script, String name, Step step) {
    String path = "steps." + name;
    step.say().ifPresent(say -> checkPrompt(problems, script, path + ".say", say));
    if (!step.bargeIn() && !name.equals(script.start())) {
      problems.add(
          ScriptProblem.of(
              path + ".barge_in",
              "barge-in-only-disclosure",
              "only the opening disclosure may be uninterruptible"));
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
                    schedules
                        ? ScriptProblem.of(
                            path + ".actions",
                            "callback-needs-end",
                            "schedule_callback needs end: callback_scheduled")
                        : ScriptProblem.of(
                            path + ".actions",
                            "callback-needs-action",
                            "end: callback_scheduled needs the action schedule_callback"));
              }
              if (outcome == DialogueOutcome.DO_NOT_CALL
                  && !step.actions().contains(StepAction.DO_NOT_CALL)) {
                problems.add(
                    ScriptProblem.of(
                        path + ".actions",
                        "do-not-call-needs-action",
                        "end: do_not_call needs the action do_not_call"));
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
            ScriptProblem.of(
                path + ".listen.phrases." + language,
                "language-unknown",
                "language '" + language + "' is not one of " + script.languages(),
                language,
                script.languages()));
      }
    }
    listen
        .dtmf()
        .forEach(
            (key, label) -> {
              if (!step.on().containsKey(label) && !script.on().containsKey(label)) {
                problems.add(
                    ScriptProblem.of(
                        path + ".listen.dtmf." + key,
                        "dtmf-no-branch",
                        "label '"
                            + label.code()
                            + "' has no branch in this step's on or the script's on",
                        label.code()));
              }
            });
    for (String language : script.languages()) {
      String text = listen.reprompt().text(language).orElse("");
      for (char key : listen.dtmf().keySet()) {
        if (!text.isEmpty() && text.indexOf(key) < 0) {
          problems.add(
              ScriptProblem.of(
                  path + ".listen.reprompt." + language,
                  "reprompt-key",
                  "does not offer key '" + key + "' as an alternative to speech",
                  key));
        }
      }
    }
    if (!step.on().containsKey(IntentLabel.DO_NOT_CALL)
        && !script.on().containsKey(IntentLabel.DO_NOT_CALL)) {
      problems.add(
          ScriptProblem.of(
              path + ".on",
              "no-opt-out",
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
          ScriptProblem.of(
              path + ".do_not_call.goto",
              "opt-out-must-end",
              "step '"
                  + branch.target()
                  + "' must end the call with the action do_not_call: an opt-out is honoured at"
                  + " once",
              branch.target()));
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
          ScriptProblem.of(
              at,
              "branch-unknown",
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
                    ScriptProblem.of(
                        at + ".without_time",
                        "without-time",
                        "only call_back_later replies carry a time"));
              }
              checkTarget(problems, script.steps(), at + ".without_time", target);
            });
  }

  private static void checkPrompt(
      List<ScriptProblem> problems, DialogueScript script, String path, Prompt prompt) {
    for (String language : script.languages()) {
      if (prompt.text(language).isEmpty()) {
        problems.add(
            ScriptProblem.of(
                path + "." + language,
                "text-missing",
                "no text in this language; the script's languages are " + script.languages(),
                script.languages()));
      }
    }
    prompt
        .texts()
        .forEach(
            (language, text) -> {
              String at = path + "." + language;
              if (!script.languages().contains(language)) {
                problems.add(
                    ScriptProblem.of(
                        at,
                        "language-unknown",
                        "language '" + language + "' is not one of " + script.languages(),
                        language,
                        script.languages()));
              }
              problems.addAll(PromptText.malformations(at, text));
              for (String variable : PromptText.variables(text)) {
                if (!script.variables().containsKey(variable)) {
                  problems.add(
                      ScriptProblem.of(
                          at,
                          "variable-unknown",
                          "unknown variable '${"
                              + variable
                              + "}'; declared are "
                              + script.variables().keySet(),
                          "${" + variable + "}",
                          script.variables().keySet()));
                }
              }
            });
  }

  private static void checkTarget(
      List<ScriptProblem> problems, Map<String, Step> steps, String path, String target) {
    if (!steps.containsKey(target)) {
      problems.add(ScriptProblem.of(path, "step-unknown", "unknown step '" + target + "'", target));
    }
  }

  private static void checkEnd(
      List<ScriptProblem> problems, Map<String, Step> steps, String path, String target) {
    Step step = steps.get(target);
    if (step != null && step.end().isEmpty()) {
      problems.add(
          ScriptProblem.of(
              path,
              "must-end",
              "step '" + target + "' must be an end step: the call is over by then",
              target));
    }
  }
}

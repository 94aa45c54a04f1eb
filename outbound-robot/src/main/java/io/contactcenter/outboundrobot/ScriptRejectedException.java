package io.contactcenter.outboundrobot;

import java.util.List;
import java.util.stream.Collectors;

/** A dialogue script was not accepted. Lists every problem found, each with its place. */
public class ScriptRejectedException extends IllegalArgumentException {

  private final transient List<ScriptProblem> problems;

  public ScriptRejectedException(String scriptName, List<ScriptProblem> problems) {
    super(
        "script "
            + scriptName
            + " rejected:\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order found; never empty. */
  public List<ScriptProblem> problems() {
    return problems;
  }
}

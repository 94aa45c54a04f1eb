package io.contactcenter.ivr;

import java.util.List;
import java.util.stream.Collectors;

/** An IVR flow was not accepted. Lists every problem found, each with its place. */
public class FlowRejectedException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<FlowProblem> problems;

  public FlowRejectedException(List<FlowProblem> problems) {
    super(
        "flow rejected:\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order found; never empty. */
  public List<FlowProblem> problems() {
    return problems;
  }
}

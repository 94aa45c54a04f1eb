package io.contactcenter.routing;

import java.util.List;

/** A queue was not saved: every problem found, each with its place. Nothing was stored. */
public class QueueRejectedException extends RuntimeException {

  private final transient List<QueueProblem> problems;

  public QueueRejectedException(List<QueueProblem> problems) {
    super("the queue has " + problems.size() + " problem(s): " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<QueueProblem> problems() {
    return problems;
  }
}

package io.contactcenter.tickets;

import java.util.List;

/** Custom field values or definitions that break the rules; nothing was saved. */
public class TicketFieldsRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldProblem> problems;

  public TicketFieldsRejectedException(List<FieldProblem> problems) {
    super(
        "the fields have "
            + problems.size()
            + " problem(s): "
            + String.join(", ", problems.stream().map(p -> p.field() + " " + p.code()).toList()));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order of the fields. */
  public List<FieldProblem> problems() {
    return problems;
  }
}

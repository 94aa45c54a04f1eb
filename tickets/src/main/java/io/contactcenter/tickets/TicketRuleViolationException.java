package io.contactcenter.tickets;

import java.util.List;

/**
 * A change the ticket rules refuse whatever the ticket's status (unlike {@link
 * TicketStateConflictException}): solving a parent while a child is open, a child of a child.
 */
public class TicketRuleViolationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Which rule; a stable word the app words in the user's language. */
  public enum Rule {
    /** The parent cannot be solved or closed while a child ticket is active; {@code tickets}. */
    CHILDREN_OPEN,
    /** Child tickets are one level deep: a child cannot have children. */
    CHILD_OF_CHILD
  }

  private final Rule rule;
  private final List<String> tickets;

  public TicketRuleViolationException(Rule rule, List<String> tickets, String message) {
    super(message);
    this.rule = rule;
    this.tickets = List.copyOf(tickets);
  }

  public Rule rule() {
    return rule;
  }

  /** The tickets the rule names (the open children). */
  public List<String> tickets() {
    return tickets;
  }
}

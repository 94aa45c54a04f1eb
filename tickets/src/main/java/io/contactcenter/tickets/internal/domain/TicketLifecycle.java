package io.contactcenter.tickets.internal.domain;

import io.contactcenter.tickets.TicketStatus;

/**
 * Which status changes a ticket allows. Working statuses ({@code OPEN}, the two pending ones) move
 * freely among themselves and to {@code SOLVED}; {@code NEW} becomes any of them; a solved ticket
 * is reopened ({@code OPEN}) or closed; {@code CLOSED} is final.
 */
public final class TicketLifecycle {

  private TicketLifecycle() {}

  /** The decision for a change from {@code from} to {@code to}. */
  public static Transition check(TicketStatus from, TicketStatus to) {
    if (from == to) {
      return new Transition.Rejected("the ticket is already " + to);
    }
    boolean allowed =
        switch (from) {
          case NEW, OPEN, PENDING_CUSTOMER, PENDING_THIRD_PARTY ->
              to != TicketStatus.NEW && to != TicketStatus.CLOSED;
          case SOLVED -> to == TicketStatus.OPEN || to == TicketStatus.CLOSED;
          case CLOSED -> false;
        };
    return allowed
        ? new Transition.Allowed()
        : new Transition.Rejected(
            "a "
                + from
                + " ticket cannot become "
                + to
                + (from == TicketStatus.CLOSED ? " (closed is final)" : ""));
  }

  /** Whether the change is allowed, and if not, why. */
  public sealed interface Transition {

    /** The change may be made. */
    record Allowed() implements Transition {}

    /** The change is not allowed; {@code reason} says why, for the caller. */
    record Rejected(String reason) implements Transition {}
  }
}

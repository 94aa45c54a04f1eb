package io.contactcenter.tickets.internal.domain;

import io.contactcenter.tickets.CustomerTier;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketPriority;

/** The priority a ticket opens with when the request names none. */
public final class PriorityPolicy {

  private PriorityPolicy() {}

  /** Complaints and refunds start {@code HIGH}, the rest {@code NORMAL}; VIP one level higher. */
  public static TicketPriority initial(TicketCategory category, CustomerTier tier) {
    TicketPriority base =
        switch (category) {
          case COMPLAINT, REFUND -> TicketPriority.HIGH;
          case QUESTION, RETURN, DELIVERY, CALLBACK, OTHER -> TicketPriority.NORMAL;
        };
    return tier == CustomerTier.VIP ? base.raised() : base;
  }
}

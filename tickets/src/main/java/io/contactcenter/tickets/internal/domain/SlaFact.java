package io.contactcenter.tickets.internal.domain;

import io.contactcenter.tickets.EntryKind;
import io.contactcenter.tickets.TicketStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a ticket's history as the SLA clocks read it.
 *
 * @param status the new status, for {@code STATUS_CHANGED}; else null
 */
public record SlaFact(EntryKind kind, Instant at, TicketStatus status) {

  public SlaFact {
    Objects.requireNonNull(kind, "kind is required");
    Objects.requireNonNull(at, "at is required");
    if (kind == EntryKind.STATUS_CHANGED && status == null) {
      throw new IllegalArgumentException("a status change names its status");
    }
  }

  public static SlaFact of(EntryKind kind, Instant at) {
    return new SlaFact(kind, at, null);
  }

  public static SlaFact status(TicketStatus to, Instant at) {
    return new SlaFact(EntryKind.STATUS_CHANGED, at, to);
  }
}

package io.contactcenter.outboundrobot;

import io.contactcenter.asrtts.IntentLabel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The callee raised something a person must follow up: a question, a complaint, a cancellation.
 * Listeners key on {@code attemptId}.
 *
 * @param attemptId the dial attempt during which it was raised
 * @param reason the label of the reply that led to the ticket
 * @param transcript everything said, in order
 * @param at when
 */
public record TicketRequested(
    String attemptId, IntentLabel reason, List<Turn> transcript, Instant at) {

  public TicketRequested {
    Events.requireId(attemptId);
    Objects.requireNonNull(reason, "reason is required");
    transcript = List.copyOf(transcript);
    Objects.requireNonNull(at, "at is required");
  }
}

package io.contactcenter.outboundrobot;

import io.contactcenter.asrtts.IntentLabel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.modulith.events.Externalized;

/**
 * The callee raised something a person must follow up: a question, a complaint, a cancellation. The
 * tickets module opens one ticket per attempt from it (a redelivery finds the ticket already open);
 * other processes read it from Kafka. Listeners key on {@code attemptId}. Also on Kafka topic
 * {@code cc.robot.ticket-requested.v1}, keyed by attempt id (schema in
 * docs/integration/robot-events.md).
 *
 * @param attemptId the dial attempt during which it was raised
 * @param reason the label of the reply that led to the ticket
 * @param transcript everything said, in order
 * @param at when
 */
@Externalized("cc.robot.ticket-requested.v1::#{attemptId()}")
public record TicketRequested(
    String attemptId, IntentLabel reason, List<Turn> transcript, Instant at) {

  public TicketRequested {
    Events.requireId(attemptId);
    Objects.requireNonNull(reason, "reason is required");
    transcript = List.copyOf(transcript);
    Objects.requireNonNull(at, "at is required");
  }
}

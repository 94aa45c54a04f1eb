package io.contactcenter.outboundrobot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The robot hands the call to a human queue; the agent sees the transcript so far. Listeners key on
 * {@code attemptId}.
 *
 * @param attemptId the dial attempt being transferred
 * @param queue the human queue
 * @param transcript everything said so far, in order
 * @param at when
 */
public record HumanTransferRequested(
    String attemptId, String queue, List<Turn> transcript, Instant at) {

  public HumanTransferRequested {
    Events.requireId(attemptId);
    Events.requireId(queue);
    transcript = List.copyOf(transcript);
    Objects.requireNonNull(at, "at is required");
  }
}

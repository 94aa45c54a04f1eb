package io.contactcenter.outboundrobot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.modulith.events.Externalized;

/**
 * The robot hands the call to a human queue; the agent sees the transcript so far. Listeners key on
 * {@code attemptId}. Also on Kafka topic {@code cc.robot.human-transfer-requested.v1}, keyed by
 * attempt id (schema in docs/integration/robot-events.md).
 *
 * @param attemptId the dial attempt being transferred
 * @param queue the human queue
 * @param transcript everything said so far, in order
 * @param at when
 */
@Externalized("cc.robot.human-transfer-requested.v1::#{attemptId()}")
public record HumanTransferRequested(
    String attemptId, String queue, List<Turn> transcript, Instant at) {

  public HumanTransferRequested {
    Events.requireId(attemptId);
    Events.requireId(queue);
    transcript = List.copyOf(transcript);
    Objects.requireNonNull(at, "at is required");
  }
}

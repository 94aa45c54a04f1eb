package io.contactcenter.ivr.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happened in one IVR session, for storage and the containment report.
 *
 * @param visits every node entered, in order
 * @param intent what the caller chose at the first menu; null if nothing
 * @param selfService the self-service result; null if none was tried
 * @param outcome how the session ended
 */
public record SessionTrace(
    List<Visit> visits, String intent, SelfService selfService, Outcome outcome) {

  public SessionTrace {
    visits = List.copyOf(visits);
  }

  /** The path taken: the node ids in order. */
  public List<String> path() {
    return visits.stream().map(Visit::nodeId).toList();
  }

  /**
   * One stay in a node.
   *
   * @param inputs what the caller gave there: {@code keys:1}, {@code speech:order status}, {@code
   *     no-input}
   */
  public record Visit(String nodeId, Instant enteredAt, Duration time, List<String> inputs) {

    public Visit {
      inputs = List.copyOf(inputs);
    }
  }

  public enum SelfService {
    FOUND,
    NOT_FOUND,
    UNAVAILABLE
  }

  public enum Outcome {
    /** The IVR served the caller and said goodbye. */
    CONTAINED,
    /** The caller left the IVR for an agent. */
    TO_AGENT,
    /** The caller hung up in the IVR. */
    ABANDONED,
    /** Still in the IVR. */
    IN_PROGRESS
  }
}

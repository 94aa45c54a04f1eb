package io.contactcenter.routing.internal.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * From {@code after} of waiting on, a contact may go to an agent with the queue's skill at {@code
 * minimumLevel} or higher, or, when {@code overflow} is set, to any agent who serves that queue. A
 * queue's steps widen the set of agents as the contact waits (e.g. level 4 at once, level 2 after
 * 30 s, the overflow queue after 60 s).
 */
public record RoutingStep(Duration after, int minimumLevel, Optional<QueueId> overflow) {

  public RoutingStep {
    if (after == null || after.isNegative()) {
      throw new IllegalArgumentException("a routing step starts at 0 s or later, not " + after);
    }
    if (minimumLevel < Skills.MIN_LEVEL || minimumLevel > Skills.MAX_LEVEL) {
      throw new IllegalArgumentException(
          "a routing step's minimum skill level is 1 to 5, not " + minimumLevel);
    }
    if (overflow == null) {
      throw new IllegalArgumentException("overflow must be Optional.empty(), not null");
    }
  }

  public static RoutingStep at(Duration after, int minimumLevel) {
    return new RoutingStep(after, minimumLevel, Optional.empty());
  }

  public static RoutingStep overflow(Duration after, int minimumLevel, QueueId overflow) {
    return new RoutingStep(after, minimumLevel, Optional.of(overflow));
  }
}

package io.contactcenter.routing.internal.domain;

import java.time.Duration;
import java.util.List;

/**
 * A queue: the skill its agents need, its weight in the global order (added to a contact's
 * priority), how it picks among able agents, the routing steps that widen over time (the first
 * starts at 0 s, each later one later than the one before) and the service-level threshold N.
 */
public record QueueDefinition(
    QueueId id,
    String skill,
    int weight,
    QueueStrategy strategy,
    List<RoutingStep> steps,
    Duration serviceLevelThreshold) {

  public QueueDefinition {
    if (id == null || skill == null || skill.isBlank() || strategy == null) {
      throw new IllegalArgumentException("queue " + id + " needs an id, a skill and a strategy");
    }
    if (steps == null || steps.isEmpty() || !steps.getFirst().after().isZero()) {
      throw new IllegalArgumentException("queue " + id + ": the first routing step starts at 0 s");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).after().compareTo(steps.get(i - 1).after()) <= 0) {
        throw new IllegalArgumentException(
            "queue " + id + ": routing step " + (i + 1) + " must start later than step " + i);
      }
    }
    if (serviceLevelThreshold == null || !serviceLevelThreshold.isPositive()) {
      throw new IllegalArgumentException(
          "queue " + id + ": the service-level threshold must be positive");
    }
    steps = List.copyOf(steps);
  }

  /** A queue that accepts any level of its skill from the start, with a 20 s service level. */
  public static QueueDefinition simple(QueueId id, String skill, QueueStrategy strategy) {
    return new QueueDefinition(
        id, skill, 0, strategy, List.of(RoutingStep.at(Duration.ZERO, 1)), Duration.ofSeconds(20));
  }

  /** The step in force after a contact has waited {@code waited}. */
  public RoutingStep stepAfter(Duration waited) {
    RoutingStep current = steps.getFirst();
    for (RoutingStep step : steps) {
      if (step.after().compareTo(waited) > 0) {
        break;
      }
      current = step;
    }
    return current;
  }
}

package io.contactcenter.routing.internal.domain;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The queues a {@link ContactDistributor} routes for: their definitions (no routing step overflows
 * to an unknown queue) and each queue's {@link QueueStatistics}.
 *
 * <p>Not thread-safe: only the distributor uses it, under its own lock.
 */
final class QueueBook {

  private final Map<QueueId, QueueDefinition> queues = new HashMap<>();
  private final Map<QueueId, QueueStatistics> statistics = new HashMap<>();

  /**
   * @throws IllegalArgumentException when a queue is defined twice or a routing step overflows to
   *     an unknown queue
   */
  QueueBook(Collection<QueueDefinition> queueDefinitions) {
    for (QueueDefinition queue : queueDefinitions) {
      if (queues.put(queue.id(), queue) != null) {
        throw new IllegalArgumentException("queue " + queue.id() + " is defined twice");
      }
      statistics.put(queue.id(), QueueStatistics.empty(queue.id(), queue.serviceLevelThreshold()));
    }
    for (QueueDefinition queue : queueDefinitions) {
      for (RoutingStep step : queue.steps()) {
        step.overflow()
            .filter(overflow -> !queues.containsKey(overflow))
            .ifPresent(
                overflow -> {
                  throw new IllegalArgumentException(
                      "queue " + queue.id() + " overflows to unknown queue " + overflow);
                });
      }
    }
  }

  /**
   * Adds a queue or replaces its definition; its statistics restart only when its service-level
   * threshold changed.
   *
   * @throws IllegalArgumentException when a routing step overflows to an unknown queue
   */
  void define(QueueDefinition queue) {
    for (RoutingStep step : queue.steps()) {
      step.overflow()
          .filter(overflow -> !overflow.equals(queue.id()) && !queues.containsKey(overflow))
          .ifPresent(
              overflow -> {
                throw new IllegalArgumentException(
                    "queue " + queue.id() + " overflows to unknown queue " + overflow);
              });
    }
    queues.put(queue.id(), queue);
    statistics.compute(
        queue.id(),
        (id, s) ->
            s == null || !s.threshold().equals(queue.serviceLevelThreshold())
                ? QueueStatistics.empty(id, queue.serviceLevelThreshold())
                : s);
  }

  /** The queue's definition, or null for an unknown queue. */
  QueueDefinition get(QueueId queue) {
    return queues.get(queue);
  }

  /**
   * The queue's definition.
   *
   * @throws IllegalArgumentException for an unknown queue
   */
  QueueDefinition of(QueueId queue, ContactId contact) {
    QueueDefinition definition = queues.get(queue);
    if (definition == null) {
      throw new IllegalArgumentException("unknown queue " + queue + " for contact " + contact);
    }
    return definition;
  }

  /** Every queue, in no particular order. */
  Collection<QueueDefinition> all() {
    return queues.values();
  }

  /**
   * The queue's counts so far.
   *
   * @throws IllegalArgumentException for an unknown queue
   */
  QueueStatistics statistics(QueueId queue) {
    QueueStatistics s = statistics.get(queue);
    if (s == null) {
      throw new IllegalArgumentException("unknown queue " + queue);
    }
    return s;
  }

  /** Counts a contact of the queue answered after waiting {@code waited}. */
  void countAnswered(QueueId queue, Duration waited) {
    statistics.computeIfPresent(queue, (q, s) -> s.withAnswered(waited));
  }

  /** Counts a contact of the queue abandoned after waiting {@code waited}. */
  void countAbandoned(QueueId queue, Duration waited) {
    statistics.computeIfPresent(queue, (q, s) -> s.withAbandoned(waited));
  }
}

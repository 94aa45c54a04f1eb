package io.contactcenter.routing.internal;

import io.contactcenter.common.OpeningHours;
import io.contactcenter.routing.internal.domain.PriorityPolicy;
import io.contactcenter.routing.internal.domain.QueueDefinition;
import io.contactcenter.routing.internal.domain.QueueId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The queues the routing engine knows on this instance: their definitions, their opening hours and
 * the priority policy. Unlike what a leadership term holds ({@link RoutingTerm}) they are kept when
 * the term ends; admins change them at any time ({@link RoutingQueues}).
 */
final class QueueCatalog {

  private final PriorityPolicy priorities;
  private final Map<QueueId, QueueDefinition> definitions;
  // Opening hours of the queues that have them; a queue without is always open.
  private final Map<QueueId, OpeningHours> hours = new ConcurrentHashMap<>();
  private final Clock clock;

  QueueCatalog(
      List<QueueDefinition> queueDefinitions,
      Map<QueueId, OpeningHours> queueHours,
      PriorityPolicy priorities,
      Clock clock) {
    this.priorities = priorities;
    this.definitions =
        new ConcurrentHashMap<>(
            queueDefinitions.stream().collect(Collectors.toMap(QueueDefinition::id, q -> q)));
    this.hours.putAll(queueHours);
    this.clock = clock;
  }

  PriorityPolicy priorities() {
    return priorities;
  }

  /** The queue's definition, or null for an unknown queue. */
  QueueDefinition definition(QueueId queue) {
    return definitions.get(queue);
  }

  /** Adds a queue or replaces its definition and hours (none: always open). */
  void put(QueueDefinition definition, Optional<OpeningHours> openingHours) {
    definitions.put(definition.id(), definition);
    openingHours.ifPresentOrElse(
        h -> hours.put(definition.id(), h), () -> hours.remove(definition.id()));
  }

  /** The ids of the queues there are. */
  Set<QueueId> ids() {
    return definitions.keySet();
  }

  /** Every queue's definition, as it is now. */
  List<QueueDefinition> all() {
    return List.copyOf(definitions.values());
  }

  int size() {
    return definitions.size();
  }

  /** Whether the queue is open now; a queue without hours, or no queue id at all, is. */
  boolean isOpen(String queue) {
    QueueId id;
    try {
      id = new QueueId(queue);
    } catch (IllegalArgumentException notAnId) {
      return true;
    }
    OpeningHours h = hours.get(id);
    return h == null || h.isOpen(clock.instant());
  }

  /** When the queue is open (always, without hours). */
  Predicate<Instant> openAt(String queue) {
    OpeningHours queueHours = hours.get(new QueueId(queue));
    return queueHours == null ? t -> true : queueHours::isOpen;
  }

  /**
   * The weight a channel gave a contact stored with {@code priority}: what it has beyond the
   * policy's priority for it.
   */
  int weightOf(JdbcContacts.Open c, QueueDefinition definition) {
    return Math.max(
        0,
        c.priority() - priorities.priority(c.vip(), RoutingTypes.channel(c.channel()), definition));
  }
}

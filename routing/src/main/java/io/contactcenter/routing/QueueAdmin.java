package io.contactcenter.routing;

import java.util.List;

/**
 * Queues as admins manage them: skills, weights, strategies, service-level targets, routing steps
 * and opening hours. A saved queue takes effect at once for new contacts (contacts already waiting
 * keep their priority); its hours decide whether a call is taken ({@link
 * ContactRouting#isOpen(String)}). Thread-safe.
 */
public interface QueueAdmin {

  /** Every queue, by id. */
  List<QueueSettings> queues();

  /**
   * Creates or replaces the queue {@code settings.id()}.
   *
   * @throws QueueRejectedException listing every problem; nothing is stored
   */
  QueueSettings save(QueueSettings settings);
}

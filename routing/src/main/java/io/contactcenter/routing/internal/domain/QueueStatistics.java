package io.contactcenter.routing.internal.domain;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Counts of a queue's contacts that stopped waiting, measured from the original enqueue time
 * against the queue's threshold N. A contact counts in the queue it entered, also when an overflow
 * agent answered it.
 */
public record QueueStatistics(
    QueueId queue,
    Duration threshold,
    long answered,
    long answeredWithin,
    long abandoned,
    long abandonedWithin) {

  static QueueStatistics empty(QueueId queue, Duration threshold) {
    return new QueueStatistics(queue, threshold, 0, 0, 0, 0);
  }

  /** Service level = answered within N / answered; empty when nothing was answered. */
  public OptionalDouble serviceLevel() {
    return answered == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) answeredWithin / answered);
  }

  /**
   * SL2 = (answered within N + abandoned within N) / (answered + abandoned): a caller who gives up
   * within N is not held against the queue. Empty when no contact has stopped waiting.
   */
  public OptionalDouble serviceLevel2() {
    long all = answered + abandoned;
    return all == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) (answeredWithin + abandonedWithin) / all);
  }

  QueueStatistics withAnswered(Duration waited) {
    return new QueueStatistics(
        queue,
        threshold,
        answered + 1,
        answeredWithin + (within(waited) ? 1 : 0),
        abandoned,
        abandonedWithin);
  }

  QueueStatistics withAbandoned(Duration waited) {
    return new QueueStatistics(
        queue,
        threshold,
        answered,
        answeredWithin,
        abandoned + 1,
        abandonedWithin + (within(waited) ? 1 : 0));
  }

  private boolean within(Duration waited) {
    return waited.compareTo(threshold) <= 0;
  }
}

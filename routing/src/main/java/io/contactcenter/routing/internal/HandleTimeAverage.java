package io.contactcenter.routing.internal;

import java.time.Duration;

/**
 * A moving average of handle time over completed contacts (one in ten counts fully), for the
 * expected waits told to waiting callers.
 */
final class HandleTimeAverage {

  private volatile Duration average;

  HandleTimeAverage(Duration initial) {
    this.average = initial;
  }

  Duration current() {
    return average;
  }

  void learn(Duration handled) {
    Duration before = average;
    average = before.plus(handled.minus(before).dividedBy(10));
  }
}

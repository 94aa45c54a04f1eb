package io.contactcenter.testinfra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock the test moves by hand, for code that takes a {@link Clock}. Safe to read from the
 * threads of the code under test while the test moves it.
 */
public final class MutableClock extends Clock {

  private volatile Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** The same clock in UTC; another zone is refused, as no code under test asks for one. */
  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.normalized().equals(zone.normalized())) {
      return this;
    }
    throw new UnsupportedOperationException("a MutableClock only tells UTC instants, not " + zone);
  }
}

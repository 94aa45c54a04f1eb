package io.contactcenter.pbx.internal;

import java.time.Duration;

/** The time source outbound media is paced by; tests substitute one that advances on demand. */
interface MediaClock {

  /** A monotonic time in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  void sleepNanos(long nanos) throws InterruptedException;

  MediaClock SYSTEM =
      new MediaClock() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
          Thread.sleep(Duration.ofNanos(nanos));
        }
      };
}

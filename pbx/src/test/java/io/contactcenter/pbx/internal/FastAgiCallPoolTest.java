package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The FastAGI call pool: never more calls than allowed, and a call that ends frees its place. */
class FastAgiCallPoolTest {

  @Test
  void aCallArrivingJustAsTheLastOneEndsIsTakenNotRefused() throws Exception {
    FastAgiServer.CallPool pool = new FastAgiServer.CallPool(1);
    try {
      // A pool bounded by its size alone refused some of these: the thread of the call that had
      // just ended was not yet waiting for the next one.
      for (int i = 0; i < 2_000; i++) {
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).as("call %d ran", i).isTrue();
        awaitPermitBack(pool);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCallBeyondTheLimitIsRefusedWhileTheOthersRun() throws Exception {
    FastAgiServer.CallPool pool = new FastAgiServer.CallPool(2);
    CountDownLatch hangUp = new CountDownLatch(1);
    try {
      pool.execute(() -> await(hangUp));
      pool.execute(() -> await(hangUp));

      assertThatThrownBy(() -> pool.execute(() -> {}))
          .isInstanceOf(RejectedExecutionException.class)
          .hasMessageContaining("all 2");
    } finally {
      hangUp.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** The permit is released in the call's own finally, a moment after the latch. */
  private static void awaitPermitBack(FastAgiServer.CallPool pool) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (pool.getActiveCount() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveUpdatesTest {

  @Test
  void aPageWhoseReadHangsDoesNotHoldBackAnotherPagesPushes() throws Exception {
    LiveUpdates live = new LiveUpdates(new ObjectMapper());
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger stuckReads = new AtomicInteger();
    AtomicInteger movingReads = new AtomicInteger();
    try {
      // A wallboard whose query waits on a lock, opened first.
      live.stream(
          () -> {
            stuckReads.incrementAndGet();
            try {
              never.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return "stuck";
          },
          s -> false);
      await().atMost(Duration.ofSeconds(5)).until(() -> stuckReads.get() == 1);
      // A campaign console opened beside it keeps being looked at once a second.
      live.stream(movingReads::incrementAndGet, n -> false);

      await().atMost(Duration.ofSeconds(10)).until(() -> movingReads.get() >= 3);
      // The hung read is not started again and again behind itself.
      assertThat(stuckReads.get()).isEqualTo(1);
      assertThat(live.watching()).isEqualTo(2);
    } finally {
      never.countDown();
      live.destroy();
    }
  }

  @Test
  void aNudgedTopicIsLookedAtWithoutWaitingForTheTick() throws Exception {
    // Ticks an hour apart: only the nudge can make the second look happen.
    LiveUpdates live = new LiveUpdates(new ObjectMapper(), Duration.ofHours(1));
    AtomicInteger boardReads = new AtomicInteger();
    AtomicInteger otherReads = new AtomicInteger();
    try {
      live.stream(boardReads::incrementAndGet, n -> false, "wallboard");
      live.stream(otherReads::incrementAndGet, n -> false, "campaigns");
      await().atMost(Duration.ofSeconds(5)).until(() -> boardReads.get() == 1);

      live.nudge("wallboard");

      await().atMost(Duration.ofSeconds(2)).until(() -> boardReads.get() == 2);
      // Another topic's page is not read for it.
      stays(() -> otherReads.get() == 1 && boardReads.get() == 2);
    } finally {
      live.destroy();
    }
  }

  @Test
  void aChangeNudgedWhileTheReadRunsIsReadRightAfterIt() throws Exception {
    LiveUpdates live = new LiveUpdates(new ObjectMapper(), Duration.ofHours(1));
    CountDownLatch firstReadStarted = new CountDownLatch(1);
    CountDownLatch releaseFirstRead = new CountDownLatch(1);
    AtomicInteger reads = new AtomicInteger();
    try {
      live.stream(
          () -> {
            if (reads.incrementAndGet() == 1) {
              firstReadStarted.countDown();
              try {
                releaseFirstRead.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return reads.get();
          },
          n -> false,
          "wallboard");
      assertThat(firstReadStarted.await(5, TimeUnit.SECONDS)).isTrue();
      // Changes committed while the (slow) first read runs: it may not have seen them.
      live.nudge("wallboard");
      stays(() -> reads.get() == 1);
      live.nudge("wallboard");
      stays(() -> reads.get() == 1);

      releaseFirstRead.countDown();

      // Read once more right after, not at the next tick an hour away, and only once.
      await().atMost(Duration.ofSeconds(2)).until(() -> reads.get() == 2);
      stays(() -> reads.get() == 2);
    } finally {
      releaseFirstRead.countDown();
      live.destroy();
    }
  }

  /** {@code condition} holds for four nudge delays: what a nudge would have done by then. */
  private static void stays(java.util.concurrent.Callable<Boolean> condition) {
    Duration window = LiveUpdates.NUDGE_DELAY.multipliedBy(4);
    await().during(window).atMost(window.plusSeconds(2)).until(condition);
  }

  @Test
  void aStreamWhoseAccountNoLongerStandsIsToldAndClosed() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean standing =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    AtomicInteger reads = new AtomicInteger();
    LiveUpdates live =
        new LiveUpdates(new ObjectMapper(), Duration.ofMillis(100), () -> standing::get);
    try {
      live.stream(reads::incrementAndGet, n -> false);
      await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() >= 3);
      assertThat(live.watching()).isEqualTo(1);

      standing.set(false);

      // Checked again within ACCESS_CHECK: the stream is dropped and no longer read.
      await().atMost(LiveUpdates.ACCESS_CHECK.plusSeconds(5)).until(() -> live.watching() == 0);
      int after = reads.get();
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(2))
          .until(() -> reads.get() == after);
    } finally {
      live.destroy();
    }
  }
}

package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
}

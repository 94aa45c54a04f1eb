package io.contactcenter.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.pbx.PbxUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A take-over right after an instance starts asks Asterisk which calls are up before the AMI login
 * finished: the callers on hold are kept when the answer comes in time, instead of cancelled.
 */
class AsteriskLookTest {

  private static final Duration RETRY = Duration.ofMillis(20);

  @Test
  void aConnectionBeingMadeIsWaitedForAndItsAnswerUsed() {
    AtomicInteger asked = new AtomicInteger();
    Supplier<String> look =
        () -> {
          if (asked.incrementAndGet() < 3) {
            throw new PbxUnavailableException("Asterisk manager interface is not connected");
          }
          return "calls up";
        };

    Optional<String> answer = AsteriskLook.ask(look, () -> true, Duration.ofSeconds(5), RETRY);

    assertThat(answer).contains("calls up");
    assertThat(asked).hasValue(3);
  }

  @Test
  void anUnreachableAsteriskIsNotWaitedFor() {
    AtomicInteger asked = new AtomicInteger();
    long start = System.nanoTime();

    Optional<String> answer =
        AsteriskLook.ask(
            () -> {
              asked.incrementAndGet();
              throw new PbxUnavailableException("cannot reach 127.0.0.1:5038");
            },
            () -> false,
            Duration.ofSeconds(5),
            RETRY);

    assertThat(answer).isEmpty();
    assertThat(asked).hasValue(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void aConnectionThatNeverComesUpIsWaitedForOnlyAsLongAsAllowed() {
    AtomicInteger asked = new AtomicInteger();
    long start = System.nanoTime();

    Optional<String> answer =
        AsteriskLook.ask(
            () -> {
              asked.incrementAndGet();
              throw new PbxUnavailableException("Asterisk manager interface is not connected");
            },
            () -> true,
            Duration.ofMillis(300),
            RETRY);

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(answer).isEmpty();
    assertThat(asked.get()).isGreaterThan(2);
    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofMillis(300))
        .isLessThan(Duration.ofSeconds(3));
  }
}

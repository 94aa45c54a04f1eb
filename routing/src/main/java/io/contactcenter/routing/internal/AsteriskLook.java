package io.contactcenter.routing.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Asterisk something at a take-over, waiting a bounded time for a manager connection that is
 * being made. An instance that restarts usually takes the lead before its AMI login has finished;
 * answering "cannot be asked" at once would cancel every caller on hold (ADR 0043), although the
 * answer is a second away. When Asterisk was found unreachable there is nothing to wait for.
 */
final class AsteriskLook {

  private static final Logger log = LoggerFactory.getLogger(AsteriskLook.class);

  private AsteriskLook() {}

  /**
   * {@code look}'s answer; asked again every {@code retry} while it fails and {@code connecting}
   * holds, for at most {@code wait}; empty when it cannot be answered.
   */
  static <T> Optional<T> ask(
      Supplier<T> look, BooleanSupplier connecting, Duration wait, Duration retry) {
    long deadline = System.nanoTime() + wait.toNanos();
    boolean waiting = false;
    while (true) {
      try {
        T answer = look.get();
        if (waiting) {
          log.info("Asterisk answered once its manager connection was up");
        }
        return Optional.of(answer);
      } catch (RuntimeException e) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !connecting.getAsBoolean()) {
          log.info(
              "Asterisk cannot say which calls are up ({}): calls on hold are cancelled",
              e.toString());
          return Optional.empty();
        }
        if (!waiting) {
          log.info("Asterisk's manager connection is being made: waiting up to {} for it", wait);
          waiting = true;
        }
        try {
          Thread.sleep(Math.min(retry.toMillis(), Math.max(1, left / 1_000_000)));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
    }
  }
}

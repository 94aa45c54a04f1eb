package io.contactcenter.asrtts.internal.speech;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs speech engine work on a platform thread of its own and waits for it.
 *
 * <p>Starting MaryTTS or a Vosk model reads hundreds of resources from the application jar and runs
 * native code. On a virtual thread that can stall a {@code java -jar} server for good: the virtual
 * thread can be unmounted while it holds the lock of a jar nested in the application jar, and
 * threads that then wait for that lock while the VM loads a class for them stay pinned to their
 * carriers. Once they occupy every carrier (two on a two-core machine) the unmounted holder never
 * runs again: no request, call or dialer tick does either (spring-projects/spring-boot#51463). A
 * platform thread holding the lock always gets to finish. The caller waits without pinning.
 */
final class PlatformThreads {

  private PlatformThreads() {}

  /**
   * Runs {@code work} on a new platform thread named {@code name} and returns its result. Waits
   * until the work is done even if the caller is interrupted (the engines must never run twice at
   * once), then restores the interrupt flag.
   *
   * @throws RuntimeException what the work threw (checked exceptions wrapped in {@link
   *     IllegalStateException})
   */
  static <T> T call(String name, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread.ofPlatform().name(name).daemon(true).start(task);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException runtime) {
            throw runtime;
          }
          if (cause instanceof Error error) {
            throw error;
          }
          throw new IllegalStateException(name + " failed", cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

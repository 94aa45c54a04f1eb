package io.contactcenter.app.security;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Runs the slow password hash on a few platform threads of its own, with a short queue, so that a
 * flood of sign-ins (real or made-up credentials) cannot occupy the carrier threads every virtual
 * thread runs on: health checks, pages and the call-handling threads keep running. When the queue
 * is full the caller gets {@link SignInBusyException} at once instead of waiting in line.
 */
final class BoundedPasswordHashing implements PasswordEncoder, AutoCloseable {

  private final PasswordEncoder delegate;
  private final ExecutorService pool;
  private final long waitMillis;

  BoundedPasswordHashing(PasswordEncoder delegate, int threads, int queue, long waitMillis) {
    this.delegate = delegate;
    this.waitMillis = waitMillis;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(queue),
            r -> {
              Thread t = new Thread(r, "password-hash-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return run(() -> delegate.encode(rawPassword));
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    return run(() -> delegate.matches(rawPassword, encodedPassword));
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  private <T> T run(Supplier<T> work) {
    Future<T> result;
    try {
      result = pool.submit(work::get);
    } catch (RejectedExecutionException e) {
      throw new SignInBusyException();
    }
    try {
      return result.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new SignInBusyException();
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new SignInBusyException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}

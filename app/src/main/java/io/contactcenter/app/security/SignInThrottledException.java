package io.contactcenter.app.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * Sign-in refused without checking the password: too many recent failures for this account or from
 * this address. {@link #retryAfter()} says when the next attempt will be checked.
 */
public class SignInThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  public SignInThrottledException(String subject, Duration retryAfter) {
    super("too many failed sign-ins " + subject + "; try again in " + seconds(retryAfter) + " s");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds to wait (at least one), as in a {@code Retry-After} header. */
  public long retryAfterSeconds() {
    return seconds(retryAfter);
  }

  private static long seconds(Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }
}

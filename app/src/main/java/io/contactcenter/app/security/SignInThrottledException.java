package io.contactcenter.app.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * Sign-in refused without checking the password: too many recent failures for this account or from
 * this address. {@link #retryAfter()} says when the next attempt will be checked.
 */
public class SignInThrottledException extends AuthenticationException {

  private final Duration retryAfter;
  private final boolean byAddress;

  public SignInThrottledException(String subject, Duration retryAfter) {
    super("too many failed sign-ins " + subject + "; try again in " + seconds(retryAfter) + " s");
    this.retryAfter = retryAfter;
    this.byAddress = subject.contains("address");
  }

  /** Whether the source address is throttled (every account from there), not one account. */
  public boolean byAddress() {
    return byAddress;
  }

  /** Whole seconds to wait (at least one), as in a {@code Retry-After} header. */
  public long retryAfterSeconds() {
    return seconds(retryAfter);
  }

  private static long seconds(Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }
}

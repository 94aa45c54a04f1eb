package io.contactcenter.app.security;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings, under {@code cc.security}.
 *
 * @param initialAdminPassword the password of the first admin, created on the first start when no
 *     admin exists ({@code CC_ADMIN_PASSWORD}); when unset, one is generated and written to {@code
 *     initial-admin-password} in {@link #dataDir} (mode 600)
 * @param dataDir where the generated first admin password and the API token key are kept (default
 *     the embedded data directory, {@code ./data}); readable only by the service user
 * @param tokenSecret the key of the API tokens' HMAC, Base64 of at least 32 bytes ({@code
 *     CC_SECURITY_TOKEN_SECRET}); every instance of a cluster needs the same. Unset: generated on
 *     the first start into {@code secrets/api-token.key} in {@link #dataDir}
 * @param signIn when failed sign-ins slow down and lock an account or a source address
 * @param hashing how much CPU the slow password hash may take at once
 */
@ConfigurationProperties("cc.security")
public record SecurityProperties(
    String initialAdminPassword,
    @DefaultValue("./data") Path dataDir,
    String tokenSecret,
    @DefaultValue SignIn signIn,
    @DefaultValue Hashing hashing) {

  /**
   * Throttling of failed sign-ins, counted in Redis so every instance sees the same counts. After
   * {@code free} failures each further failure makes the next attempt wait twice as long (1 s, 2 s,
   * 4 s, …); at {@code lockAfter} failures the account or address is locked for {@code
   * lockDuration}. Counts are forgotten {@code lockDuration} after the last failure; a successful
   * sign-in clears the account's count.
   *
   * @param accountFreeFailures failures per account before the delays start
   * @param accountLockAfter failures per account that lock it
   * @param addressFreeFailures failures per source address before the delays start
   * @param addressLockAfter failures per source address that lock it
   * @param lockDuration how long a lock lasts, and the longest delay
   */
  public record SignIn(
      @DefaultValue("3") int accountFreeFailures,
      @DefaultValue("10") int accountLockAfter,
      @DefaultValue("20") int addressFreeFailures,
      @DefaultValue("100") int addressLockAfter,
      @DefaultValue("15m") Duration lockDuration) {

    public SignIn {
      if (accountFreeFailures < 1 || addressFreeFailures < 1) {
        throw new IllegalArgumentException(
            "cc.security.sign-in.*-free-failures must be at least 1");
      }
      if (accountLockAfter <= accountFreeFailures || addressLockAfter <= addressFreeFailures) {
        throw new IllegalArgumentException(
            "cc.security.sign-in.*-lock-after must be above the matching *-free-failures");
      }
      if (lockDuration.isNegative() || lockDuration.isZero()) {
        throw new IllegalArgumentException("cc.security.sign-in.lock-duration must be positive");
      }
    }
  }

  /**
   * The password hash's own threads.
   *
   * @param threads platform threads that hash passwords; 0 = half the processors, at least one
   * @param queue sign-ins that may wait for a thread; beyond that they are refused at once (503)
   * @param maxWait how long a sign-in waits for its hash before it is refused (503)
   */
  public record Hashing(
      @DefaultValue("0") int threads,
      @DefaultValue("16") int queue,
      @DefaultValue("3s") Duration maxWait) {

    public Hashing {
      if (threads < 0 || queue < 1) {
        throw new IllegalArgumentException(
            "cc.security.hashing.threads must be >= 0 and cc.security.hashing.queue >= 1");
      }
    }

    int effectiveThreads() {
      return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
  }
}

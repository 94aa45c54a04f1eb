package io.contactcenter.app.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a short time that a password matched its stored hash, so an API client that sends
 * the same Basic credentials with every request costs one slow hash per {@code ttl}, not one per
 * request. Only matches are remembered, never failures. The key is an HMAC, under a random key of
 * this process, of the password together with the stored hash: when the password is changed or
 * reset the stored hash changes and the old entry no longer applies. Disabled users are refused
 * before the password is compared.
 */
final class RecentlyVerifiedPasswords implements PasswordEncoder, AutoCloseable {

  private final PasswordEncoder delegate;
  private final Duration ttl;
  private final int maxEntries;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Long> verifiedAt = new ConcurrentHashMap<>();
  private final Runnable onClose;

  RecentlyVerifiedPasswords(
      PasswordEncoder delegate, Duration ttl, int maxEntries, Clock clock, Runnable onClose) {
    this.delegate = delegate;
    this.onClose = onClose;
    this.ttl = ttl;
    this.maxEntries = maxEntries;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return delegate.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null) {
      return delegate.matches(rawPassword, encodedPassword);
    }
    String entry = mac(rawPassword, encodedPassword);
    long now = clock.millis();
    Long at = verifiedAt.get(entry);
    if (at != null && now - at < ttl.toMillis()) {
      return true;
    }
    boolean matches = delegate.matches(rawPassword, encodedPassword);
    if (matches) {
      if (verifiedAt.size() >= maxEntries) {
        verifiedAt.values().removeIf(t -> now - t >= ttl.toMillis());
        if (verifiedAt.size() >= maxEntries) {
          verifiedAt.clear();
        }
      }
      verifiedAt.put(entry, now);
    }
    return matches;
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  @Override
  public void close() {
    onClose.run();
  }

  private String mac(CharSequence raw, String encoded) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(encoded.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of().formatHex(mac.doFinal(raw.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}

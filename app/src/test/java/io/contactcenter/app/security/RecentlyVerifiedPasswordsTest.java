package io.contactcenter.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class RecentlyVerifiedPasswordsTest {

  private final AtomicInteger hashes = new AtomicInteger();
  private final PasswordEncoder counting =
      new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
          return "hash-of-" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
          hashes.incrementAndGet();
          return encoded.equals("hash-of-" + raw);
        }
      };
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final RecentlyVerifiedPasswords passwords =
      new RecentlyVerifiedPasswords(counting, Duration.ofMinutes(1), 100, clock, () -> {});

  @Test
  void aClientRepeatingItsCredentialsCostsOneHashPerMinute() {
    for (int i = 0; i < 50; i++) {
      assertThat(passwords.matches("right-password", "hash-of-right-password")).isTrue();
    }
    assertThat(hashes).hasValue(1);

    clock.advance(Duration.ofSeconds(61));
    assertThat(passwords.matches("right-password", "hash-of-right-password")).isTrue();
    assertThat(hashes).hasValue(2);
  }

  @Test
  void failuresAreNeverRemembered() {
    for (int i = 0; i < 5; i++) {
      assertThat(passwords.matches("wrong", "hash-of-right-password")).isFalse();
    }
    assertThat(hashes).hasValue(5);
  }

  @Test
  void aChangedPasswordHashMakesTheOldPasswordCountAgain() {
    assertThat(passwords.matches("old-password", "hash-of-old-password")).isTrue();

    assertThat(passwords.matches("old-password", "hash-of-new-password")).isFalse();
  }
}

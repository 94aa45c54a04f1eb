package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.pbx.PbxUnavailableException;
import io.contactcenter.pbx.SoftphoneCredentials;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedConfigSoftphonesTest {

  private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

  @TempDir Path etc;

  private final AtomicInteger reloads = new AtomicInteger();

  private GeneratedConfigSoftphones softphones(Clock clock) {
    return new GeneratedConfigSoftphones(
        reloads::incrementAndGet,
        new PbxProperties.Softphones(
            etc.resolve("pjsip_softphones.conf"),
            URI.create("ws://127.0.0.1:8088/ws"),
            "cc.local",
            Duration.ofHours(12)),
        clock);
  }

  @Test
  void issuingWritesTheAgentsEndpointWithAFreshPasswordAndReloadsAsterisk() throws Exception {
    SoftphoneCredentials alice = softphones(Clock.fixed(NOW, ZoneOffset.UTC)).issue("alice");

    assertThat(alice.username()).isEqualTo(SoftphoneConfigFile.endpointOf("alice"));
    assertThat(alice.password()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(alice.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
    assertThat(alice.websocketUrl()).hasToString("ws://127.0.0.1:8088/ws");
    assertThat(alice.toString()).doesNotContain(alice.password());
    assertThat(Files.readString(etc.resolve("pjsip_softphones.conf")))
        .contains("[" + alice.username() + "](agent)")
        .contains("password = " + alice.password());
    assertThat(reloads).hasValue(1);
  }

  @Test
  void aSecondIssueReplacesTheFirstPasswordSoOnlyOneTabHasTheLine() throws Exception {
    GeneratedConfigSoftphones softphones = softphones(Clock.fixed(NOW, ZoneOffset.UTC));
    SoftphoneCredentials first = softphones.issue("alice");
    SoftphoneCredentials second = softphones.issue("alice");
    SoftphoneCredentials bob = softphones.issue("bob");

    assertThat(second.password()).isNotEqualTo(first.password());
    assertThat(Files.readString(etc.resolve("pjsip_softphones.conf")))
        .doesNotContain(first.password())
        .contains(second.password())
        .contains(bob.password());
  }

  @Test
  void expiredCredentialsLeaveTheFileAtTheNextIssue() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    GeneratedConfigSoftphones softphones = softphones(clock);
    SoftphoneCredentials alice = softphones.issue("alice");
    clock.now = NOW.plus(Duration.ofHours(13));
    softphones.issue("bob");

    assertThat(Files.readString(etc.resolve("pjsip_softphones.conf")))
        .doesNotContain(alice.username())
        .doesNotContain(alice.password());
  }

  @Test
  void anAsteriskThatCannotReloadIsReportedAsUnavailable() {
    GeneratedConfigSoftphones softphones =
        new GeneratedConfigSoftphones(
            () -> {
              throw new PbxUnavailableException("Asterisk manager interface is not connected");
            },
            new PbxProperties.Softphones(
                etc.resolve("pjsip_softphones.conf"),
                URI.create("ws://127.0.0.1:8088/ws"),
                "cc.local",
                Duration.ofHours(12)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> softphones.issue("alice"))
        .isInstanceOf(PbxUnavailableException.class)
        .hasMessageContaining("not connected");
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

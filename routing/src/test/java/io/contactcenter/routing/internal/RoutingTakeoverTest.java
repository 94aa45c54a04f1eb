package io.contactcenter.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which contacts a new routing leader gives up because their caller is gone (ADR 0043). */
class RoutingTakeoverTest {

  private static final Optional<Set<String>> UP = Optional.of(Set.of("1700000000.42"));

  @Test
  void aCallWhoseChannelAsteriskStillHasIsKept() {
    assertThat(RoutingTakeover.callGone(contact(ContactChannel.VOICE, "1700000000.42"), UP))
        .isFalse();
  }

  @Test
  void aCallWhoseChannelEndedWhileNoInstanceRoutedIsGone() {
    assertThat(RoutingTakeover.callGone(contact(ContactChannel.VOICE, "1700000000.43"), UP))
        .isTrue();
  }

  @Test
  void chatsAndTicketsHaveNoChannelToLoseAndAreNeverGone() {
    assertThat(RoutingTakeover.callGone(contact(ContactChannel.CHAT, "c-1"), UP)).isFalse();
    assertThat(RoutingTakeover.callGone(contact(ContactChannel.TICKET, "t-1"), UP)).isFalse();
  }

  @Test
  void withoutAnAnswerFromAsteriskNoCallIsDeclaredGone() {
    // The calls are then cancelled as after a restart (reopenAfterRestart without keepCalls).
    assertThat(
            RoutingTakeover.callGone(
                contact(ContactChannel.VOICE, "1700000000.43"), Optional.empty()))
        .isFalse();
  }

  private static JdbcContacts.Open contact(ContactChannel channel, String reference) {
    return new JdbcContacts.Open(
        ContactId.of(channel, reference),
        channel,
        "support",
        false,
        0,
        "",
        Instant.parse("2026-12-05T10:00:00Z"),
        null);
  }
}

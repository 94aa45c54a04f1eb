package io.contactcenter.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.pbx.LiveChannels;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.internal.domain.ConsultAtTakeover;
import io.contactcenter.routing.internal.domain.RingAtTakeover;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which contacts a new routing leader gives up because their caller is gone, and what it does with
 * the agents' phones the last leader rang (ADR 0043).
 */
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

  // ---- rings the last term left (ADR 0043) ----

  private static final JdbcTakeoverReads.RungCall RUNG =
      new JdbcTakeoverReads.RungCall(contact(ContactChannel.VOICE, "1700000000.42"), "ann", "r-1");

  @Test
  void theAgentsPhoneStillRingingIsStoppedAndTheCallWaitsAgain() {
    LiveChannels channels =
        new LiveChannels(Set.of("1700000000.42", "cc-ring-r-1"), Set.of("1700000000.42"));

    assertThat(RoutingTakeover.decide(RUNG, channels))
        .isEqualTo(new RingAtTakeover(RingAtTakeover.Outcome.WAITS_AGAIN, true));
  }

  @Test
  void theAgentsPhoneThatAnsweredKeepsTheCall() {
    LiveChannels channels =
        new LiveChannels(
            Set.of("1700000000.42", "cc-ring-r-1"), Set.of("1700000000.42", "cc-ring-r-1"));

    assertThat(RoutingTakeover.decide(RUNG, channels))
        .isEqualTo(new RingAtTakeover(RingAtTakeover.Outcome.ANSWERED, false));
  }

  @Test
  void anotherRingOfTheSamePhoneIsNotTakenForTheCallsRing() {
    // The ring of another call (or a later one) is not this call's: its leg is over.
    LiveChannels channels =
        new LiveChannels(
            Set.of("1700000000.42", "cc-ring-r-2"), Set.of("1700000000.42", "cc-ring-r-2"));

    assertThat(RoutingTakeover.decide(RUNG, channels))
        .isEqualTo(new RingAtTakeover(RingAtTakeover.Outcome.WAITS_AGAIN, false));
  }

  @Test
  void aCallerWhoLeftWhileTheAgentsPhoneRangIsGoneAndTheRingStopped() {
    LiveChannels channels = new LiveChannels(Set.of("cc-ring-r-1"), Set.of());

    assertThat(RoutingTakeover.decide(RUNG, channels))
        .isEqualTo(new RingAtTakeover(RingAtTakeover.Outcome.CALLER_LEFT, true));
  }

  // ---- consults the last term left (ADR 0044 addendum) ----

  private static final JdbcConsults.Stored RINGING =
      new JdbcConsults.Stored(
          ContactId.of("voice:1700000000.42"), "ann", "bob", "support", "c-1", null, null);

  private static final JdbcConsults.Stored TALKING =
      new JdbcConsults.Stored(
          ContactId.of("voice:1700000000.42"),
          "ann",
          "bob",
          "support",
          "c-1",
          "PJSIP/agent-61-00000001",
          "cc-ring-r-1");

  @Test
  void aConsultedPhoneStillRingingIsHungUpAndTheAgentKeepsTheCall() {
    LiveChannels channels =
        new LiveChannels(
            Set.of("1700000000.42", "cc-ring-r-1", "cc-ring-c-1"),
            Set.of("1700000000.42", "cc-ring-r-1"));

    assertThat(TakeoverConsults.decide(RINGING, channels))
        .isEqualTo(new ConsultAtTakeover(ConsultAtTakeover.Outcome.ENDED, true));
  }

  @Test
  void agentsInAConsultGoOnAndOneWhoseChannelEndedHandedTheCallOver() {
    LiveChannels talking =
        new LiveChannels(
            Set.of("1700000000.42", "cc-ring-r-1", "cc-ring-c-1"),
            Set.of("1700000000.42", "cc-ring-r-1", "cc-ring-c-1"));
    LiveChannels agentLeft =
        new LiveChannels(
            Set.of("1700000000.42", "cc-ring-c-1"), Set.of("1700000000.42", "cc-ring-c-1"));

    assertThat(TakeoverConsults.decide(TALKING, talking))
        .isEqualTo(new ConsultAtTakeover(ConsultAtTakeover.Outcome.GOES_ON, false));
    assertThat(TakeoverConsults.decide(TALKING, agentLeft))
        .isEqualTo(new ConsultAtTakeover(ConsultAtTakeover.Outcome.HANDED_OVER, false));
    assertThat(TakeoverConsults.decide(RINGING, talking))
        .as("answered, the transfer not started yet")
        .isEqualTo(new ConsultAtTakeover(ConsultAtTakeover.Outcome.CONNECT, false));
  }

  @Test
  void aConsultWhoseCallerOrConsultedPhoneIsGoneEnds() {
    LiveChannels callerGone = new LiveChannels(Set.of("cc-ring-c-1"), Set.of("cc-ring-c-1"));
    LiveChannels phoneGone =
        new LiveChannels(
            Set.of("1700000000.42", "cc-ring-r-1"), Set.of("1700000000.42", "cc-ring-r-1"));

    assertThat(TakeoverConsults.decide(TALKING, callerGone))
        .isEqualTo(new ConsultAtTakeover(ConsultAtTakeover.Outcome.ENDED, true));
    assertThat(TakeoverConsults.decide(TALKING, phoneGone))
        .isEqualTo(new ConsultAtTakeover(ConsultAtTakeover.Outcome.ENDED, false));
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

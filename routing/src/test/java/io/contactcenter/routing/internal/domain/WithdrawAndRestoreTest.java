package io.contactcenter.routing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Withdrawing without counting (handled elsewhere), putting contacts back after a restart, and a
 * channel's own weight.
 */
class WithdrawAndRestoreTest {

  private static final QueueId SUPPORT = new QueueId("support");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));

  private final ContactDistributor d =
      new ContactDistributor(
          clock,
          PriorityPolicy.defaults(),
          Duration.ofSeconds(15),
          List.of(QueueDefinition.simple(SUPPORT, "support", QueueStrategy.LONGEST_IDLE)));

  private final AgentProfile alice =
      new AgentProfile(
          new AgentId("alice"),
          Skills.of(Map.of("support", 3)),
          AgentProfile.capacity(1, 0),
          Duration.ZERO);

  @Test
  void aWithdrawnWaitingContactIsNeverOfferedAndNotCountedAbandoned() {
    d.enqueue(new ContactId("chat:1"), Channel.CHAT, SUPPORT, false);

    assertThat(d.withdraw(new ContactId("chat:1"))).isEmpty();
    d.logIn(alice);
    d.ready(alice.id());

    assertThat(d.route()).isEmpty();
    assertThat(d.statistics(SUPPORT).abandoned()).isZero();
  }

  @Test
  void aWithdrawnRingingContactFreesTheAgentWithoutChangingTheirState() {
    d.logIn(alice);
    d.ready(alice.id());
    d.enqueue(new ContactId("chat:1"), Channel.CHAT, SUPPORT, false);
    assertThat(d.route()).hasSize(1);

    assertThat(d.withdraw(new ContactId("chat:1"))).isPresent();

    assertThat(d.load(alice.id(), Channel.CHAT)).isZero();
    assertThat(d.presence(alice.id())).isInstanceOf(Presence.Ready.class);
    assertThat(d.offers()).isEmpty();
  }

  @Test
  void aRestoredContactKeepsItsOriginalPlaceAheadOfNewerOnes() {
    Instant before = clock.instant().minus(Duration.ofMinutes(5));
    d.enqueue(new ContactId("chat:new"), Channel.CHAT, SUPPORT, false);
    d.restore(new ContactId("chat:old"), Channel.CHAT, SUPPORT, false, before);

    assertThat(d.waiting()).extracting(c -> c.id().value()).containsExactly("chat:old", "chat:new");
    assertThat(d.waiting().getFirst().enqueuedAt()).isEqualTo(before);
  }

  @Test
  void theDistributorKnowsOnlyAgentsWhoLoggedIn() {
    assertThat(d.knows(alice.id())).isFalse();
    d.logIn(alice);
    d.logOut(alice.id());
    assertThat(d.knows(alice.id())).isTrue();
  }

  @Test
  void anAcceptedContactIsListedAsConnectedUntilCompleted() {
    d.logIn(alice);
    d.ready(alice.id());
    d.enqueue(new ContactId("chat:1"), Channel.CHAT, SUPPORT, false);
    d.route();
    d.accept(alice.id(), new ContactId("chat:1"));

    assertThat(d.connected()).extracting(o -> o.contact().id().value()).containsExactly("chat:1");
    d.complete(alice.id(), new ContactId("chat:1"));
    assertThat(d.connected()).isEmpty();
  }

  @Test
  void aWeightedContactGoesAheadOfOlderOnesOfItsChannelAndKeepsItsWeightWhenRestored() {
    Instant before = clock.instant().minus(Duration.ofMinutes(5));
    d.enqueue(new ContactId("ticket:normal"), Channel.TICKET, SUPPORT, false);
    d.enqueue(new ContactId("ticket:urgent"), Channel.TICKET, SUPPORT, false, 3);
    d.restore(new ContactId("ticket:high"), Channel.TICKET, SUPPORT, false, 2, before);

    assertThat(d.waiting())
        .extracting(c -> c.id().value())
        .containsExactly("ticket:urgent", "ticket:high", "ticket:normal");
    assertThat(d.waiting()).extracting(Contact::priority).containsExactly(3, 2, 0);
  }
}

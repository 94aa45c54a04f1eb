package io.contactcenter.routing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attended transfer in the distributor (ADR 0044): who may be consulted, reserved, moved. */
class ConsultTest {

  private static final QueueId ORDERS = new QueueId("orders");
  private static final QueueId BILLING = new QueueId("billing");
  private static final ContactId CALL = new ContactId("voice:1.1");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
  private final ContactDistributor d =
      new ContactDistributor(
          clock,
          PriorityPolicy.defaults(),
          Duration.ofSeconds(15),
          List.of(
              QueueDefinition.simple(ORDERS, "orders", QueueStrategy.LONGEST_IDLE),
              QueueDefinition.simple(BILLING, "billing", QueueStrategy.LONGEST_IDLE)));
  private final AgentId alice = ready("alice", Map.of("orders", 3), Duration.ofMinutes(2));

  private AgentId ready(String id, Map<String, Integer> skills, Duration wrapUp) {
    AgentProfile profile =
        new AgentProfile(new AgentId(id), Skills.of(skills), AgentProfile.capacity(0, 0), wrapUp);
    d.logIn(profile);
    d.ready(profile.id());
    clock.advance(Duration.ofSeconds(1));
    return profile.id();
  }

  /** Alice answers the caller of orders. */
  private void aliceOnTheCall() {
    d.enqueue(CALL, Channel.VOICE, ORDERS, false);
    assertThat(d.route()).singleElement().satisfies(o -> assertThat(o.agent()).isEqualTo(alice));
    assertThat(d.accept(alice, CALL)).isInstanceOf(AcceptDecision.Connected.class);
  }

  @Test
  void theConsultedAgentIsReservedAndOfferedNothingElseUntilTheConsultEnds() {
    AgentId bob = ready("bob", Map.of("orders", 1), Duration.ZERO);
    aliceOnTheCall();

    ConsultDecision decision = d.consult(alice, CALL, bob);

    assertThat(decision).isInstanceOf(ConsultDecision.Reserved.class);
    Consult consult = ((ConsultDecision.Reserved) decision).consult();
    assertThat(consult.from()).isEqualTo(alice);
    assertThat(consult.to()).isEqualTo(bob);
    assertThat(consult.toQueue()).isEqualTo(ORDERS);
    assertThat(d.presence(bob)).isEqualTo(new Presence.OnContact(1));
    d.enqueue(new ContactId("voice:2.2"), Channel.VOICE, ORDERS, false);
    assertThat(d.route()).as("bob is reserved, alice busy").isEmpty();
    // The call is still alice's.
    assertThat(d.connected())
        .singleElement()
        .satisfies(o -> assertThat(o.agent()).isEqualTo(alice));

    // Cancelled (or bob's phone did not answer): bob is free and takes the next caller.
    assertThat(d.endConsult(CALL)).contains(consult);
    assertThat(d.consultOf(CALL)).isEmpty();
    assertThat(d.route()).singleElement().satisfies(o -> assertThat(o.agent()).isEqualTo(bob));
    assertThat(d.connected())
        .singleElement()
        .satisfies(o -> assertThat(o.agent()).isEqualTo(alice));
  }

  @Test
  void completingMovesTheCallToTheConsultedAgentAndStartsTheWrapUpOfTheFirst() {
    AgentId bob = ready("bob", Map.of("orders", 1), Duration.ZERO);
    aliceOnTheCall();
    d.consult(alice, CALL, bob);
    clock.advance(Duration.ofSeconds(30));

    Offer taken = d.completeConsult(alice, CALL).orElseThrow();

    assertThat(taken.agent()).isEqualTo(bob);
    assertThat(taken.contact().queue()).isEqualTo(ORDERS);
    assertThat(d.connected()).containsExactly(taken);
    assertThat(d.presence(alice)).isInstanceOf(Presence.WrapUp.class);
    assertThat(d.presence(bob)).isEqualTo(new Presence.OnContact(1));
    assertThat(d.statistics(ORDERS).answered()).as("answered once, by alice").isEqualTo(1);
    assertThat(d.consultOf(CALL)).isEmpty();
    // Bob's call ends as any call does.
    assertThat(d.complete(alice, CALL)).isFalse();
    assertThat(d.complete(bob, CALL)).isTrue();
    assertThat(d.presence(bob)).isInstanceOf(Presence.Ready.class);
  }

  @Test
  void aConsultOfAQueueReservesItsFreeAgentIdleLongestAndTheCallGoesOnInThatQueue() {
    AgentId carol = ready("carol", Map.of("billing", 1), Duration.ZERO);
    ready("dave", Map.of("billing", 5), Duration.ZERO);
    ready("erin", Map.of("orders", 5), Duration.ZERO);
    aliceOnTheCall();

    ConsultDecision decision = d.consultQueue(alice, CALL, BILLING);

    Consult consult = ((ConsultDecision.Reserved) decision).consult();
    assertThat(consult.to()).isEqualTo(carol);
    assertThat(consult.toQueue()).isEqualTo(BILLING);
    assertThat(d.completeConsult(alice, CALL).orElseThrow().contact().queue()).isEqualTo(BILLING);
  }

  @Test
  void aConsultIsRefusedWithTheReasonAndChangesNothing() {
    AgentId bob = ready("bob", Map.of("orders", 1), Duration.ZERO);
    AgentId busy = ready("busy", Map.of("billing", 1), Duration.ZERO);
    d.notReady(busy, "break");
    aliceOnTheCall();

    assertThat(reason(d.consult(bob, CALL, alice)))
        .isEqualTo((ConsultDecision.Reason.NOT_YOUR_CALL));
    assertThat(reason(d.consult(alice, CALL, alice)))
        .isEqualTo((ConsultDecision.Reason.SAME_AGENT));
    assertThat(reason(d.consult(alice, CALL, busy)))
        .isEqualTo((ConsultDecision.Reason.AGENT_NOT_FREE));
    assertThat(reason(d.consult(alice, CALL, new AgentId("nobody"))))
        .isEqualTo((ConsultDecision.Reason.AGENT_NOT_FREE));
    assertThat(reason(d.consultQueue(alice, CALL, BILLING)))
        .isEqualTo((ConsultDecision.Reason.NO_FREE_AGENT));
    assertThat(d.consultOf(CALL)).isEmpty();
    assertThat(d.presence(bob)).isInstanceOf(Presence.Ready.class);

    d.consult(alice, CALL, bob);
    assertThat(reason(d.consultQueue(alice, CALL, ORDERS)))
        .isEqualTo((ConsultDecision.Reason.ALREADY_CONSULTING));
    assertThat(d.completeConsult(bob, CALL)).as("only alice completes").isEmpty();
  }

  @Test
  void theCallersHangUpDuringTheConsultFreesTheConsultedAgent() {
    AgentId bob = ready("bob", Map.of("orders", 1), Duration.ZERO);
    aliceOnTheCall();
    d.consult(alice, CALL, bob);

    assertThat(d.complete(alice, CALL)).isTrue();

    assertThat(d.consultOf(CALL)).isEmpty();
    assertThat(d.presence(bob)).isInstanceOf(Presence.Ready.class);
    assertThat(d.completeConsult(alice, CALL)).isEmpty();
  }

  // ---- a consult the last routing term left (ADR 0044 addendum) ----

  /** A new term: alice's call given back to her, as a take-over restores it. */
  private void aliceOnTheCallInANewTerm() {
    Instant enqueued = clock.instant().minusSeconds(90);
    d.restoreConnected(
        CALL, Channel.VOICE, ORDERS, false, 0, enqueued, alice, enqueued.plusSeconds(10));
  }

  @Test
  void aConsultTakenOverReservesTheConsultedAgentAgainAndCompletesIntoItsQueue() {
    AgentId bob = ready("bob", Map.of("billing", 1), Duration.ZERO);
    aliceOnTheCallInANewTerm();

    Consult consult = d.restoreConsult(alice, CALL, bob, BILLING).orElseThrow();

    assertThat(consult.to()).isEqualTo(bob);
    assertThat(consult.toQueue()).isEqualTo(BILLING);
    assertThat(d.consultOf(CALL)).contains(consult);
    assertThat(d.presence(bob)).isEqualTo(new Presence.OnContact(1));
    d.enqueue(new ContactId("voice:2.2"), Channel.VOICE, BILLING, false);
    assertThat(d.route()).as("bob is reserved for the consult").isEmpty();
    Offer taken = d.completeConsult(alice, CALL).orElseThrow();
    assertThat(taken.agent()).isEqualTo(bob);
    assertThat(taken.contact().queue()).isEqualTo(BILLING);
  }

  @Test
  void aConsultedAgentNotReadyInTheNewTermIsStillReservedForTheConsult() {
    // The consult took bob off the order; the presence stored for him says nothing of it.
    AgentId bob = ready("bob", Map.of("orders", 1), Duration.ZERO);
    d.notReady(bob, "break");
    aliceOnTheCallInANewTerm();

    assertThat(d.restoreConsult(alice, CALL, bob, ORDERS)).isPresent();
    assertThat(d.endConsult(CALL)).isPresent();
    assertThat(d.presence(bob)).isInstanceOf(Presence.NotReady.class);
  }

  @Test
  void aConsultIsNotTakenOverWithoutBothAgentsAndChangesNothing() {
    AgentId bob = ready("bob", Map.of("orders", 1), Duration.ZERO);

    assertThat(d.restoreConsult(alice, CALL, bob, ORDERS))
        .as("alice's call not given back to her")
        .isEmpty();
    aliceOnTheCallInANewTerm();
    assertThat(d.restoreConsult(alice, CALL, new AgentId("nobody"), ORDERS))
        .as("the consulted agent not logged in")
        .isEmpty();
    d.logOut(bob);
    assertThat(d.restoreConsult(alice, CALL, bob, ORDERS)).as("logged out").isEmpty();
    AgentId carol = ready("carol", Map.of("orders", 1), Duration.ZERO);
    assertThat(d.restoreConsult(alice, CALL, alice, ORDERS)).isEmpty();
    assertThat(d.restoreConsult(alice, CALL, carol, new QueueId("gone"))).isEmpty();
    assertThat(d.consultOf(CALL)).isEmpty();
    assertThat(d.presence(carol)).isInstanceOf(Presence.Ready.class);

    assertThat(d.restoreConsult(alice, CALL, carol, ORDERS)).isPresent();
    assertThat(d.restoreConsult(alice, CALL, carol, ORDERS)).as("restored once").isEmpty();
  }

  private static ConsultDecision.Reason reason(ConsultDecision decision) {
    assertThat(decision).isInstanceOf(ConsultDecision.Refused.class);
    return ((ConsultDecision.Refused) decision).reason();
  }

  @Test
  void aConsultCompletedByTheFirstAgentsLostLegSetsThemNotReadyWithoutAWrapUp() {
    AgentId bob = ready("bob", Map.of("orders", 1), Duration.ZERO);
    aliceOnTheCall();
    d.consult(alice, CALL, bob);

    Offer taken = d.completeConsult(alice, CALL, true).orElseThrow();

    assertThat(taken.agent()).isEqualTo(bob);
    assertThat(d.presence(alice))
        .isInstanceOfSatisfying(
            Presence.NotReady.class,
            p -> assertThat(p.reason()).isEqualTo(ContactDistributor.CONNECTION_LOST));
    assertThat(d.presence(bob)).isEqualTo(new Presence.OnContact(1));
    d.enqueue(new ContactId("voice:2.2"), Channel.VOICE, ORDERS, false);
    assertThat(d.route()).as("alice's page is gone: nothing is offered to it").isEmpty();
    assertThat(d.statistics(ORDERS).answered()).isEqualTo(1);
  }

  @Test
  void aCallHandedBackDuringAConsultFreesTheConsultedAgentWhoMayTakeIt() {
    AgentId bob = ready("bob", Map.of("orders", 1), Duration.ZERO);
    aliceOnTheCall();
    d.consult(alice, CALL, bob);

    assertThat(d.handBack(CALL)).isPresent();

    assertThat(d.consultOf(CALL)).isEmpty();
    assertThat(d.route())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.agent()).isEqualTo(bob);
              assertThat(o.contact().id()).isEqualTo(CALL);
            });
    d.accept(bob, CALL);
    assertThat(d.statistics(ORDERS).answered()).as("answered once").isEqualTo(1);
  }
}

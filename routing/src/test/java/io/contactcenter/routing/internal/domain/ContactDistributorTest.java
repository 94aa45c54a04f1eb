package io.contactcenter.routing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactDistributorTest {

  private static final QueueId ORDERS = new QueueId("orders");
  private static final QueueId BILLING = new QueueId("billing");
  private static final QueueId GENERAL = new QueueId("general");
  private static final Duration RING = Duration.ofSeconds(15);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));

  private ContactDistributor distributor(QueueDefinition... queues) {
    return new ContactDistributor(clock, PriorityPolicy.defaults(), RING, List.of(queues));
  }

  private ContactDistributor simple() {
    return distributor(
        QueueDefinition.simple(ORDERS, "orders", QueueStrategy.LONGEST_IDLE),
        QueueDefinition.simple(BILLING, "billing", QueueStrategy.LONGEST_IDLE));
  }

  private static AgentProfile agent(String id, Map<String, Integer> skills) {
    return agent(id, skills, AgentProfile.capacity(2, 3), Duration.ZERO);
  }

  private static AgentProfile agent(
      String id, Map<String, Integer> skills, Map<Channel, Integer> capacity, Duration wrapUp) {
    return new AgentProfile(new AgentId(id), Skills.of(skills), capacity, wrapUp);
  }

  private static ContactId contact(String id) {
    return new ContactId(id);
  }

  private void readyAgent(ContactDistributor d, AgentProfile profile) {
    d.logIn(profile);
    d.ready(profile.id());
  }

  private void tick() {
    clock.advance(Duration.ofSeconds(1));
  }

  @Test
  void aContactRestoredWithItsAgentTakesTheirRoomAndCanBeCompleted() {
    ContactDistributor d = simple();
    AgentProfile alice =
        agent("alice", Map.of("orders", 3), AgentProfile.capacity(0, 1), Duration.ZERO);
    readyAgent(d, alice);
    Instant answered = clock.instant().minusSeconds(60);
    d.restoreConnected(
        contact("ticket:held"),
        Channel.TICKET,
        ORDERS,
        false,
        0,
        answered.minusSeconds(30),
        alice.id(),
        answered);
    d.enqueue(contact("ticket:next"), Channel.TICKET, ORDERS, false);

    // Her one ticket place is taken by the restored one: the next waits.
    assertThat(d.route()).isEmpty();
    assertThat(d.connected())
        .singleElement()
        .satisfies(o -> assertThat(o.agent()).isEqualTo(alice.id()));
    assertThat(d.statistics(ORDERS).answered()).isZero();

    assertThat(d.complete(alice.id(), contact("ticket:held"))).isTrue();
    assertThat(d.route())
        .singleElement()
        .satisfies(o -> assertThat(o.contact().id().value()).isEqualTo("ticket:next"));
  }

  @Test
  void aCallAnsweredUnseenIsOfferedAgainToItsAgentAndCountsAsAnsweredOnAccept() {
    ContactDistributor d = simple();
    AgentProfile alice = agent("alice", Map.of("orders", 3));
    readyAgent(d, alice);
    Instant enqueued = clock.instant().minusSeconds(40);
    d.restoreOffered(contact("voice:1"), Channel.VOICE, ORDERS, false, 0, enqueued, alice.id());
    d.enqueue(contact("voice:2"), Channel.VOICE, ORDERS, false);

    // Her one voice place is taken by the call her phone answered: the next caller waits.
    assertThat(d.route()).isEmpty();
    assertThat(d.accept(alice.id(), contact("voice:1")))
        .isInstanceOfSatisfying(
            AcceptDecision.Connected.class,
            c -> assertThat(c.waited()).isEqualTo(Duration.ofSeconds(40)));
    assertThat(d.statistics(ORDERS).answered()).isEqualTo(1);
    assertThat(d.connected())
        .singleElement()
        .satisfies(o -> assertThat(o.agent()).isEqualTo(alice.id()));
  }

  @Test
  void aContactIsRestoredOnlyWithALoggedInAgentAndOnlyOnce() {
    ContactDistributor d = simple();
    assertThatThrownBy(
            () ->
                d.restoreConnected(
                    contact("chat:1"),
                    Channel.CHAT,
                    ORDERS,
                    false,
                    0,
                    clock.instant(),
                    new AgentId("nobody"),
                    clock.instant()))
        .isInstanceOf(IllegalArgumentException.class);
    readyAgent(d, agent("bob", Map.of("orders", 3)));
    d.restoreConnected(
        contact("chat:1"),
        Channel.CHAT,
        ORDERS,
        false,
        0,
        clock.instant(),
        new AgentId("bob"),
        clock.instant());
    assertThatThrownBy(() -> d.enqueue(contact("chat:1"), Channel.CHAT, ORDERS, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aVipWhoArrivesLaterIsOfferedBeforeAnOlderNormalCaller() {
    ContactDistributor d = simple();
    d.enqueue(contact("normal"), Channel.VOICE, ORDERS, false);
    tick();
    d.enqueue(contact("vip"), Channel.VOICE, ORDERS, true);
    readyAgent(d, agent("alice", Map.of("orders", 3)));

    List<Offer> offers = d.route();

    assertThat(offers)
        .singleElement()
        .satisfies(o -> assertThat(o.contact().id().value()).isEqualTo("vip"));
    assertThat(d.waiting()).extracting(c -> c.id().value()).containsExactly("normal");
  }

  @Test
  void anAgentServingTwoQueuesGetsTheOldestContactAcrossBoth() {
    ContactDistributor d = simple();
    d.enqueue(contact("billing-old"), Channel.VOICE, BILLING, false);
    tick();
    d.enqueue(contact("orders-new"), Channel.VOICE, ORDERS, false);
    readyAgent(d, agent("alice", Map.of("orders", 3, "billing", 3)));

    assertThat(d.route())
        .singleElement()
        .satisfies(o -> assertThat(o.contact().id().value()).isEqualTo("billing-old"));
  }

  @Test
  void aCallGoesBeforeAnOlderChatByChannelWeight() {
    ContactDistributor d = simple();
    d.enqueue(contact("chat"), Channel.CHAT, ORDERS, false);
    tick();
    d.enqueue(contact("call"), Channel.VOICE, ORDERS, false);

    assertThat(d.waiting()).extracting(c -> c.id().value()).containsExactly("call", "chat");
  }

  @Test
  void longestIdleAgentGetsTheContact() {
    ContactDistributor d = simple();
    AgentProfile recent = agent("recent", Map.of("orders", 3));
    AgentProfile idleLonger = agent("idle-longer", Map.of("orders", 3));
    d.logIn(recent);
    d.logIn(idleLonger);
    d.ready(idleLonger.id());
    clock.advance(Duration.ofSeconds(30));
    d.ready(recent.id());
    d.enqueue(contact("c1"), Channel.VOICE, ORDERS, false);

    assertThat(d.route())
        .singleElement()
        .satisfies(o -> assertThat(o.agent().value()).isEqualTo("idle-longer"));
  }

  @Test
  void fewestContactsTodayGetsTheContact() {
    ContactDistributor d =
        distributor(QueueDefinition.simple(ORDERS, "orders", QueueStrategy.FEWEST_CONTACTS_TODAY));
    AgentProfile busy = agent("busy", Map.of("orders", 3));
    AgentProfile fresh = agent("fresh", Map.of("orders", 3));
    readyAgent(d, busy);
    d.enqueue(contact("first"), Channel.VOICE, ORDERS, false);
    assertThat(d.route())
        .singleElement()
        .satisfies(o -> assertThat(o.agent()).isEqualTo(busy.id()));
    assertThat(d.accept(busy.id(), contact("first"))).isInstanceOf(AcceptDecision.Connected.class);
    d.complete(busy.id(), contact("first"));
    tick();
    readyAgent(d, fresh); // idle for less time than "busy", but has answered nothing today

    d.enqueue(contact("second"), Channel.VOICE, ORDERS, false);

    assertThat(d.route())
        .singleElement()
        .satisfies(o -> assertThat(o.agent()).isEqualTo(fresh.id()));
  }

  @Test
  void skillLevelFirstGetsTheContactToTheExpert() {
    ContactDistributor d =
        distributor(QueueDefinition.simple(ORDERS, "orders", QueueStrategy.SKILL_LEVEL_FIRST));
    readyAgent(d, agent("novice", Map.of("orders", 1)));
    tick();
    readyAgent(d, agent("expert", Map.of("orders", 5)));
    d.enqueue(contact("c1"), Channel.VOICE, ORDERS, false);

    assertThat(d.route())
        .singleElement()
        .satisfies(o -> assertThat(o.agent().value()).isEqualTo("expert"));
  }

  @Test
  void routingStepsWidenToLowerLevelsAndThenTheOverflowQueue() {
    QueueDefinition orders =
        new QueueDefinition(
            ORDERS,
            "orders",
            0,
            QueueStrategy.LONGEST_IDLE,
            List.of(
                RoutingStep.at(Duration.ZERO, 4),
                RoutingStep.at(Duration.ofSeconds(30), 2),
                RoutingStep.overflow(Duration.ofSeconds(60), 2, GENERAL)),
            Duration.ofSeconds(20));
    ContactDistributor d =
        distributor(orders, QueueDefinition.simple(GENERAL, "general", QueueStrategy.LONGEST_IDLE));
    readyAgent(d, agent("level1", Map.of("orders", 1)));
    readyAgent(d, agent("generalist", Map.of("general", 1)));
    d.enqueue(contact("a"), Channel.VOICE, ORDERS, false);
    assertThat(d.route()).isEmpty();
    readyAgent(d, agent("level2", Map.of("orders", 2)));
    clock.advance(Duration.ofSeconds(29));
    assertThat(d.route()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    assertThat(d.route())
        .singleElement()
        .satisfies(o -> assertThat(o.agent().value()).isEqualTo("level2"));

    d.enqueue(contact("b"), Channel.VOICE, ORDERS, false);
    clock.advance(Duration.ofSeconds(59));
    assertThat(d.route()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(d.route())
        .singleElement()
        .satisfies(o -> assertThat(o.agent().value()).isEqualTo("generalist"));
  }

  @Test
  void anOfferReservesTheContactForOneAgent() {
    ContactDistributor d = simple();
    readyAgent(d, agent("alice", Map.of("orders", 3)));
    readyAgent(d, agent("bob", Map.of("orders", 3)));
    d.enqueue(contact("c1"), Channel.VOICE, ORDERS, false);

    assertThat(d.route()).hasSize(1);
    assertThat(d.route()).isEmpty();
    assertThat(d.waiting()).isEmpty();
    assertThat(d.offers()).hasSize(1);
  }

  @Test
  void aRingTimeoutSetsTheAgentNotReadyAndPutsTheContactBackInItsPlace() {
    ContactDistributor d = simple();
    AgentProfile alice = agent("alice", Map.of("orders", 3));
    readyAgent(d, alice);
    d.enqueue(contact("first"), Channel.VOICE, ORDERS, false);
    d.route();
    tick();
    d.enqueue(contact("second"), Channel.VOICE, ORDERS, false);

    clock.advance(RING);
    List<Offer> expired = d.expireOffers();

    assertThat(expired).extracting(o -> o.contact().id().value()).containsExactly("first");
    assertThat(d.presence(alice.id()))
        .isInstanceOfSatisfying(
            Presence.NotReady.class,
            p -> assertThat(p.reason()).isEqualTo(ContactDistributor.RING_TIMEOUT));
    assertThat(d.waiting()).extracting(c -> c.id().value()).containsExactly("first", "second");
    assertThat(d.accept(alice.id(), contact("first")))
        .isInstanceOf(AcceptDecision.NotOffered.class);
    readyAgent(d, agent("bob", Map.of("orders", 3)));
    assertThat(d.route())
        .singleElement()
        .satisfies(o -> assertThat(o.contact().id().value()).isEqualTo("first"));
  }

  @Test
  void anAcceptAfterTheRingTimeoutIsRefusedAndTheContactGoesBack() {
    ContactDistributor d = simple();
    AgentProfile alice = agent("alice", Map.of("orders", 3));
    readyAgent(d, alice);
    d.enqueue(contact("c1"), Channel.VOICE, ORDERS, false);
    d.route();
    clock.advance(RING);

    assertThat(d.accept(alice.id(), contact("c1")))
        .isInstanceOfSatisfying(
            AcceptDecision.NotOffered.class, n -> assertThat(n.reason()).contains("rang out"));
    assertThat(d.waiting()).extracting(c -> c.id().value()).containsExactly("c1");
  }

  @Test
  void anAbandonedContactIsNeverOffered() {
    ContactDistributor d = simple();
    d.enqueue(contact("gone"), Channel.VOICE, ORDERS, false);
    d.enqueue(contact("stays"), Channel.VOICE, ORDERS, false);
    d.abandon(contact("gone"));
    readyAgent(d, agent("alice", Map.of("orders", 3)));
    readyAgent(d, agent("bob", Map.of("orders", 3)));

    assertThat(d.route()).extracting(o -> o.contact().id().value()).containsExactly("stays");
  }

  @Test
  void aCallerWhoHangsUpWhileRingingWithdrawsTheOfferAndFreesTheAgent() {
    ContactDistributor d = simple();
    AgentProfile alice = agent("alice", Map.of("orders", 3));
    readyAgent(d, alice);
    d.enqueue(contact("c1"), Channel.VOICE, ORDERS, false);
    d.route();

    assertThat(d.abandon(contact("c1"))).isPresent();
    assertThat(d.accept(alice.id(), contact("c1"))).isInstanceOf(AcceptDecision.NotOffered.class);
    assertThat(d.presence(alice.id())).isInstanceOf(Presence.Ready.class);
    assertThat(d.statistics(ORDERS).abandoned()).isEqualTo(1);
  }

  @Test
  void aCallbackKeepsItsOriginalPlaceAndIsNotAbandonedByTheHangUp() {
    ContactDistributor d = simple();
    d.enqueue(contact("callback"), Channel.VOICE, ORDERS, false);
    tick();
    d.enqueue(contact("later"), Channel.VOICE, ORDERS, false);

    assertThat(d.takeCallback(contact("callback"))).isTrue();
    assertThat(d.abandon(contact("callback"))).isEmpty();
    readyAgent(d, agent("alice", Map.of("orders", 3)));

    assertThat(d.route())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.contact().id().value()).isEqualTo("callback");
              assertThat(o.contact().callback()).isTrue();
            });
    assertThat(d.statistics(ORDERS).abandoned()).isZero();
  }

  @Test
  void capacityPerChannelIsNeverExceeded() {
    ContactDistributor d = simple();
    AgentProfile alice =
        agent("alice", Map.of("orders", 3), AgentProfile.capacity(2, 0), Duration.ZERO);
    readyAgent(d, alice);
    for (int i = 0; i < 3; i++) {
      d.enqueue(contact("chat" + i), Channel.CHAT, ORDERS, false);
      d.enqueue(contact("call" + i), Channel.VOICE, ORDERS, false);
      d.enqueue(contact("ticket" + i), Channel.TICKET, ORDERS, false);
    }

    List<Offer> offers = d.route();

    assertThat(offers)
        .extracting(o -> o.contact().id().value())
        .containsExactlyInAnyOrder("call0", "chat0", "chat1");
    assertThat(d.load(alice.id(), Channel.VOICE)).isEqualTo(1);
    assertThat(d.load(alice.id(), Channel.CHAT)).isEqualTo(2);
    assertThat(d.presence(alice.id())).isEqualTo(new Presence.OnContact(3));
  }

  @Test
  void wrapUpHoldsOffersUntilItsTimerEnds() {
    ContactDistributor d = simple();
    AgentProfile alice =
        agent("alice", Map.of("orders", 3), AgentProfile.capacity(0, 0), Duration.ofSeconds(30));
    readyAgent(d, alice);
    d.enqueue(contact("c1"), Channel.VOICE, ORDERS, false);
    d.route();
    d.accept(alice.id(), contact("c1"));
    d.enqueue(contact("c2"), Channel.VOICE, ORDERS, false);
    clock.advance(Duration.ofSeconds(100));

    assertThat(d.complete(alice.id(), contact("c1"))).isTrue();

    assertThat(d.presence(alice.id()))
        .isEqualTo(new Presence.WrapUp(clock.instant().plusSeconds(30)));
    clock.advance(Duration.ofSeconds(29));
    assertThat(d.route()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(d.route())
        .singleElement()
        .satisfies(o -> assertThat(o.contact().id().value()).isEqualTo("c2"));
  }

  // ---- a new routing term resumes the agents as the last one left them (ADR 0053 addendum) ----

  @Test
  void aWrapUpRunningWhenTheLeaderDiedHoldsOffersOnTheNewLeaderUntilItsTimerEnds() {
    ContactDistributor old = simple();
    AgentProfile alice =
        agent("alice", Map.of("orders", 3), AgentProfile.capacity(0, 0), Duration.ofSeconds(60));
    readyAgent(old, alice);
    old.enqueue(contact("c1"), Channel.VOICE, ORDERS, false);
    old.route();
    old.accept(alice.id(), contact("c1"));
    old.complete(alice.id(), contact("c1"));
    Instant wrapUpEnds = clock.instant().plusSeconds(60);
    SavedPresence saved = old.saved(alice.id());
    clock.advance(Duration.ofSeconds(20)); // the failover

    ContactDistributor next = simple();
    next.resume(alice, saved);
    next.enqueue(contact("c2"), Channel.VOICE, ORDERS, false);

    assertThat(next.presence(alice.id())).isEqualTo(new Presence.WrapUp(wrapUpEnds));
    clock.advance(Duration.ofSeconds(39));
    assertThat(next.route()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(next.route())
        .singleElement()
        .satisfies(o -> assertThat(o.agent()).isEqualTo(alice.id()));
  }

  @Test
  void theLongestIdleAgentBeforeTheFailoverIsStillTheLongestIdleAfterIt() {
    ContactDistributor old = simple();
    AgentProfile idleLonger = agent("idle-longer", Map.of("orders", 3));
    AgentProfile recent = agent("recent", Map.of("orders", 3));
    readyAgent(old, idleLonger);
    clock.advance(Duration.ofSeconds(30));
    readyAgent(old, recent);
    SavedPresence longer = old.saved(idleLonger.id());
    SavedPresence shorter = old.saved(recent.id());
    clock.advance(Duration.ofSeconds(5));

    // The new term logs the agents back in the other way round.
    ContactDistributor next = simple();
    next.resume(recent, shorter);
    next.resume(idleLonger, longer);
    next.enqueue(contact("c1"), Channel.VOICE, ORDERS, false);

    assertThat(next.route())
        .singleElement()
        .satisfies(o -> assertThat(o.agent()).isEqualTo(idleLonger.id()));
  }

  @Test
  void anAgentWhoChoseNotReadyDuringACallStaysNotReadyAfterTheFailover() {
    ContactDistributor old = simple();
    AgentProfile alice = agent("alice", Map.of("orders", 3));
    readyAgent(old, alice);
    old.enqueue(contact("c1"), Channel.VOICE, ORDERS, false);
    old.route();
    old.accept(alice.id(), contact("c1"));
    old.notReady(alice.id(), "lunch");
    Instant chose = clock.instant();
    assertThat(old.presence(alice.id())).isEqualTo(new Presence.OnContact(1));
    SavedPresence saved = old.saved(alice.id());
    clock.advance(Duration.ofSeconds(10));

    ContactDistributor next = simple();
    next.resume(alice, saved);
    next.enqueue(contact("c2"), Channel.VOICE, ORDERS, false);

    assertThat(next.presence(alice.id())).isEqualTo(new Presence.NotReady("lunch", chose));
    assertThat(next.route()).isEmpty();
    assertThat(old.saved(new AgentId("never-logged-in"))).isNull();
  }

  @Test
  void aCallWhoseAgentWasLostGoesBackAheadOfLaterCallersAndNotToThatAgent() {
    ContactDistributor d = simple();
    AgentProfile alice =
        agent("alice", Map.of("orders", 3), AgentProfile.capacity(1, 0), Duration.ofSeconds(30));
    readyAgent(d, alice);
    d.enqueue(contact("voice:first"), Channel.VOICE, ORDERS, false);
    d.route();
    tick();
    d.accept(alice.id(), contact("voice:first"));
    tick();
    d.enqueue(contact("voice:later"), Channel.VOICE, ORDERS, false);
    tick();

    assertThat(d.handBack(contact("voice:first")))
        .hasValueSatisfying(o -> assertThat(o.agent()).isEqualTo(alice.id()));

    assertThat(d.connected()).isEmpty();
    assertThat(d.waiting())
        .extracting(c -> c.id().value())
        .containsExactly("voice:first", "voice:later");
    assertThat(d.position(contact("voice:first"))).isEqualTo(1);
    // Not ready (no wrap-up: the call goes on with someone else), so not offered it again at once.
    assertThat(d.presence(alice.id()))
        .isInstanceOfSatisfying(
            Presence.NotReady.class,
            p -> assertThat(p.reason()).isEqualTo(ContactDistributor.CONNECTION_LOST));
    // The reason agents' pages recognize (ADR 0052).
    assertThat(ContactDistributor.CONNECTION_LOST)
        .isEqualTo(io.contactcenter.routing.ContactRouting.CONNECTION_LOST);
    assertThat(d.route()).isEmpty();
    // Her voice place is free again: once ready she may take the next call at once.
    AgentProfile bob = agent("bob", Map.of("orders", 3));
    readyAgent(d, bob);
    assertThat(d.route())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.agent()).isEqualTo(bob.id());
              assertThat(o.contact().id().value()).isEqualTo("voice:first");
            });
    d.ready(alice.id());
    assertThat(d.route())
        .singleElement()
        .satisfies(o -> assertThat(o.contact().id().value()).isEqualTo("voice:later"));
  }

  @Test
  void aCallHandedBackIsAnsweredOnceInItsQueueAtItsFirstAnswer() {
    ContactDistributor d = simple(); // threshold N = 20 s
    AgentProfile alice = agent("alice", Map.of("orders", 3));
    AgentProfile bob = agent("bob", Map.of("orders", 3));
    readyAgent(d, alice);
    d.enqueue(contact("voice:first"), Channel.VOICE, ORDERS, false);
    d.route();
    clock.advance(Duration.ofSeconds(10));
    d.accept(alice.id(), contact("voice:first")); // first answer after 10 s: within N
    clock.advance(Duration.ofSeconds(60));
    d.handBack(contact("voice:first")); // alice's page closed
    readyAgent(d, bob);
    d.route();
    clock.advance(Duration.ofSeconds(5));

    // Bob answers 75 s after the caller entered the queue: the same contact, answered once.
    assertThat(d.accept(bob.id(), contact("voice:first")))
        .isInstanceOf(AcceptDecision.Connected.class);

    assertThat(d.statistics(ORDERS))
        .isEqualTo(new QueueStatistics(ORDERS, Duration.ofSeconds(20), 1, 1, 0, 0));
    assertThat(d.statistics(ORDERS).serviceLevel()).hasValue(1.0);
    // Handed back again and answered a third time: still once.
    d.handBack(contact("voice:first"));
    d.ready(bob.id());
    d.route();
    d.accept(bob.id(), contact("voice:first"));
    assertThat(d.statistics(ORDERS).answered()).isEqualTo(1);
    // A contact new to the queue counts as before.
    d.complete(bob.id(), contact("voice:first"));
    d.enqueue(contact("voice:second"), Channel.VOICE, ORDERS, false);
    d.ready(alice.id());
    Offer next = d.route().get(0);
    d.accept(next.agent(), contact("voice:second"));
    assertThat(d.statistics(ORDERS).answered()).isEqualTo(2);
  }

  @Test
  void aCallerWhoLeavesAfterAHandBackWasAnsweredNotAbandoned() {
    ContactDistributor d = simple();
    AgentProfile alice = agent("alice", Map.of("orders", 3));
    readyAgent(d, alice);
    d.enqueue(contact("voice:waits"), Channel.VOICE, ORDERS, false);
    d.enqueue(contact("voice:rings"), Channel.VOICE, ORDERS, false);
    d.route();
    d.accept(alice.id(), contact("voice:waits"));
    d.handBack(contact("voice:waits"));
    d.abandon(contact("voice:waits")); // hangs up while waiting again
    d.ready(alice.id());
    d.route();
    d.accept(alice.id(), contact("voice:rings"));
    d.handBack(contact("voice:rings"));
    d.ready(alice.id());
    assertThat(d.route()).hasSize(1);
    assertThat(d.abandon(contact("voice:rings"))).isPresent(); // hangs up while ringing again

    QueueStatistics stats = d.statistics(ORDERS);
    assertThat(stats.answered()).isEqualTo(2);
    assertThat(stats.abandoned()).isZero();
  }

  @Test
  void onlyACallAnAgentHoldsIsHandedBack() {
    ContactDistributor d = simple();
    AgentProfile alice = agent("alice", Map.of("orders", 3));
    readyAgent(d, alice);
    d.enqueue(contact("voice:ringing"), Channel.VOICE, ORDERS, false);
    d.route();

    assertThat(d.handBack(contact("voice:ringing"))).isEmpty();
    assertThat(d.handBack(contact("voice:unknown"))).isEmpty();
    assertThat(d.offers()).hasSize(1);
    assertThat(d.presence(alice.id())).isNotInstanceOf(Presence.NotReady.class);

    d.accept(alice.id(), contact("voice:ringing"));
    assertThat(d.handBack(contact("voice:ringing"))).isPresent();
    // Twice (a second report of the same loss): nothing more happens.
    assertThat(d.handBack(contact("voice:ringing"))).isEmpty();
    assertThat(d.waiting()).hasSize(1);
  }

  @Test
  void rejectingPutsTheContactBackAndTheAgentNotReady() {
    ContactDistributor d = simple();
    AgentProfile alice = agent("alice", Map.of("orders", 3));
    readyAgent(d, alice);
    d.enqueue(contact("c1"), Channel.VOICE, ORDERS, false);
    d.route();

    assertThat(d.reject(alice.id(), contact("c1"))).isPresent();

    assertThat(d.presence(alice.id()))
        .isInstanceOfSatisfying(
            Presence.NotReady.class,
            p -> assertThat(p.reason()).isEqualTo(ContactDistributor.REJECTED));
    assertThat(d.waiting()).extracting(c -> c.id().value()).containsExactly("c1");
    assertThat(d.route()).isEmpty();
  }

  @Test
  void serviceLevelCountsAnsweredWithinTheThresholdAndSl2AlsoQuickAbandons() {
    ContactDistributor d = simple(); // threshold N = 20 s
    AgentProfile alice = agent("alice", Map.of("orders", 3));
    d.logIn(alice);
    for (String id : List.of("a", "b", "c", "d", "e")) {
      d.enqueue(contact(id), Channel.VOICE, ORDERS, false);
    }
    clock.advance(Duration.ofSeconds(5));
    d.abandon(contact("c")); // abandoned within N
    clock.advance(Duration.ofSeconds(5));
    d.ready(alice.id());
    d.route();
    d.accept(alice.id(), contact("a")); // answered after 10 s: within N
    clock.advance(Duration.ofSeconds(5));
    d.abandon(contact("e")); // abandoned after 15 s: within N
    clock.advance(Duration.ofSeconds(25));
    d.complete(alice.id(), contact("a"));
    d.route();
    d.accept(alice.id(), contact("b")); // answered after 40 s: late
    clock.advance(Duration.ofSeconds(20));
    d.abandon(contact("d")); // abandoned after 60 s: late

    QueueStatistics stats = d.statistics(ORDERS);

    assertThat(stats).isEqualTo(new QueueStatistics(ORDERS, Duration.ofSeconds(20), 2, 1, 3, 2));
    assertThat(stats.serviceLevel()).hasValue(0.5); // 1 / 2
    assertThat(stats.serviceLevel2()).hasValue(0.6); // (1 + 2) / (2 + 3)
    assertThat(d.statistics(BILLING).serviceLevel()).isEmpty();
  }

  @Test
  void presenceFollowsLogInReadyAndLogOutAndLoggingOutReturnsRingingContacts() {
    ContactDistributor d = simple();
    AgentProfile alice = agent("alice", Map.of("orders", 3));
    d.logIn(alice);
    assertThat(d.presence(alice.id()))
        .isEqualTo(new Presence.NotReady("logged in", clock.instant()));
    d.enqueue(contact("c1"), Channel.VOICE, ORDERS, false);
    assertThat(d.route()).isEmpty();
    d.ready(alice.id());
    assertThat(d.presence(alice.id())).isEqualTo(new Presence.Ready(clock.instant()));
    assertThat(d.route()).hasSize(1);

    List<Offer> withdrawn = d.logOut(alice.id());

    assertThat(withdrawn).extracting(o -> o.contact().id().value()).containsExactly("c1");
    assertThat(d.presence(alice.id())).isEqualTo(new Presence.Offline());
    assertThat(d.waiting()).extracting(c -> c.id().value()).containsExactly("c1");
    assertThatThrownBy(() -> d.ready(alice.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("agent alice is logged out");
    assertThat(d.route()).isEmpty();
  }

  @Test
  void badDefinitionsAreRejectedWithTheProblemNamed() {
    assertThatThrownBy(() -> Skills.of(Map.of("orders", 6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orders")
        .hasMessageContaining("1 to 5");
    assertThatThrownBy(
            () ->
                distributor(
                    new QueueDefinition(
                        ORDERS,
                        "orders",
                        0,
                        QueueStrategy.LONGEST_IDLE,
                        List.of(
                            RoutingStep.at(Duration.ZERO, 3),
                            RoutingStep.overflow(Duration.ofSeconds(60), 1, GENERAL)),
                        Duration.ofSeconds(20))))
        .hasMessageContaining("unknown queue general");
    assertThatThrownBy(() -> agent("a", Map.of(), Map.of(Channel.VOICE, 2), Duration.ZERO))
        .hasMessageContaining("one call at a time");
    ContactDistributor d = simple();
    assertThatThrownBy(() -> d.enqueue(contact("c"), Channel.VOICE, new QueueId("nope"), false))
        .hasMessageContaining("unknown queue nope");
    d.enqueue(contact("c"), Channel.VOICE, ORDERS, false);
    assertThatThrownBy(() -> d.enqueue(contact("c"), Channel.VOICE, ORDERS, false))
        .hasMessageContaining("already in routing");
    assertThatThrownBy(() -> d.ready(new AgentId("ghost"))).hasMessageContaining("ghost");
  }
}

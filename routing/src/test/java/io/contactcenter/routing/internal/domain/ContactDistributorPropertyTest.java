package io.contactcenter.routing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * 200 contacts and 20 agents under random arrivals, abandons, callbacks, rejections, ring timeouts
 * and wrap-ups, on a fake clock. After every event the distributor must agree with a simple model:
 * no contact offered to two agents at once, none lost, abandoned ones never offered, capacity never
 * exceeded, and no contact offered while an earlier one (VIP first) waits that its agent could have
 * taken.
 */
class ContactDistributorPropertyTest {

  private static final int CONTACTS = 200;
  private static final int AGENTS = 20;
  private static final Duration RING = Duration.ofSeconds(15);
  private static final QueueId ORDERS = new QueueId("orders");
  private static final QueueId BILLING = new QueueId("billing");
  private static final QueueId VIP_CARE = new QueueId("vip-care");
  private static final List<QueueId> QUEUE_IDS = List.of(ORDERS, BILLING, VIP_CARE);
  private static final Comparator<Contact> GLOBAL_ORDER =
      Comparator.comparingInt(Contact::priority)
          .reversed()
          .thenComparing(Contact::enqueuedAt)
          .thenComparingLong(Contact::sequence);

  private final List<QueueDefinition> queues =
      List.of(
          QueueDefinition.simple(ORDERS, "orders", QueueStrategy.LONGEST_IDLE),
          QueueDefinition.simple(BILLING, "billing", QueueStrategy.FEWEST_CONTACTS_TODAY),
          new QueueDefinition(
              VIP_CARE,
              "vip-care",
              5,
              QueueStrategy.SKILL_LEVEL_FIRST,
              List.of(
                  RoutingStep.at(Duration.ZERO, 4),
                  RoutingStep.at(Duration.ofSeconds(30), 2),
                  RoutingStep.overflow(Duration.ofSeconds(60), 2, ORDERS)),
              Duration.ofSeconds(20)));

  /** What the test knows independently of the distributor. */
  private final class Model {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    final ContactDistributor distributor =
        new ContactDistributor(clock, PriorityPolicy.defaults(), RING, queues);
    final Map<AgentId, AgentProfile> agents = new LinkedHashMap<>();
    final List<ContactId> all = new ArrayList<>();
    final Map<ContactId, Channel> channels = new HashMap<>();
    final Map<ContactId, AgentId> offered = new HashMap<>();
    final Map<ContactId, AgentId> connected = new HashMap<>();
    final Set<ContactId> completed = new HashSet<>();
    final Set<ContactId> abandoned = new HashSet<>();
  }

  @Property(tries = 15)
  void contactsAreOfferedOnceInOrderWithinCapacityAndNoneIsLost(@ForAll Random random) {
    Model m = new Model();
    for (int i = 0; i < AGENTS; i++) {
      AgentProfile profile = randomAgent(i, random);
      m.agents.put(profile.id(), profile);
      m.distributor.logIn(profile);
      m.distributor.ready(profile.id());
    }

    for (int step = 0; step < 5_000 && (m.all.size() < CONTACTS || busy(m)); step++) {
      randomEvent(m, random);
      settle(m);
    }
    // Drain: everyone back to ready and answering, until every contact has ended.
    for (int step = 0; step < 2_000 && busy(m); step++) {
      m.clock.advance(Duration.ofSeconds(5));
      m.agents.keySet().forEach(m.distributor::ready);
      settle(m);
      for (Map.Entry<ContactId, AgentId> offer : new ArrayList<>(m.offered.entrySet())) {
        accept(m, offer.getValue(), offer.getKey());
      }
      for (Map.Entry<ContactId, AgentId> open : new ArrayList<>(m.connected.entrySet())) {
        complete(m, open.getValue(), open.getKey());
      }
      settle(m);
    }

    assertThat(m.all).hasSize(CONTACTS);
    assertThat(m.completed.size() + m.abandoned.size()).isEqualTo(CONTACTS);
  }

  private static boolean busy(Model m) {
    return !m.distributor.waiting().isEmpty() || !m.offered.isEmpty() || !m.connected.isEmpty();
  }

  private AgentProfile randomAgent(int i, Random random) {
    Map<String, Integer> skills = new HashMap<>();
    if (i == 0) {
      // Someone serves every queue at the top level, so every contact can end.
      skills.put("orders", 5);
      skills.put("billing", 5);
      skills.put("vip-care", 5);
    } else {
      for (String skill : List.of("orders", "billing", "vip-care")) {
        if (random.nextInt(3) > 0) {
          skills.put(skill, 1 + random.nextInt(5));
        }
      }
    }
    Map<Channel, Integer> capacity =
        i == 0 ? AgentProfile.capacity(3, 3) : new EnumMap<>(Channel.class);
    if (i != 0) {
      capacity.put(Channel.VOICE, random.nextInt(2));
      capacity.put(Channel.CHAT, random.nextInt(4));
      capacity.put(Channel.TICKET, random.nextInt(4));
    }
    return new AgentProfile(
        new AgentId("agent" + i),
        Skills.of(skills),
        capacity,
        Duration.ofSeconds(random.nextInt(4) * 10L));
  }

  private void randomEvent(Model m, Random random) {
    int roll = random.nextInt(100);
    ContactDistributor d = m.distributor;
    if (roll < 25 && m.all.size() < CONTACTS) {
      ContactId id = new ContactId("c" + m.all.size());
      Channel channel = pick(List.of(Channel.values()), random);
      QueueId queue = QUEUE_IDS.get(random.nextInt(QUEUE_IDS.size()));
      d.enqueue(id, channel, queue, random.nextInt(10) == 0);
      m.all.add(id);
      m.channels.put(id, channel);
    } else if (roll < 45) {
      m.clock.advance(Duration.ofSeconds(1 + random.nextInt(10)));
    } else if (roll < 65 && !m.offered.isEmpty()) {
      Map.Entry<ContactId, AgentId> offer = pick(new ArrayList<>(m.offered.entrySet()), random);
      if (random.nextInt(10) == 0) {
        d.reject(offer.getValue(), offer.getKey())
            .ifPresent(o -> assertThat(m.offered.remove(o.contact().id())).isEqualTo(o.agent()));
      } else {
        accept(m, offer.getValue(), offer.getKey());
      }
    } else if (roll < 75 && !m.connected.isEmpty()) {
      Map.Entry<ContactId, AgentId> open = pick(new ArrayList<>(m.connected.entrySet()), random);
      complete(m, open.getValue(), open.getKey());
    } else if (roll < 83 && !m.all.isEmpty()) {
      abandon(m, pick(m.all, random));
    } else if (roll < 86 && !d.waiting().isEmpty()) {
      Contact contact = pick(d.waiting(), random);
      assertThat(d.takeCallback(contact.id())).isTrue();
    } else if (roll < 90) {
      AgentId agent = pick(new ArrayList<>(m.agents.keySet()), random);
      d.notReady(agent, "break");
    } else if (roll < 98) {
      AgentId agent = pick(new ArrayList<>(m.agents.keySet()), random);
      d.ready(agent);
      d.endWrapUp(agent);
    } else {
      AgentId agent = pick(new ArrayList<>(m.agents.keySet()), random);
      for (Offer withdrawn : d.logOut(agent)) {
        assertThat(m.offered.remove(withdrawn.contact().id())).isEqualTo(agent);
      }
      d.logIn(m.agents.get(agent));
    }
  }

  private void accept(Model m, AgentId agent, ContactId contact) {
    switch (m.distributor.accept(agent, contact)) {
      case AcceptDecision.Connected connected -> {
        assertThat(m.offered.remove(contact)).isEqualTo(agent);
        assertThat(connected.offer().agent()).isEqualTo(agent);
        m.connected.put(contact, agent);
      }
      // The offer rang out at this instant: the contact is back in the waiting order.
      case AcceptDecision.NotOffered notOffered -> m.offered.remove(contact);
    }
  }

  private void complete(Model m, AgentId agent, ContactId contact) {
    assertThat(m.distributor.complete(agent, contact)).isTrue();
    m.connected.remove(contact);
    m.completed.add(contact);
  }

  private void abandon(Model m, ContactId id) {
    boolean waitingNormal =
        m.distributor.waiting().stream().anyMatch(c -> c.id().equals(id) && !c.callback());
    boolean offeredNormal =
        m.distributor.offers().stream()
            .anyMatch(o -> o.contact().id().equals(id) && !o.contact().callback());
    m.distributor.abandon(id).ifPresent(o -> assertThat(m.offered.remove(id)).isNotNull());
    if (waitingNormal || offeredNormal) {
      m.abandoned.add(id);
    }
  }

  /** What the adapter does after every event: end rung-out offers, route, then check. */
  private void settle(Model m) {
    ContactDistributor d = m.distributor;
    for (Offer expired : d.expireOffers()) {
      assertThat(m.offered.remove(expired.contact().id())).isEqualTo(expired.agent());
    }
    List<Offer> made = d.route();
    Set<ContactId> madeNow = new HashSet<>();
    for (Offer offer : made) {
      ContactId id = offer.contact().id();
      assertThat(madeNow.add(id)).as("offered twice in one pass: %s", id).isTrue();
      assertThat(m.offered).as("offered while already ringing: %s", id).doesNotContainKey(id);
      assertThat(m.connected).doesNotContainKey(id);
      assertThat(m.completed).doesNotContain(id);
      assertThat(m.abandoned).as("abandoned contact offered: %s", id).doesNotContain(id);
      m.offered.put(id, offer.agent());
    }
    List<Contact> waiting = d.waiting();
    checkOrder(m, made, waiting);
    checkNoneLost(m, waiting);
    checkCapacity(m);
  }

  /**
   * A contact went to an agent only if no contact ahead of it in the global order, on the same
   * channel, was one that agent could take at that moment. This covers "a VIP before an older
   * normal caller" and "the oldest across every queue the agent serves".
   */
  private void checkOrder(Model m, List<Offer> made, List<Contact> waiting) {
    Instant now = m.clock.instant();
    assertThat(waiting).isSortedAccordingTo(GLOBAL_ORDER);
    for (Offer offer : made) {
      AgentProfile agent = m.agents.get(offer.agent());
      for (Contact ahead : waiting) {
        if (GLOBAL_ORDER.compare(ahead, offer.contact()) >= 0) {
          break;
        }
        if (ahead.channel() == offer.contact().channel()) {
          assertThat(serves(agent, ahead, now))
              .as("%s got %s while %s waited ahead of it", agent.id(), offer.contact(), ahead)
              .isFalse();
        }
      }
    }
  }

  private boolean serves(AgentProfile agent, Contact contact, Instant now) {
    QueueDefinition queue =
        queues.stream().filter(q -> q.id().equals(contact.queue())).findFirst().orElseThrow();
    RoutingStep step = queue.stepAfter(Duration.between(contact.enqueuedAt(), now));
    if (agent.skills().level(queue.skill()).orElse(0) >= step.minimumLevel()) {
      return true;
    }
    return step.overflow()
        .map(
            overflow ->
                queues.stream()
                    .filter(q -> q.id().equals(overflow))
                    .anyMatch(q -> agent.skills().level(q.skill()).isPresent()))
        .orElse(false);
  }

  private void checkNoneLost(Model m, List<Contact> waiting) {
    Set<ContactId> seen = new HashSet<>();
    for (Contact contact : waiting) {
      assertThat(seen.add(contact.id())).isTrue();
    }
    Map<ContactId, AgentId> offers = new HashMap<>();
    for (Offer offer : m.distributor.offers()) {
      assertThat(offers.put(offer.contact().id(), offer.agent())).isNull();
    }
    assertThat(offers).isEqualTo(m.offered);
    for (Set<ContactId> part :
        List.of(offers.keySet(), m.connected.keySet(), m.completed, m.abandoned)) {
      for (ContactId id : part) {
        assertThat(seen.add(id)).as("%s is in two states at once", id).isTrue();
      }
    }
    assertThat(seen).as("every contact is somewhere").containsExactlyInAnyOrderElementsOf(m.all);
  }

  private void checkCapacity(Model m) {
    for (AgentProfile agent : m.agents.values()) {
      for (Channel channel : Channel.values()) {
        long held =
            m.offered.entrySet().stream()
                    .filter(e -> e.getValue().equals(agent.id()))
                    .filter(e -> m.channels.get(e.getKey()) == channel)
                    .count()
                + m.connected.entrySet().stream()
                    .filter(e -> e.getValue().equals(agent.id()))
                    .filter(e -> m.channels.get(e.getKey()) == channel)
                    .count();
        assertThat(m.distributor.load(agent.id(), channel)).isEqualTo((int) held);
        assertThat(held)
            .as("%s holds %d %s contacts", agent.id(), held, channel)
            .isLessThanOrEqualTo(agent.capacity(channel));
      }
    }
  }

  private static <T> T pick(List<T> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }
}

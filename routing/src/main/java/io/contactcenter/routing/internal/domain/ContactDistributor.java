package io.contactcenter.routing.internal.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The ACD's decisions: which waiting contact goes to which agent, in one global order.
 *
 * <p>Every waiting call, chat and ticket sits in one order: higher {@link PriorityPolicy priority}
 * first, then earlier original enqueue time (then arrival sequence). {@link #route()} walks that
 * order and gives each contact to the best agent able to take it now (skill at the level the
 * queue's current {@link RoutingStep} asks for, or the step's overflow queue; ready; room in the
 * contact's channel), chosen by the queue's {@link QueueStrategy}. An {@link Offer} reserves the
 * contact for one agent; a ring timeout ({@link #expireOffers()}) sets the agent not ready and puts
 * the contact back at its original place. An abandoned contact is removed and never offered.
 *
 * <p>Thread safety: every method holds this object's lock, so reserving a contact is atomic within
 * one process (sharing it across instances is the Redis adapter's job). Time is read only from the
 * injected clock; the caller drives {@link #expireOffers()} and {@link #route()} after each event
 * and on a timer (routing steps widen and wrap-ups end as time passes).
 */
public final class ContactDistributor {

  /** The not-ready reason after an offer rang out. */
  public static final String RING_TIMEOUT = "ring timeout";

  /** The not-ready reason after the agent rejected an offer. */
  public static final String REJECTED = "rejected an offer";

  private final Clock clock;
  private final PriorityPolicy priorities;
  private final Duration ringTimeout;
  private final Map<QueueId, QueueDefinition> queues = new HashMap<>();
  private final Map<QueueId, QueueStatistics> statistics = new HashMap<>();
  private final Map<AgentId, Agent> agents = new LinkedHashMap<>();
  private final WaitingContacts waiting = new WaitingContacts();
  private final Map<ContactId, Offer> offers = new LinkedHashMap<>();
  private final Map<ContactId, Offer> connected = new HashMap<>();
  private long sequence;

  public ContactDistributor(
      Clock clock,
      PriorityPolicy priorities,
      Duration ringTimeout,
      Collection<QueueDefinition> queueDefinitions) {
    if (!ringTimeout.isPositive()) {
      throw new IllegalArgumentException("the ring timeout must be positive, not " + ringTimeout);
    }
    this.clock = clock;
    this.priorities = priorities;
    this.ringTimeout = ringTimeout;
    for (QueueDefinition queue : queueDefinitions) {
      if (queues.put(queue.id(), queue) != null) {
        throw new IllegalArgumentException("queue " + queue.id() + " is defined twice");
      }
      statistics.put(queue.id(), QueueStatistics.empty(queue.id(), queue.serviceLevelThreshold()));
    }
    for (QueueDefinition queue : queueDefinitions) {
      for (RoutingStep step : queue.steps()) {
        step.overflow()
            .filter(overflow -> !queues.containsKey(overflow))
            .ifPresent(
                overflow -> {
                  throw new IllegalArgumentException(
                      "queue " + queue.id() + " overflows to unknown queue " + overflow);
                });
      }
    }
  }

  // ---- agents ----

  /**
   * The agent logs in, not ready ("logged in"). Logging in again while logged in changes nothing;
   * after a log-out the agent keeps the profile, open contacts and today's count of the first one.
   */
  public synchronized void logIn(AgentProfile profile) {
    Instant now = clock.instant();
    Agent agent = agents.computeIfAbsent(profile.id(), id -> new Agent(profile, now));
    if (agent.isOffline()) {
      agent.notReady("logged in", now);
    }
  }

  /** Logs the agent out; offers the agent held go back to their places and are returned. */
  public synchronized List<Offer> logOut(AgentId id) {
    Agent agent = agent(id);
    List<Offer> withdrawn = withdrawOffersOf(id);
    agent.logOut(clock.instant());
    return withdrawn;
  }

  /**
   * Offers may come again; a ready agent's idle time starts now.
   *
   * @throws IllegalStateException when the agent is logged out (log in first)
   */
  public synchronized void ready(AgentId id) {
    loggedIn(id).ready(clock.instant());
  }

  /**
   * No new offers; offers already ringing keep ringing (the agent may still take them).
   *
   * @throws IllegalStateException when the agent is logged out (log in first)
   */
  public synchronized void notReady(AgentId id, String reason) {
    loggedIn(id).notReady(reason, clock.instant());
  }

  /** Ends the agent's wrap-up before its timer. */
  public synchronized void endWrapUp(AgentId id) {
    agent(id).endWrapUp(clock.instant());
  }

  public synchronized Presence presence(AgentId id) {
    return agent(id).presence(clock.instant());
  }

  /** How many offers and open contacts the agent holds on a channel. */
  public synchronized int load(AgentId id, Channel channel) {
    return agent(id).used(channel);
  }

  // ---- contacts ----

  /**
   * Queues a contact now. Its priority and enqueue time fix its place for good.
   *
   * @throws IllegalArgumentException for an unknown queue or a contact id already in routing
   */
  public synchronized Contact enqueue(ContactId id, Channel channel, QueueId queue, boolean vip) {
    QueueDefinition definition = queues.get(queue);
    if (definition == null) {
      throw new IllegalArgumentException("unknown queue " + queue + " for contact " + id);
    }
    if (waiting.contains(id) || offers.containsKey(id) || connected.containsKey(id)) {
      throw new IllegalArgumentException("contact " + id + " is already in routing");
    }
    Contact contact =
        new Contact(
            id,
            channel,
            queue,
            vip,
            priorities.priority(vip, channel, definition),
            clock.instant(),
            sequence++,
            false);
    waiting.add(contact);
    return contact;
  }

  /**
   * The waiting caller takes the callback offer and hangs up: the contact keeps its place and is no
   * longer abandonable; when it is offered, the adapter dials the customer for the agent.
   *
   * @return false when the contact is not waiting (already offered, connected or gone)
   */
  public synchronized boolean takeCallback(ContactId id) {
    Contact contact = waiting.get(id);
    if (contact == null) {
      return false;
    }
    waiting.remove(contact);
    waiting.add(contact.asCallback());
    return true;
  }

  /**
   * The customer left while waiting (hung up, closed the chat): counted abandoned in its queue and
   * never offered. A callback is not abandoned by the caller's hang-up, so it is ignored here.
   *
   * @return the offer withdrawn if the contact was ringing an agent (stop the ringing)
   */
  public synchronized Optional<Offer> abandon(ContactId id) {
    Instant now = clock.instant();
    Contact contact = waiting.get(id);
    if (contact != null) {
      if (contact.callback()) {
        return Optional.empty();
      }
      waiting.remove(contact);
      countAbandoned(contact, now);
      return Optional.empty();
    }
    Offer offer = offers.get(id);
    if (offer == null || offer.contact().callback()) {
      return Optional.empty();
    }
    offers.remove(id);
    agents.get(offer.agent()).release(offer.contact().channel());
    countAbandoned(offer.contact(), now);
    return Optional.of(offer);
  }

  /** Waiting contacts in the global order (positions for announcements, the wallboard). */
  public synchronized List<Contact> waiting() {
    return waiting.inOrder();
  }

  // ---- offers ----

  /**
   * Gives waiting contacts to able agents, best contact first, and returns the offers made. The
   * contacts offered leave the waiting order; each reserves a place in its agent's capacity.
   */
  public synchronized List<Offer> route() {
    if (waiting.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    List<Agent> free = new ArrayList<>();
    for (Agent agent : agents.values()) {
      if (agent.takesOffers(now)) {
        free.add(agent);
      }
    }
    if (free.isEmpty()) {
      return List.of();
    }
    // Walk the queues some free agent may serve, merged into the global order. A contact enqueued
    // after its queue's cutoff has not waited long enough for any free agent's level, so it is
    // skipped without evaluating its routing step.
    PriorityQueue<Cursor> merge =
        new PriorityQueue<>(Comparator.comparing(Cursor::current, WaitingContacts.GLOBAL_ORDER));
    for (QueueDefinition queue : queues.values()) {
      Optional<Instant> cutoff = cutoff(queue, free, now);
      if (cutoff.isPresent()) {
        Iterator<Contact> contacts = waiting.of(queue.id()).iterator();
        if (contacts.hasNext()) {
          merge.add(new Cursor(queue, cutoff.get(), contacts, contacts.next()));
        }
      }
    }
    List<Offer> made = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    while (!free.isEmpty() && !merge.isEmpty()) {
      Cursor cursor = merge.poll();
      Contact contact = cursor.current;
      Agent best =
          contact.enqueuedAt().isAfter(cursor.cutoff)
              ? null
              : bestAgent(cursor.queue, contact, free, now, today);
      if (best != null) {
        cursor.contacts.remove(); // the queue's own order, through its iterator
        waiting.removeFromGlobalOrder(contact);
      }
      if (cursor.contacts.hasNext()) {
        merge.add(new Cursor(cursor.queue, cursor.cutoff, cursor.contacts, cursor.contacts.next()));
      }
      if (best == null) {
        continue;
      }
      best.reserve(contact.channel());
      Offer offer = new Offer(contact, best.profile.id(), now, now.plus(ringTimeout));
      offers.put(contact.id(), offer);
      made.add(offer);
      if (!best.takesOffers(now)) {
        free.remove(best);
      }
    }
    return made;
  }

  /** Where a routing pass stands in one queue's waiting contacts. */
  private record Cursor(
      QueueDefinition queue, Instant cutoff, Iterator<Contact> contacts, Contact current) {}

  /**
   * The latest enqueue time at which some free agent may take a contact of this queue (the queue's
   * earliest step that agent's skills meet); empty when no free agent ever may.
   */
  private Optional<Instant> cutoff(QueueDefinition queue, List<Agent> free, Instant now) {
    Duration shortest = null;
    for (Agent agent : free) {
      for (RoutingStep step : queue.steps()) {
        if (shortest != null && step.after().compareTo(shortest) >= 0) {
          break;
        }
        if (serves(agent, queue, step)) {
          shortest = step.after();
          break;
        }
      }
      if (shortest != null && shortest.isZero()) {
        break;
      }
    }
    return Optional.ofNullable(shortest).map(now::minus);
  }

  private Agent bestAgent(
      QueueDefinition queue, Contact contact, List<Agent> free, Instant now, LocalDate today) {
    RoutingStep step = queue.stepAfter(Duration.between(contact.enqueuedAt(), now));
    Agent best = null;
    for (Agent agent : free) {
      if (agent.hasRoom(contact.channel())
          && serves(agent, queue, step)
          && (best == null || better(queue, agent, best, today))) {
        best = agent;
      }
    }
    return best;
  }

  /**
   * Ends offers whose ring timeout has passed: each agent is set not ready ({@link #RING_TIMEOUT})
   * and each contact goes back to its original place.
   *
   * @return the expired offers (stop the ringing)
   */
  public synchronized List<Offer> expireOffers() {
    Instant now = clock.instant();
    List<Offer> expired = new ArrayList<>();
    for (Offer offer : offers.values()) {
      if (!now.isBefore(offer.expiresAt())) {
        expired.add(offer);
      }
    }
    for (Offer offer : expired) {
      putBack(offer);
      agents.get(offer.agent()).notReady(RING_TIMEOUT, now);
    }
    return expired;
  }

  /** The agent takes the offered contact; from here it counts as answered in its queue. */
  public synchronized AcceptDecision accept(AgentId agentId, ContactId contactId) {
    Instant now = clock.instant();
    Offer offer = offers.get(contactId);
    if (offer == null || !offer.agent().equals(agentId)) {
      return new AcceptDecision.NotOffered(
          "contact " + contactId + " is not offered to agent " + agentId);
    }
    if (!now.isBefore(offer.expiresAt())) {
      putBack(offer);
      agents.get(agentId).notReady(RING_TIMEOUT, now);
      return new AcceptDecision.NotOffered(
          "the offer of contact " + contactId + " to agent " + agentId + " rang out");
    }
    offers.remove(contactId);
    connected.put(contactId, offer);
    agents.get(agentId).connected(LocalDate.ofInstant(now, clock.getZone()));
    Duration waited = Duration.between(offer.contact().enqueuedAt(), now);
    statistics.computeIfPresent(offer.contact().queue(), (q, s) -> s.withAnswered(waited));
    return new AcceptDecision.Connected(offer, waited);
  }

  /**
   * The agent declines: the contact goes back to its original place and the agent is set not ready
   * ({@link #REJECTED}), so the contact does not come straight back to them.
   */
  public synchronized Optional<Offer> reject(AgentId agentId, ContactId contactId) {
    Offer offer = offers.get(contactId);
    if (offer == null || !offer.agent().equals(agentId)) {
      return Optional.empty();
    }
    putBack(offer);
    agents.get(agentId).notReady(REJECTED, clock.instant());
    return Optional.of(offer);
  }

  /**
   * The agent's contact ended (hang-up, chat closed, ticket solved); the agent's wrap-up starts if
   * it was their last open contact.
   *
   * @return false when the agent holds no such contact
   */
  public synchronized boolean complete(AgentId agentId, ContactId contactId) {
    Offer offer = connected.get(contactId);
    if (offer == null || !offer.agent().equals(agentId)) {
      return false;
    }
    connected.remove(contactId);
    agents.get(agentId).ended(offer.contact().channel(), clock.instant());
    return true;
  }

  public synchronized List<Offer> offers() {
    return List.copyOf(offers.values());
  }

  public synchronized QueueStatistics statistics(QueueId queue) {
    QueueStatistics s = statistics.get(queue);
    if (s == null) {
      throw new IllegalArgumentException("unknown queue " + queue);
    }
    return s;
  }

  // ---- internals ----

  private Agent agent(AgentId id) {
    Agent agent = agents.get(id);
    if (agent == null) {
      throw new IllegalArgumentException("agent " + id + " is not logged in");
    }
    return agent;
  }

  private Agent loggedIn(AgentId id) {
    Agent agent = agent(id);
    if (agent.isOffline()) {
      throw new IllegalStateException("agent " + id + " is logged out; log in first");
    }
    return agent;
  }

  /** The agent has the queue's skill at the step's level, or any level of the overflow's skill. */
  private boolean serves(Agent agent, QueueDefinition queue, RoutingStep step) {
    Skills skills = agent.profile.skills();
    if (skills.level(queue.skill()).orElse(0) >= step.minimumLevel()) {
      return true;
    }
    return step.overflow()
        .map(overflow -> skills.level(queues.get(overflow).skill()).isPresent())
        .orElse(false);
  }

  private static boolean better(QueueDefinition queue, Agent a, Agent b, LocalDate today) {
    int byStrategy =
        switch (queue.strategy()) {
          case LONGEST_IDLE -> 0;
          case FEWEST_CONTACTS_TODAY ->
              Integer.compare(a.contactsToday(today), b.contactsToday(today));
          case SKILL_LEVEL_FIRST ->
              Integer.compare(
                  b.profile.skills().level(queue.skill()).orElse(0),
                  a.profile.skills().level(queue.skill()).orElse(0));
        };
    if (byStrategy != 0) {
      return byStrategy < 0;
    }
    return a.idleSince().isBefore(b.idleSince());
  }

  private void putBack(Offer offer) {
    offers.remove(offer.contact().id());
    agents.get(offer.agent()).release(offer.contact().channel());
    waiting.add(offer.contact());
  }

  private List<Offer> withdrawOffersOf(AgentId id) {
    List<Offer> held = offers.values().stream().filter(o -> o.agent().equals(id)).toList();
    held.forEach(this::putBack);
    return held;
  }

  private void countAbandoned(Contact contact, Instant now) {
    Duration waited = Duration.between(contact.enqueuedAt(), now);
    statistics.computeIfPresent(contact.queue(), (q, s) -> s.withAbandoned(waited));
  }
}

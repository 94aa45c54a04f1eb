package io.contactcenter.routing.internal.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ACD's decisions: which waiting contact goes to which agent, in one global order.
 *
 * <p>Every waiting call, chat and ticket sits in one order: higher {@link PriorityPolicy priority}
 * first, then earlier original enqueue time (then arrival sequence). {@link #route()} walks that
 * order and gives each contact to the best agent able to take it now (skill at the level the
 * queue's current {@link RoutingStep} asks for, or the step's overflow queue; ready; room in the
 * contact's channel), chosen by the queue's {@link QueueStrategy} ({@link AgentMatcher}); the
 * queues and their statistics are kept in a {@link QueueBook}. An {@link Offer} reserves the
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

  /** The not-ready reason after the agent's side of an answered call was lost (ADR 0052). */
  public static final String CONNECTION_LOST = "connection lost";

  private final Clock clock;
  private final PriorityPolicy priorities;
  private final QueueBook queues;
  private final AgentMatcher matcher;
  private final Duration ringTimeout;
  private final AgentRoster agents = new AgentRoster();
  private final WaitingContacts waiting = new WaitingContacts();
  private final Map<ContactId, Offer> offers = new LinkedHashMap<>();
  private final Map<ContactId, Offer> connected = new HashMap<>();
  private final Map<ContactId, Consult> consults = new HashMap<>();
  // Handed back after an agent answered them (ADR 0052): already counted answered in their queue,
  // so neither the next answer nor an abandon counts them again (ADR 0054).
  private final Set<ContactId> answeredBefore = new HashSet<>();
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
    this.queues = new QueueBook(queueDefinitions);
    this.matcher = new AgentMatcher(queues, ringTimeout);
    this.ringTimeout = ringTimeout;
  }

  /**
   * Adds a queue or replaces its definition (its contacts keep their places and priorities).
   *
   * @throws IllegalArgumentException when a routing step overflows to an unknown queue
   */
  public synchronized void define(QueueDefinition queue) {
    queues.define(queue);
  }

  // ---- agents ----

  /**
   * The agent logs in, not ready ("logged in"). Logging in again while logged in changes nothing;
   * after a log-out the agent keeps the profile, open contacts and today's count of the first one.
   */
  public synchronized void logIn(AgentProfile profile) {
    agents.logIn(profile, clock.instant());
  }

  /** Logs the agent out; offers the agent held go back to their places and are returned. */
  public synchronized List<Offer> logOut(AgentId id) {
    Agent agent = agents.agent(id);
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
    agents.loggedIn(id).ready(clock.instant());
  }

  /**
   * No new offers; offers already ringing keep ringing (the agent may still take them).
   *
   * @throws IllegalStateException when the agent is logged out (log in first)
   */
  public synchronized void notReady(AgentId id, String reason) {
    agents.loggedIn(id).notReady(reason, clock.instant());
  }

  /**
   * What a new routing term needs to resume the agent as they are now, or {@code null} for an agent
   * logged out or never logged in.
   */
  public synchronized SavedPresence saved(AgentId id) {
    Agent agent = agents.holder(id);
    return agent == null ? null : agent.saved();
  }

  /**
   * Logs the agent in as the last routing term left them (ADR 0053 addendum): ready or not ready
   * since the same time, idle since the same time, and in a wrap-up that ends when it would have.
   */
  public synchronized void resume(AgentProfile profile, SavedPresence saved) {
    agents.logIn(profile, clock.instant());
    agents.agent(profile.id()).resume(saved);
  }

  /** Ends the agent's wrap-up before its timer. */
  public synchronized void endWrapUp(AgentId id) {
    agents.agent(id).endWrapUp(clock.instant());
  }

  public synchronized Presence presence(AgentId id) {
    return agents.agent(id).presence(clock.instant());
  }

  /** How many offers and open contacts the agent holds on a channel. */
  public synchronized int load(AgentId id, Channel channel) {
    return agents.agent(id).used(channel);
  }

  // ---- contacts ----

  /**
   * Queues a contact now. Its priority and enqueue time fix its place for good.
   *
   * @throws IllegalArgumentException for an unknown queue or a contact id already in routing
   */
  public synchronized Contact enqueue(ContactId id, Channel channel, QueueId queue, boolean vip) {
    return enqueue(id, channel, queue, vip, 0, clock.instant());
  }

  /**
   * Queues a contact now with {@code weight} added to its priority (the channel's own ranking).
   *
   * @throws IllegalArgumentException for an unknown queue or a contact id already in routing
   */
  public synchronized Contact enqueue(
      ContactId id, Channel channel, QueueId queue, boolean vip, int weight) {
    return enqueue(id, channel, queue, vip, weight, clock.instant());
  }

  /**
   * Puts back a contact that waited before a restart, at the place its original enqueue time gives
   * it (routing steps count from that time too).
   *
   * @throws IllegalArgumentException for an unknown queue or a contact id already in routing
   */
  public synchronized Contact restore(
      ContactId id, Channel channel, QueueId queue, boolean vip, Instant enqueuedAt) {
    return enqueue(id, channel, queue, vip, 0, enqueuedAt);
  }

  /** Like {@link #restore(ContactId, Channel, QueueId, boolean, Instant)} with its weight. */
  public synchronized Contact restore(
      ContactId id, Channel channel, QueueId queue, boolean vip, int weight, Instant enqueuedAt) {
    return enqueue(id, channel, queue, vip, weight, enqueuedAt);
  }

  /**
   * Puts back a contact a logged-in agent had accepted when another instance stopped routing (ADR
   * 0030): the agent holds it against their capacity until it is completed. It is not counted as
   * answered again.
   *
   * @throws IllegalArgumentException for an unknown queue, an agent who is not logged in, or a
   *     contact id already in routing
   */
  public synchronized void restoreConnected(
      ContactId id,
      Channel channel,
      QueueId queue,
      boolean vip,
      int weight,
      Instant enqueuedAt,
      AgentId agentId,
      Instant answeredAt) {
    Contact contact = reservedFor(agentId, id, channel, queue, vip, weight, enqueuedAt);
    agents.agent(agentId).connected(LocalDate.ofInstant(answeredAt, clock.getZone()));
    connected.put(id, new Offer(contact, agentId, answeredAt, answeredAt));
  }

  /** A restored contact, taking one of the logged-in agent's places for its channel. */
  private Contact reservedFor(
      AgentId agentId,
      ContactId id,
      Channel channel,
      QueueId queue,
      boolean vip,
      int weight,
      Instant enqueuedAt) {
    QueueDefinition definition = queues.of(queue, id);
    Agent agent = agents.agent(agentId);
    Contact contact = newContact(id, channel, definition, vip, weight, enqueuedAt);
    agent.reserve(channel);
    return contact;
  }

  /**
   * Puts back a contact offered to a logged-in agent when another instance stopped routing, whose
   * answer that instance did not see (ADR 0043: the agent's phone answered just before): offered to
   * the agent again from now, for one ring timeout, so that the agent's {@link #accept} takes it as
   * usual and it counts as answered then.
   *
   * @throws IllegalArgumentException for an unknown queue, an agent who is not logged in, or a
   *     contact id already in routing
   */
  public synchronized Offer restoreOffered(
      ContactId id,
      Channel channel,
      QueueId queue,
      boolean vip,
      int weight,
      Instant enqueuedAt,
      AgentId agentId) {
    Contact contact = reservedFor(agentId, id, channel, queue, vip, weight, enqueuedAt);
    Instant now = clock.instant();
    Offer offer = new Offer(contact, agentId, now, now.plus(ringTimeout));
    offers.put(id, offer);
    return offer;
  }

  private Contact enqueue(
      ContactId id, Channel channel, QueueId queue, boolean vip, int weight, Instant enqueuedAt) {
    Contact contact = newContact(id, channel, queues.of(queue, id), vip, weight, enqueuedAt);
    waiting.add(contact);
    return contact;
  }

  /**
   * A contact new to routing, placed by its priority (the policy's for the queue plus {@code
   * weight}), original enqueue time and arrival sequence.
   *
   * @throws IllegalArgumentException for a contact id already in routing
   */
  private Contact newContact(
      ContactId id,
      Channel channel,
      QueueDefinition queue,
      boolean vip,
      int weight,
      Instant enqueuedAt) {
    if (waiting.contains(id) || offers.containsKey(id) || connected.containsKey(id)) {
      throw new IllegalArgumentException("contact " + id + " is already in routing");
    }
    return new Contact(
        id,
        channel,
        queue.id(),
        vip,
        priorities.priority(vip, channel, queue) + weight,
        enqueuedAt,
        sequence++,
        false);
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
    agents.holder(offer.agent()).release(offer.contact().channel());
    countAbandoned(offer.contact(), now);
    return Optional.of(offer);
  }

  /**
   * Takes a waiting or ringing contact out of routing without counting it anywhere (handled another
   * way, or reserved by another instance). A ringing offer's agent keeps their state.
   *
   * @return the offer withdrawn if the contact was ringing an agent (stop the ringing)
   */
  public synchronized Optional<Offer> withdraw(ContactId id) {
    Contact contact = waiting.get(id);
    if (contact != null) {
      waiting.remove(contact);
      answeredBefore.remove(id);
      return Optional.empty();
    }
    Offer offer = offers.remove(id);
    if (offer == null) {
      return Optional.empty();
    }
    answeredBefore.remove(id);
    agents.holder(offer.agent()).release(offer.contact().channel());
    return Optional.of(offer);
  }

  /** Whether the agent has logged in since this distributor started (now maybe logged out). */
  public synchronized boolean knows(AgentId id) {
    return agents.knows(id);
  }

  /**
   * The waiting contact's place among its queue's waiting contacts in the global order: 1 is next.
   *
   * @return 0 when the contact is not waiting
   */
  public synchronized int position(ContactId id) {
    Contact contact = waiting.get(id);
    if (contact == null) {
      return 0;
    }
    return waiting.of(contact.queue()).headSet(contact, true).size();
  }

  /** The waiting contact, if it is waiting. */
  public synchronized Optional<Contact> waitingContact(ContactId id) {
    return Optional.ofNullable(waiting.get(id));
  }

  /** Logged-in agents (ready or not) with the queue's skill at any level. */
  public synchronized int agentsServing(QueueId queue) {
    QueueDefinition definition = queues.get(queue);
    if (definition == null) {
      return 0;
    }
    return agents.serving(definition);
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
    List<Offer> made =
        matcher.match(waiting, agents.all(), now, LocalDate.ofInstant(now, clock.getZone()));
    for (Offer offer : made) {
      offers.put(offer.contact().id(), offer);
    }
    return made;
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
      agents.holder(offer.agent()).notReady(RING_TIMEOUT, now);
    }
    return expired;
  }

  /**
   * The agent takes the offered contact; from here it counts as answered in its queue, unless an
   * agent answered it before it was handed back ({@link #handBack}): a contact is answered once.
   */
  public synchronized AcceptDecision accept(AgentId agentId, ContactId contactId) {
    Instant now = clock.instant();
    Offer offer = offers.get(contactId);
    if (offer == null || !offer.agent().equals(agentId)) {
      return new AcceptDecision.NotOffered(
          "contact " + contactId + " is not offered to agent " + agentId);
    }
    if (!now.isBefore(offer.expiresAt())) {
      putBack(offer);
      agents.holder(agentId).notReady(RING_TIMEOUT, now);
      return new AcceptDecision.NotOffered(
          "the offer of contact " + contactId + " to agent " + agentId + " rang out");
    }
    offers.remove(contactId);
    connected.put(contactId, offer);
    agents.holder(agentId).connected(LocalDate.ofInstant(now, clock.getZone()));
    Duration waited = Duration.between(offer.contact().enqueuedAt(), now);
    // A contact handed back counted at its first answer, with that answer's wait (ADR 0054).
    if (!answeredBefore.remove(contactId)) {
      queues.countAnswered(offer.contact().queue(), waited);
    }
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
    agents.holder(agentId).notReady(REJECTED, clock.instant());
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
    agents.holder(agentId).ended(offer.contact().channel(), clock.instant());
    // A consult about the call ends with it (the caller hung up): the consulted agent is free.
    endConsult(contactId);
    return true;
  }

  /**
   * The agent's side of the open call ended without the agent hanging up (their page closed and its
   * media stopped, ADR 0052): the contact goes back to its original place (its priority, original
   * enqueue time and arrival sequence, so ahead of every contact that came later) and the agent is
   * set not ready ({@link #CONNECTION_LOST}) without a wrap-up, so it is not offered to them again
   * at once. A consult about the call ends with it. The contact stays answered once in its queue's
   * statistics: neither its next answer nor its caller's hang-up while it waits again counts.
   *
   * @return the agent's call that was handed back; empty when no agent holds the contact
   */
  public synchronized Optional<Offer> handBack(ContactId contactId) {
    Offer call = connected.remove(contactId);
    if (call == null) {
      return Optional.empty();
    }
    endConsult(contactId);
    agents.holder(call.agent()).lost(call.contact().channel(), CONNECTION_LOST, clock.instant());
    answeredBefore.add(contactId);
    waiting.add(call.contact());
    return Optional.of(call);
  }

  // ---- attended transfer (ADR 0044) ----

  /**
   * The agent of the open call {@code contactId} consults agent {@code to}, who must be logged in,
   * ready, out of wrap-up and have room for a call: {@code to} is reserved (offered nothing else)
   * until {@link #completeConsult} or {@link #endConsult}. The call stays the agent's.
   */
  public synchronized ConsultDecision consult(AgentId from, ContactId contactId, AgentId to) {
    Optional<ConsultDecision.Refused> refused = consultable(from, contactId);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (to.equals(from)) {
      return new ConsultDecision.Refused(
          ConsultDecision.Reason.SAME_AGENT, "agent " + from + " cannot consult themselves");
    }
    Agent target = agents.holder(to);
    if (target == null || !free(target, clock.instant())) {
      return new ConsultDecision.Refused(
          ConsultDecision.Reason.AGENT_NOT_FREE, "agent " + to + " is not free to take a call now");
    }
    Offer call = connected.get(contactId);
    return new ConsultDecision.Reserved(
        reserve(new Consult(call, to, call.contact().queue()), target));
  }

  /**
   * The agent of the open call {@code contactId} consults queue {@code queue}: the free agent of
   * the queue (its skill at any level, ready, out of wrap-up, room for a call) idle longest is
   * reserved, as by {@link #consult(AgentId, ContactId, AgentId)}.
   *
   * @throws IllegalArgumentException for an unknown queue
   */
  public synchronized ConsultDecision consultQueue(
      AgentId from, ContactId contactId, QueueId queue) {
    QueueDefinition definition = queues.of(queue, contactId);
    Optional<ConsultDecision.Refused> refused = consultable(from, contactId);
    if (refused.isPresent()) {
      return refused.get();
    }
    Instant now = clock.instant();
    Agent best = null;
    for (Agent agent : agents.all()) {
      if (!agent.profile.id().equals(from)
          && agent.profile.skills().level(definition.skill()).isPresent()
          && free(agent, now)
          && (best == null || agent.idleSince().isBefore(best.idleSince()))) {
        best = agent;
      }
    }
    if (best == null) {
      return new ConsultDecision.Refused(
          ConsultDecision.Reason.NO_FREE_AGENT, "no agent of queue " + queue + " is free now");
    }
    return new ConsultDecision.Reserved(
        reserve(new Consult(connected.get(contactId), best.profile.id(), queue), best));
  }

  /**
   * Puts back a consult in progress when another instance stopped routing (ADR 0044 addendum): the
   * consulted agent {@code to}, logged in with room for a call, is reserved for it again, as by
   * {@link #consult(AgentId, ContactId, AgentId)} but whether or not they take offers now (they
   * were taken off the order by the consult itself).
   *
   * @return the consult; empty when {@code from} holds no such open call (not restored), it is
   *     being consulted about already, {@code to} is {@code from}, not logged in or has no room, or
   *     the queue is unknown
   */
  public synchronized Optional<Consult> restoreConsult(
      AgentId from, ContactId contactId, AgentId to, QueueId toQueue) {
    Agent target = agents.holder(to);
    if (consultable(from, contactId).isPresent()
        || to.equals(from)
        || target == null
        || target.isOffline()
        || !target.hasRoom(Channel.VOICE)
        || queues.get(toQueue) == null) {
      return Optional.empty();
    }
    return Optional.of(reserve(new Consult(connected.get(contactId), to, toQueue), target));
  }

  /** The consult of the call, if one is in progress. */
  public synchronized Optional<Consult> consultOf(ContactId contactId) {
    return Optional.ofNullable(consults.get(contactId));
  }

  /**
   * The consult ends without a transfer (cancelled, the consulted phone did not answer or hung up):
   * the consulted agent is free again; nothing else changes.
   *
   * @return the consult that ended; empty when there was none
   */
  public synchronized Optional<Consult> endConsult(ContactId contactId) {
    Consult consult = consults.remove(contactId);
    if (consult == null) {
      return Optional.empty();
    }
    agents.holder(consult.to()).release(consult.call().contact().channel());
    return Optional.of(consult);
  }

  /**
   * The consult completes: the consulting agent's part ends (their wrap-up starts if it was their
   * last open contact) and the consulted agent holds the call, in the consult's queue, from now.
   * The call is not counted as answered in the queue again.
   *
   * @return the consulted agent's call; empty when there was no such consult of the agent's call
   */
  public synchronized Optional<Offer> completeConsult(AgentId from, ContactId contactId) {
    return completeConsult(from, contactId, false);
  }

  /**
   * Like {@link #completeConsult(AgentId, ContactId)}; with {@code lost} the consulting agent's leg
   * was lost (their page closed during the consult, which Asterisk takes as completing the
   * transfer, ADR 0054): they are set not ready ({@link #CONNECTION_LOST}) without a wrap-up, as
   * after a call handed back, so nothing is offered to a page that is gone.
   */
  public synchronized Optional<Offer> completeConsult(
      AgentId from, ContactId contactId, boolean lost) {
    Consult consult = consults.get(contactId);
    Offer call = connected.get(contactId);
    if (consult == null || call == null || !call.agent().equals(from)) {
      return Optional.empty();
    }
    consults.remove(contactId);
    Instant now = clock.instant();
    connected.remove(contactId);
    if (lost) {
      agents.holder(from).lost(call.contact().channel(), CONNECTION_LOST, now);
    } else {
      agents.holder(from).ended(call.contact().channel(), now);
    }
    // The reservation made at the consult becomes the consulted agent's open call.
    agents.holder(consult.to()).connected(LocalDate.ofInstant(now, clock.getZone()));
    Contact contact = call.contact();
    Contact moved =
        new Contact(
            contact.id(),
            contact.channel(),
            consult.toQueue(),
            contact.vip(),
            contact.priority(),
            contact.enqueuedAt(),
            contact.sequence(),
            contact.callback());
    Offer taken = new Offer(moved, consult.to(), now, now);
    connected.put(contactId, taken);
    return Optional.of(taken);
  }

  private Optional<ConsultDecision.Refused> consultable(AgentId from, ContactId contactId) {
    Offer call = connected.get(contactId);
    if (call == null || !call.agent().equals(from)) {
      return Optional.of(
          new ConsultDecision.Refused(
              ConsultDecision.Reason.NOT_YOUR_CALL,
              "agent " + from + " has no open call " + contactId));
    }
    if (consults.containsKey(contactId)) {
      return Optional.of(
          new ConsultDecision.Refused(
              ConsultDecision.Reason.ALREADY_CONSULTING,
              "call " + contactId + " is being consulted about already"));
    }
    return Optional.empty();
  }

  private static boolean free(Agent agent, Instant now) {
    return agent.takesOffers(now) && agent.hasRoom(Channel.VOICE);
  }

  private Consult reserve(Consult consult, Agent target) {
    target.reserve(consult.call().contact().channel());
    consults.put(consult.call().contact().id(), consult);
    return consult;
  }

  public synchronized List<Offer> offers() {
    return List.copyOf(offers.values());
  }

  /** Contacts agents have accepted and not yet completed. */
  public synchronized List<Offer> connected() {
    return List.copyOf(connected.values());
  }

  public synchronized QueueStatistics statistics(QueueId queue) {
    return queues.statistics(queue);
  }

  // ---- internals ----

  private void putBack(Offer offer) {
    offers.remove(offer.contact().id());
    agents.holder(offer.agent()).release(offer.contact().channel());
    waiting.add(offer.contact());
  }

  private List<Offer> withdrawOffersOf(AgentId id) {
    List<Offer> held = offers.values().stream().filter(o -> o.agent().equals(id)).toList();
    held.forEach(this::putBack);
    return held;
  }

  /** Counts the contact abandoned, unless it was answered before it was handed back. */
  private void countAbandoned(Contact contact, Instant now) {
    if (!answeredBefore.remove(contact.id())) {
      queues.countAbandoned(contact.queue(), Duration.between(contact.enqueuedAt(), now));
    }
  }
}

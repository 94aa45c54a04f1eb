package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.channel;
import static io.contactcenter.routing.internal.RoutingTypes.domainId;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.internal.domain.AgentId;
import io.contactcenter.routing.internal.domain.ContactDistributor;
import io.contactcenter.routing.internal.domain.QueueDefinition;
import io.contactcenter.routing.internal.domain.QueueId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this instance holds in memory while it routes: the {@link ContactDistributor} with its
 * waiting order, agents and offers, the customer shown with each contact and the number to dial for
 * each waiting callback. All of it is dropped at every change of term ({@link #reset}): what an
 * instance knew before it led is stale, and a new term rebuilds it from storage ({@link #restore},
 * {@link #restoreHeld}).
 */
final class RoutingTerm {

  private static final Logger log = LoggerFactory.getLogger(RoutingTerm.class);

  private final Clock clock;
  private final Duration ringTimeout;
  private final QueueCatalog queues;
  // Replaced by a fresh one at every term: what an instance knew before it led is stale.
  private volatile ContactDistributor distributor;
  private final Map<ContactId, String> customers = new ConcurrentHashMap<>();
  // Waiting calls whose caller asked to be called back (and hung up): number to dial.
  private final Map<ContactId, PhoneNumber> callbacks = new ConcurrentHashMap<>();
  // Calls this term took over from storage: this instance may not have seen their channel start,
  // and then will not see it end either (ADR 0043).
  private final Set<ContactId> adoptedCalls = ConcurrentHashMap.newKeySet();

  /** {@code first}: the first term's distributor, for the queues there are. */
  RoutingTerm(QueueCatalog queues, ContactDistributor first, Duration ringTimeout, Clock clock) {
    this.clock = clock;
    this.ringTimeout = ringTimeout;
    this.queues = queues;
    this.distributor = first;
  }

  /** This term's distributor (each read may see a newer term's). */
  ContactDistributor distributor() {
    return distributor;
  }

  /** Forgets everything: a fresh distributor for the queues there are now, no contacts. */
  void reset() {
    distributor = fresh();
    customers.clear();
    callbacks.clear();
    adoptedCalls.clear();
  }

  private ContactDistributor fresh() {
    return new ContactDistributor(clock, queues.priorities(), ringTimeout, queues.all());
  }

  /** The customer shown with the contact (a name, number or address), or "". */
  String customer(ContactId id) {
    return customers.getOrDefault(id, "");
  }

  void rememberCustomer(ContactId id, String customer) {
    customers.put(id, customer);
  }

  /** The number to dial for a waiting callback, if the contact is one. */
  Optional<PhoneNumber> callbackNumber(ContactId id) {
    return Optional.ofNullable(callbacks.get(id));
  }

  boolean isCallback(ContactId id) {
    return callbacks.containsKey(id);
  }

  /** The waiting caller asked to be called back at {@code number}: the customer shown is it. */
  void rememberCallback(ContactId id, PhoneNumber number) {
    callbacks.put(id, number);
    customers.put(id, number.e164());
  }

  /** The contact left routing (withdrawn, completed or its callback attempt ended). */
  void forget(ContactId id) {
    customers.remove(id);
    callbacks.remove(id);
    adoptedCalls.remove(id);
  }

  /**
   * A call on hold or with an agent this term took over from storage: its end is looked for in
   * Asterisk ({@link #adoptedCalls}), as this instance may not see its hang-up.
   */
  void adoptCall(ContactId id) {
    adoptedCalls.add(id);
  }

  /** Stops looking for the call's end; false when it was not looked for. */
  boolean dropAdopted(ContactId id) {
    return adoptedCalls.remove(id);
  }

  /** The calls this term took over and that have not ended yet, as far as it knows. */
  Set<ContactId> adoptedCalls() {
    return Set.copyOf(adoptedCalls);
  }

  /**
   * Puts a contact the database holds as waiting back in the order; false for an unknown queue.
   *
   * @throws IllegalArgumentException when the contact is in routing here already
   */
  boolean restore(JdbcContacts.Open c) {
    QueueId queue = new QueueId(c.queue());
    QueueDefinition definition = queues.definition(queue);
    if (definition == null) {
      return false;
    }
    // The weight the channel gave it: what its stored priority has beyond the policy's.
    int weight = queues.weightOf(c, definition);
    distributor.restore(
        domainId(c.id()), channel(c.channel()), queue, c.vip(), weight, c.enqueuedAt());
    customers.put(c.id(), c.customer());
    if (c.callbackNumber() != null) {
      distributor.takeCallback(domainId(c.id()));
      callbacks.put(c.id(), PhoneNumber.parse(c.callbackNumber()));
      customers.put(c.id(), c.callbackNumber());
    }
    return true;
  }

  /**
   * Offers a call again to the logged-in agent whose phone answered it unseen by this instance (ADR
   * 0043), for the agent's accept to follow; false when the agent is not logged in or the queue is
   * unknown.
   */
  boolean restoreOffered(JdbcTakeoverReads.RungCall r) {
    JdbcContacts.Open c = r.contact();
    QueueDefinition definition = queues.definition(new QueueId(c.queue()));
    AgentId agent = new AgentId(r.agentId());
    if (definition == null || !distributor.knows(agent)) {
      return false;
    }
    distributor.restoreOffered(
        domainId(c.id()),
        channel(c.channel()),
        definition.id(),
        c.vip(),
        queues.weightOf(c, definition),
        c.enqueuedAt(),
        agent);
    customers.put(c.id(), c.customer());
    return true;
  }

  /**
   * Gives a logged-in agent back the chat or ticket they held, so it counts against their capacity
   * and they can complete it; false when the agent is not logged in or the queue is unknown.
   */
  boolean restoreHeld(JdbcTakeoverReads.Held h) {
    JdbcContacts.Open c = h.contact();
    QueueDefinition definition = queues.definition(new QueueId(c.queue()));
    AgentId agent = new AgentId(h.agentId());
    if (definition == null || !distributor.knows(agent)) {
      return false;
    }
    int weight = queues.weightOf(c, definition);
    try {
      distributor.restoreConnected(
          domainId(c.id()),
          channel(c.channel()),
          definition.id(),
          c.vip(),
          weight,
          c.enqueuedAt(),
          agent,
          h.answeredAt());
    } catch (IllegalArgumentException notNow) {
      log.warn("contact {} of agent {} not restored: {}", c.id(), agent, notNow.getMessage());
      return false;
    }
    customers.put(c.id(), c.customer());
    return true;
  }
}

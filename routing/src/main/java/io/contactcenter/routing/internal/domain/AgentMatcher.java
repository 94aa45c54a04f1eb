package io.contactcenter.routing.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * One routing pass's choices: walks the waiting contacts in the global order and gives each to the
 * best free agent able to take it now (skill at the level the queue's current {@link RoutingStep}
 * asks for, or the step's overflow queue; room in the contact's channel), chosen by the queue's
 * {@link QueueStrategy}.
 *
 * <p>Not thread-safe: only the {@link ContactDistributor} uses it, under its own lock.
 */
final class AgentMatcher {

  private final QueueBook queues;
  private final Duration ringTimeout;

  AgentMatcher(QueueBook queues, Duration ringTimeout) {
    this.queues = queues;
    this.ringTimeout = ringTimeout;
  }

  /**
   * Makes the pass's offers, best contact first: each contact offered leaves {@code waiting} and
   * reserves a place in its agent's capacity.
   */
  List<Offer> match(
      WaitingContacts waiting, Collection<Agent> agents, Instant now, LocalDate today) {
    List<Agent> free = new ArrayList<>();
    for (Agent agent : agents) {
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
    for (QueueDefinition queue : queues.all()) {
      Optional<Instant> cutoff = cutoff(queue, free, now);
      if (cutoff.isPresent()) {
        Iterator<Contact> contacts = waiting.of(queue.id()).iterator();
        if (contacts.hasNext()) {
          merge.add(new Cursor(queue, cutoff.get(), contacts, contacts.next()));
        }
      }
    }
    List<Offer> made = new ArrayList<>();
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
      made.add(new Offer(contact, best.profile.id(), now, now.plus(ringTimeout)));
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
}

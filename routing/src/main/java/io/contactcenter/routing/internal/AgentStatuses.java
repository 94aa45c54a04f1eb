package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.channel;
import static io.contactcenter.routing.internal.RoutingTypes.publicId;

import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStateChanged;
import io.contactcenter.routing.AgentStateConflictException;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.AgentStatus.OfferedContact;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.UnknownAgentException;
import io.contactcenter.routing.internal.domain.AgentId;
import io.contactcenter.routing.internal.domain.Offer;
import io.contactcenter.routing.internal.domain.Presence;
import io.contactcenter.routing.internal.domain.QueueDefinition;
import io.contactcenter.routing.internal.domain.QueueId;
import io.contactcenter.routing.internal.domain.SavedPresence;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What agents see of themselves ({@link AgentStatus}) and what the others are told: each change of
 * an agent's state or not-ready reason is mirrored to Redis and announced ({@link
 * AgentStateChanged}) once.
 */
final class AgentStatuses {

  private final RoutingTerm term;
  private final AgentDirectory agents;
  private final RedisAgentPresence presence;
  private final QueueCatalog queues;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Map<String, AgentState> announced = new ConcurrentHashMap<>();
  // The not-ready reason last announced: a new reason is a change of its own (reports sum the time
  // per reason, ADR 0029).
  private final Map<String, String> announcedReasons = new ConcurrentHashMap<>();
  // What happened to an agent's consult without them (ADR 0054), until they act again.
  private final Map<String, String> notices = new ConcurrentHashMap<>();
  // What was last saved for a new leader to resume each agent from (ADR 0053 addendum).
  private final Map<String, String> savedPresences = new ConcurrentHashMap<>();

  AgentStatuses(
      RoutingTerm term,
      AgentDirectory agents,
      RedisAgentPresence presence,
      QueueCatalog queues,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock) {
    this.term = term;
    this.agents = agents;
    this.presence = presence;
    this.queues = queues;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  AgentStatus status(String agentId) {
    AgentId agent = new AgentId(agentId);
    if (!term.distributor().knows(agent)) {
      if (agents.find(agentId).isEmpty()) {
        throw new UnknownAgentException(
            "user " + agentId + " has no agent profile; an admin creates one");
      }
      return new AgentStatus(agentId, AgentState.OFFLINE, "", null, List.of(), List.of());
    }
    Presence p = term.distributor().presence(agent);
    AgentState state;
    String reason = "";
    Instant until = null;
    switch (p) {
      case Presence.Offline o -> state = AgentState.OFFLINE;
      case Presence.Ready r -> state = AgentState.READY;
      case Presence.NotReady n -> {
        state = AgentState.NOT_READY;
        reason = n.reason();
      }
      case Presence.OnContact c -> state = AgentState.ON_CONTACT;
      case Presence.WrapUp w -> {
        state = AgentState.WRAP_UP;
        until = w.until();
      }
    }
    return new AgentStatus(
        agentId,
        state,
        reason,
        until,
        shown(term.distributor().offers(), agent),
        shown(term.distributor().connected(), agent),
        notices.getOrDefault(agentId, ""));
  }

  /** Tells the agent what happened to their consult ({@link AgentStatus#notice()}). */
  void notice(String agentId, String notice) {
    notices.put(agentId, notice);
  }

  /** The agent acted (accepted a contact, changed their state, logged out): the notice is done. */
  void clearNotice(String agentId) {
    notices.remove(agentId);
  }

  /**
   * Mirrors the agent's state to Redis and announces it when it changed; saves what a new leader
   * needs to resume the agent when that changed.
   */
  AgentStatus announce(String agentId) {
    AgentStatus status = status(agentId);
    saveForTheNextLeader(agentId, status.state());
    AgentState before = announced.put(agentId, status.state());
    String reason = status.reason() == null ? "" : status.reason();
    String reasonBefore = announcedReasons.put(agentId, reason);
    if (before != status.state() || !reason.equals(reasonBefore)) {
      presence.save(agentId, status.state(), status.reason());
      tx.executeWithoutResult(
          s ->
              events.publishEvent(
                  new AgentStateChanged(
                      agentId, status.state(), status.reason(), clock.instant())));
    }
    if (status.state() == AgentState.OFFLINE) {
      announced.remove(agentId);
      announcedReasons.remove(agentId);
    }
    return status;
  }

  private void saveForTheNextLeader(String agentId, AgentState state) {
    if (state == AgentState.OFFLINE) {
      savedPresences.remove(agentId);
      return;
    }
    SavedPresence saved = term.distributor().saved(new AgentId(agentId));
    if (saved == null) {
      return;
    }
    String encoded = RedisAgentPresence.encode(saved);
    if (!encoded.equals(savedPresences.put(agentId, encoded))) {
      presence.save(agentId, encoded);
    }
  }

  /**
   * Announces every logged-in agent whose state changed (wrap-ups ran out, offers came or went).
   */
  void announceAll() {
    for (String agentId : announced.keySet()) {
      announce(agentId);
    }
  }

  /**
   * The agent, logged in now.
   *
   * @throws UnknownAgentException for a user without an agent profile
   * @throws AgentStateConflictException when the agent is logged out
   */
  AgentId loggedIn(String agentId) {
    AgentId agent = new AgentId(agentId);
    if (!term.distributor().knows(agent)) {
      status(agentId); // UnknownAgentException for a user without a profile
      throw new AgentStateConflictException("agent " + agentId + " is logged out; log in first");
    }
    return agent;
  }

  /**
   * Whether some logged-in agent (ready or not) has the queue's skill: a caller is held only then,
   * as Asterisk's queue refused callers when no member was logged in ({@code joinempty}).
   *
   * <p>Read from the Redis presence every instance shares, not from what this instance announced:
   * Asterisk may hand the call to an instance that does not lead routing (ADR 0030), which has
   * announced nobody, and it must not turn the caller away while agents are logged in elsewhere.
   */
  boolean anyAgentLoggedInFor(String queue) {
    QueueDefinition definition = queues.definition(new QueueId(queue));
    if (definition == null) {
      return false;
    }
    for (Map.Entry<String, RedisAgentPresence.Stored> agent : presence.all().entrySet()) {
      if (agent.getValue().state() != AgentState.OFFLINE
          && agents
              .find(agent.getKey())
              .map(s -> s.skills().containsKey(definition.skill()))
              .orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An agent logged in before this term, back from Redis: counted as announced not ready, so its
   * first status is announced again; a not-ready reason that is still the same is not.
   */
  void restored(String agentId, RedisAgentPresence.Stored stored) {
    announced.put(agentId, AgentState.NOT_READY);
    if (stored.saved() != null) {
      savedPresences.put(agentId, RedisAgentPresence.encode(stored.saved()));
    }
    if (stored.state() == AgentState.NOT_READY && stored.reason() != null) {
      // Still not ready for the same reason: not a change to announce.
      announcedReasons.put(agentId, stored.reason());
    }
  }

  /** How many agents are logged in as far as announced. */
  int count() {
    return announced.size();
  }

  /** The term ended: no agent is known as announced (their reasons are kept). */
  void forget() {
    announced.clear();
    savedPresences.clear();
  }

  private List<OfferedContact> shown(List<Offer> offers, AgentId agent) {
    List<OfferedContact> shown = new ArrayList<>();
    for (Offer o : offers) {
      if (o.agent().equals(agent)) {
        ContactId id = publicId(o.contact().id());
        shown.add(
            new OfferedContact(
                id,
                channel(o.contact().channel()),
                o.contact().queue().value(),
                term.customer(id),
                o.contact().enqueuedAt(),
                o.expiresAt()));
      }
    }
    return shown;
  }
}

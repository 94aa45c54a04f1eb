package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.channel;
import static io.contactcenter.routing.internal.RoutingTypes.domainId;

import io.contactcenter.pbx.AgentPhones;
import io.contactcenter.pbx.ConsultLeg;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ConsultRefusedException;
import io.contactcenter.routing.ConsultTarget;
import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactCompleted;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactNotOfferedException;
import io.contactcenter.routing.ContactTransferred;
import io.contactcenter.routing.UnknownAgentException;
import io.contactcenter.routing.UnknownQueueException;
import io.contactcenter.routing.internal.domain.AgentId;
import io.contactcenter.routing.internal.domain.Channel;
import io.contactcenter.routing.internal.domain.Consult;
import io.contactcenter.routing.internal.domain.ConsultAtTakeover.Outcome;
import io.contactcenter.routing.internal.domain.ConsultDecision;
import io.contactcenter.routing.internal.domain.Offer;
import io.contactcenter.routing.internal.domain.QueueId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attended transfer (ADR 0044): the agent of a live call consults another agent (or a queue's free
 * agent), then completes (the caller goes to the consulted agent, the first agent to wrap-up) or
 * cancels. The distributor reserves the consulted agent; Asterisk holds the three legs ({@link
 * ConsultCalls}); routing moves the contact only on completion. Every method runs on the routing
 * thread, where the caller's hang-up is handled too.
 */
final class ContactConsults {

  /** The voice adapter's part of a consult. */
  interface ConsultCalls {
    /**
     * Rings the consulted agent's phone; {@code ringId} names the ring (its channel is {@code
     * cc-ring-<ringId>}).
     *
     * @throws RuntimeException when the phone cannot be rung (nothing is left ringing)
     */
    void ring(ContactId call, String agentId, String ringId);

    /**
     * A consult ring the last routing term started (ADR 0044 addendum): its phone's hang-up, and
     * the consult's completion and cancelling, are this term's to handle from now on.
     */
    void adopt(ContactId call, String agentId, String ringId);

    /** The consulted phone answered: the call's agent is put through to it, the caller on hold. */
    ConsultLeg connect(ContactId call, String ringId);

    /**
     * The caller goes to the consulted agent, the call's agent leaves.
     *
     * @throws IllegalStateException when the consult leg is not up yet (nothing was done)
     */
    void complete(String ringId, String agentChannel);

    /**
     * Ends the consult in Asterisk: cancels the transfer when it started ({@code agentChannel} not
     * null), hangs up the consulted phone. Does nothing for a ring already ended.
     */
    void end(String ringId, String agentChannel);
  }

  /** A consult in progress: the consulted phone's ring, and the agent's leg once it answered. */
  private record Live(String fromAgent, String toAgent, String ringId, ConsultLeg leg) {}

  private static final Logger log = LoggerFactory.getLogger(ContactConsults.class);

  /**
   * Q.850 cause 44 (requested channel not available): Asterisk's for a leg it ended for lack of
   * RTP, i.e. an agent's page that is gone (ADR 0052).
   */
  static final int MEDIA_TIMEOUT_CAUSE = 44;

  private final RoutingTerm term;
  private final QueueCatalog queues;
  private final AgentStatuses statuses;
  private final AgentDirectory agents;
  private final JdbcContacts contacts;
  private final JdbcConsults stored;
  private final ConsultCalls calls;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Runnable kick;
  private final Map<ContactId, Live> live = new ConcurrentHashMap<>();
  // Consults taken over from the last term: this instance may not have seen their channels start,
  // so it would not see them end either (ADR 0043's adopted calls); watched by asking Asterisk.
  private final Set<ContactId> adopted = ConcurrentHashMap.newKeySet();

  ContactConsults(
      RoutingTerm term,
      QueueCatalog queues,
      AgentStatuses statuses,
      AgentDirectory agents,
      JdbcContacts contacts,
      JdbcConsults stored,
      ConsultCalls calls,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock,
      Runnable kick) {
    this.term = term;
    this.queues = queues;
    this.statuses = statuses;
    this.agents = agents;
    this.contacts = contacts;
    this.stored = stored;
    this.calls = calls;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
    this.kick = kick;
  }

  AgentStatus consult(String agentId, ContactId contact, ConsultTarget target) {
    AgentId from = statuses.loggedIn(agentId);
    Offer call = openCall(from, contact);
    if (call.contact().channel() != Channel.VOICE) {
      throw new IllegalArgumentException("only calls are consulted about: " + contact);
    }
    ConsultDecision decision;
    if (target.agent() != null) {
      if (agents.find(target.agent()).isEmpty()) {
        throw new UnknownAgentException("no agent " + target.agent());
      }
      decision = term.distributor().consult(from, domainId(contact), new AgentId(target.agent()));
    } else {
      QueueId queue = new QueueId(target.queue());
      if (queues.definition(queue) == null) {
        throw new UnknownQueueException(
            target.queue(), queues.ids().stream().map(QueueId::value).sorted().toList());
      }
      decision = term.distributor().consultQueue(from, domainId(contact), queue);
    }
    Consult consult =
        switch (decision) {
          case ConsultDecision.Refused refused -> throw refused(refused);
          case ConsultDecision.Reserved reserved -> reserved.consult();
        };
    String toAgent = consult.to().value();
    String ringId = UUID.randomUUID().toString();
    try {
      // Stored before the phone rings, so that a new leader finds the consult (ADR 0044 addendum).
      if (!stored.started(
          contact, agentId, toAgent, consult.toQueue().value(), ringId, clock.instant())) {
        throw new ContactNotOfferedException("agent " + agentId + " has no open call " + contact);
      }
      calls.ring(contact, toAgent, ringId);
    } catch (RuntimeException e) {
      term.distributor().endConsult(domainId(contact));
      stored.ended(contact);
      statuses.announce(toAgent);
      if (e instanceof IllegalStateException) {
        throw new ConsultRefusedException("no-phone", e.getMessage());
      }
      throw e;
    }
    live.put(contact, new Live(agentId, toAgent, ringId, null));
    statuses.announce(toAgent);
    log.info("agent {} consults agent {} about call {}", agentId, toAgent, contact);
    return statuses.status(agentId);
  }

  /** The consulted phone answered: the agent talks to it, the caller hears music on hold. */
  void answered(ContactId contact, String ringId) {
    Live consult = live.get(contact);
    if (consult == null || !consult.ringId().equals(ringId)) {
      calls.end(ringId, null);
      return;
    }
    try {
      ConsultLeg leg = calls.connect(contact, ringId);
      live.put(contact, new Live(consult.fromAgent(), consult.toAgent(), ringId, leg));
      stored.transferStarted(contact, ringId, leg.agentChannel(), leg.agentCallId());
    } catch (RuntimeException e) {
      log.warn("consult on call {} not connected: {}", contact, e.getMessage());
      end(contact, consult, true);
    }
  }

  /**
   * The consulted phone did not answer or hung up: the consulted agent is free, the agent (whom
   * Asterisk returns to the caller) keeps the call.
   */
  void phoneEnded(ContactId contact, String ringId) {
    Live consult = live.get(contact);
    if (consult != null && consult.ringId().equals(ringId)) {
      log.info("consulted agent {} left call {}", consult.toAgent(), contact);
      end(contact, consult, false);
    }
  }

  AgentStatus complete(String agentId, ContactId contact) {
    AgentId from = statuses.loggedIn(agentId);
    Offer call = openCall(from, contact);
    Live consult = consultOf(agentId, contact);
    if (consult.leg() == null) {
      throw new ConsultRefusedException(
          "not-connected", "agent " + consult.toAgent() + " has not answered yet");
    }
    try {
      calls.complete(consult.ringId(), consult.leg().agentChannel());
    } catch (IllegalStateException notYet) {
      throw new ConsultRefusedException("not-connected", notYet.getMessage());
    }
    handOver(contact, call, consult, false);
    return statuses.announce(agentId);
  }

  /**
   * The agent's own channel ended during the consult: Asterisk took that as completing the transfer
   * (the caller is with the consulted agent), so routing completes it too. A channel ended for lack
   * of media ({@link #MEDIA_TIMEOUT_CAUSE}: the agent's page closed during the consult, ADR 0054)
   * completes it as well, but the agent is set not ready ({@code connection lost}) instead of
   * wrapping up, and the consulted agent is told.
   *
   * @param cause the Q.850 cause the channel ended with
   * @return whether the call id was a consulting agent's channel
   */
  boolean agentLeft(String callId, int cause) {
    for (Map.Entry<ContactId, Live> e : live.entrySet()) {
      Live consult = e.getValue();
      if (consult.leg() != null && callId.equals(consult.leg().agentCallId())) {
        AgentId from = new AgentId(consult.fromAgent());
        boolean lost = cause == MEDIA_TIMEOUT_CAUSE;
        term.distributor().connected().stream()
            .filter(o -> o.contact().id().equals(domainId(e.getKey())) && o.agent().equals(from))
            .findFirst()
            .ifPresent(call -> handOver(e.getKey(), call, consult, lost));
        statuses.announce(consult.fromAgent());
        return true;
      }
    }
    return false;
  }

  AgentStatus cancel(String agentId, ContactId contact) {
    openCall(statuses.loggedIn(agentId), contact);
    Live consult = consultOf(agentId, contact);
    end(contact, consult, true);
    log.info("agent {} cancelled the consult of agent {}", agentId, consult.toAgent());
    return statuses.status(agentId);
  }

  /**
   * The caller hung up (the agent's part completed, which ended the distributor's consult): the
   * consulted agent's phone hangs up.
   */
  void callEnded(ContactId contact) {
    Live consult = live.remove(contact);
    if (consult != null) {
      stored.ended(contact);
      calls.end(consult.ringId(), null);
      term.distributor().endConsult(domainId(contact));
      statuses.announce(consult.toAgent());
    }
  }

  /**
   * The call goes back to its queue because its agent's leg was lost (ADR 0052) during a consult
   * whose transfer had not started (the consulted phone still rang; once it started, the lost leg
   * completes the transfer instead, {@link #agentLeft}): the consulted phone is hung up, the
   * consult forgotten, and the consulted agent, free again, is told why (ADR 0054). Call it before
   * the distributor takes the call back.
   */
  void callHandedBack(ContactId contact) {
    Live consult = live.remove(contact);
    if (consult == null) {
      return;
    }
    log.info(
        "agent {} lost during the consult of agent {} about {}: the consult ends",
        consult.fromAgent(),
        consult.toAgent(),
        contact);
    stored.ended(contact);
    adopted.remove(contact);
    calls.end(consult.ringId(), null);
    term.distributor().endConsult(domainId(contact));
    statuses.notice(consult.toAgent(), AgentStatus.CONSULT_ENDED_AGENT_LOST);
    statuses.announce(consult.toAgent());
  }

  /**
   * Takes over a consult the last routing term left (ADR 0044 addendum), once the call is its
   * agent's again in this term: the consulted agent is reserved for it again and its ring is this
   * term's. A consulted phone that had answered is connected now ({@link Outcome#CONNECT}); an
   * agent who left during the transfer handed the call over ({@link Outcome#HANDED_OVER}). A
   * consult that cannot be restored (the call's agent or the consulted agent not logged in) ends in
   * Asterisk: the agent keeps the caller.
   */
  void restore(JdbcConsults.Stored consult, Outcome outcome) {
    if (outcome == Outcome.ENDED) {
      throw new IllegalArgumentException("an ended consult is not restored: " + consult);
    }
    ContactId contact = consult.contact();
    calls.adopt(contact, consult.toAgent(), consult.ringId());
    ConsultLeg leg =
        consult.transferStarted()
            ? new ConsultLeg(consult.agentChannel(), consult.agentCallId())
            : null;
    Optional<Consult> restored =
        term.distributor()
            .restoreConsult(
                new AgentId(consult.fromAgent()),
                domainId(contact),
                new AgentId(consult.toAgent()),
                new QueueId(consult.toQueue()));
    if (restored.isEmpty()) {
      log.info(
          "consult of agent {} about {} not taken over: an agent is not logged in",
          consult.toAgent(),
          contact);
      stored.ended(contact);
      // After the agent's hang-up the caller is with the consulted agent: left so.
      if (outcome != Outcome.HANDED_OVER) {
        calls.end(consult.ringId(), leg == null ? null : leg.agentChannel());
      }
      return;
    }
    Live taken = new Live(consult.fromAgent(), consult.toAgent(), consult.ringId(), leg);
    live.put(contact, taken);
    adopted.add(contact);
    statuses.announce(consult.toAgent());
    log.info(
        "consult of agent {} by agent {} about {} taken over ({})",
        consult.toAgent(),
        consult.fromAgent(),
        contact,
        outcome);
    switch (outcome) {
      case CONNECT -> answered(contact, consult.ringId());
      case HANDED_OVER -> agentLeft(consult.agentCallId(), 0);
      case GOES_ON, ENDED -> {}
    }
  }

  /** Whether consults taken over from the last term are still in progress (any thread). */
  boolean anyAdopted() {
    return adopted.stream().anyMatch(live::containsKey);
  }

  /**
   * The consults taken over from the last term whose channels Asterisk no longer has ({@code
   * liveCallIds}) end as if the hang-up had been seen: the consulted phone's ends the consult, the
   * consulting agent's hands the call over.
   */
  void adoptedGone(Set<String> liveCallIds) {
    adopted.retainAll(live.keySet());
    for (ContactId contact : Set.copyOf(adopted)) {
      Live consult = live.get(contact);
      if (consult == null) {
        continue;
      }
      if (!liveCallIds.contains(AgentPhones.callIdOf(consult.ringId()))) {
        log.info("consulted phone of {} hung up unseen by this instance", contact);
        phoneEnded(contact, consult.ringId());
      } else if (consult.leg() != null && !liveCallIds.contains(consult.leg().agentCallId())) {
        log.info("agent of {} hung up during the consult unseen by this instance", contact);
        agentLeft(consult.leg().agentCallId(), 0);
      }
    }
  }

  /** Forgets the consults of the last term (a new term restores what goes on). */
  void forget() {
    live.clear();
    adopted.clear();
  }

  private void handOver(ContactId contact, Offer call, Live consult, boolean lost) {
    String agentId = consult.fromAgent();
    live.remove(contact);
    JdbcContacts.Part part = contacts.part(contact, agentId).orElse(null);
    Offer taken =
        term.distributor()
            .completeConsult(new AgentId(agentId), domainId(contact), lost)
            .orElseThrow(
                () -> new ContactNotOfferedException("agent " + agentId + " has no consult"));
    Instant now = clock.instant();
    String fromQueue = call.contact().queue().value();
    String toQueue = taken.contact().queue().value();
    String toAgent = consult.toAgent();
    tx.executeWithoutResult(
        status -> {
          stored.ended(contact);
          Instant answered = contacts.markCompleted(contact, agentId, now).orElse(now);
          long handled = Duration.between(answered, now).toMillis();
          long transfer =
              contacts.recordTransfer(contact, fromQueue, toQueue, agentId, part, now, toAgent);
          contacts.connectTransferred(contact, toAgent, toQueue, now, transfer);
          var channel = channel(call.contact().channel());
          events.publishEvent(
              new ContactCompleted(contact, channel, fromQueue, agentId, handled, now));
          events.publishEvent(
              new ContactTransferred(
                  contact, channel, fromQueue, toQueue, agentId, handled, now, toAgent));
          events.publishEvent(new ContactAccepted(contact, channel, toQueue, toAgent, 0, now));
        });
    log.info(
        "agent {} handed call {} to agent {} in {}{}",
        agentId,
        contact,
        toAgent,
        toQueue,
        lost ? " (lost during the consult)" : "");
    if (lost) {
      statuses.notice(toAgent, AgentStatus.CONSULT_TRANSFERRED_AGENT_LOST);
      statuses.notice(agentId, AgentStatus.TRANSFERRED_WHEN_LOST);
    }
    statuses.announce(toAgent);
    kick.run();
  }

  private void end(ContactId contact, Live consult, boolean inAsterisk) {
    live.remove(contact);
    stored.ended(contact);
    if (inAsterisk) {
      calls.end(consult.ringId(), consult.leg() == null ? null : consult.leg().agentChannel());
    } else {
      calls.end(consult.ringId(), null);
    }
    term.distributor().endConsult(domainId(contact));
    statuses.announce(consult.toAgent());
    statuses.announce(consult.fromAgent());
    kick.run();
  }

  private Offer openCall(AgentId agent, ContactId contact) {
    return term.distributor().connected().stream()
        .filter(o -> o.contact().id().equals(domainId(contact)) && o.agent().equals(agent))
        .findFirst()
        .orElseThrow(
            () ->
                new ContactNotOfferedException(
                    "agent " + agent.value() + " has no open call " + contact));
  }

  private Live consultOf(String agentId, ContactId contact) {
    return Optional.ofNullable(live.get(contact))
        .filter(c -> c.fromAgent().equals(agentId))
        .orElseThrow(
            () ->
                new ConsultRefusedException(
                    "no-consult", "no consult about call " + contact + " is in progress"));
  }

  private static RuntimeException refused(ConsultDecision.Refused refused) {
    return switch (refused.reason()) {
      case NOT_YOUR_CALL -> new ContactNotOfferedException(refused.message());
      case ALREADY_CONSULTING ->
          new ConsultRefusedException("already-consulting", refused.message());
      case SAME_AGENT -> new ConsultRefusedException("same-agent", refused.message());
      case AGENT_NOT_FREE -> new ConsultRefusedException("agent-not-free", refused.message());
      case NO_FREE_AGENT -> new ConsultRefusedException("no-free-agent", refused.message());
    };
  }
}

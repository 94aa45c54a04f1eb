package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.channel;
import static io.contactcenter.routing.internal.RoutingTypes.domainId;

import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.CallbackAttempted;
import io.contactcenter.routing.CallbackCompleted;
import io.contactcenter.routing.CallbackOutcome;
import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactCompleted;
import io.contactcenter.routing.ContactHandedBack;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactNotOfferedException;
import io.contactcenter.routing.WrapUp;
import io.contactcenter.routing.internal.domain.AcceptDecision;
import io.contactcenter.routing.internal.domain.AgentId;
import io.contactcenter.routing.internal.domain.ContactDistributor;
import io.contactcenter.routing.internal.domain.Offer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agent's answer to an offer (accept, reject, or their phone failed to take it) and the end of
 * the contact they took (complete, wrap-up). The distributor decides; the contact's row and events
 * follow in one transaction.
 */
final class ContactHandling {

  private static final Logger log = LoggerFactory.getLogger(ContactHandling.class);

  private final RoutingTerm term;
  private final AgentStatuses statuses;
  private final AgentDirectory agents;
  private final JdbcContacts contacts;
  private final List<OfferListener> offerListeners;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final HandleTimeAverage handleTime;
  private final Runnable kick;

  ContactHandling(
      RoutingTerm term,
      AgentStatuses statuses,
      AgentDirectory agents,
      JdbcContacts contacts,
      List<OfferListener> offerListeners,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock,
      HandleTimeAverage handleTime,
      Runnable kick) {
    this.term = term;
    this.statuses = statuses;
    this.agents = agents;
    this.contacts = contacts;
    this.offerListeners = offerListeners;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
    this.handleTime = handleTime;
    this.kick = kick;
  }

  AgentStatus accept(String agentId, ContactId contact) {
    AgentId agent = statuses.loggedIn(agentId);
    Instant now = clock.instant();
    AcceptDecision decision = term.distributor().accept(agent, domainId(contact));
    switch (decision) {
      case AcceptDecision.NotOffered notOffered -> {
        // A rang-out offer went back to waiting in the distributor; the database follows.
        tx.executeWithoutResult(status -> contacts.backToWaiting(contact, agentId));
        statuses.announce(agentId);
        kick.run();
        throw new ContactNotOfferedException(notOffered.reason());
      }
      case AcceptDecision.Connected connected -> {
        Offer offer = connected.offer();
        tx.executeWithoutResult(
            status -> {
              contacts.markConnected(contact, agentId, now);
              if (offer.contact().callback()) {
                // The agent's phone answered: the dialplan dials the customer now.
                contacts.startCallbackAttempt(contact, agentId, now);
              }
              events.publishEvent(
                  new ContactAccepted(
                      contact,
                      channel(offer.contact().channel()),
                      offer.contact().queue().value(),
                      agentId,
                      connected.waited().toMillis(),
                      now));
            });
        log.info("agent {} accepted contact {} after {}", agentId, contact, connected.waited());
      }
    }
    return statuses.announce(agentId);
  }

  AgentStatus reject(String agentId, ContactId contact) {
    Offer offer =
        term.distributor()
            .reject(statuses.loggedIn(agentId), domainId(contact))
            .orElseThrow(
                () ->
                    new ContactNotOfferedException(
                        "contact " + contact + " is not offered to agent " + agentId));
    tx.executeWithoutResult(status -> contacts.backToWaiting(contact, agentId));
    offerListeners.forEach(l -> l.offerEnded(offer));
    log.info("agent {} rejected contact {}", agentId, contact);
    kick.run();
    return statuses.announce(agentId);
  }

  /**
   * The agent's phone could not take the offered call (unreachable, busy, no answer): the contact
   * goes back to its place and the agent is set not ready with {@code reason}.
   */
  void phoneFailed(String agentId, ContactId contact, String reason) {
    AgentId agent = new AgentId(agentId);
    Optional<Offer> offer = term.distributor().reject(agent, domainId(contact));
    if (offer.isEmpty()) {
      return; // already rang out, withdrawn or answered
    }
    term.distributor().notReady(agent, reason);
    tx.executeWithoutResult(status -> contacts.backToWaiting(contact, agentId));
    offerListeners.forEach(l -> l.offerEnded(offer.get()));
    log.info("agent {} not ready: {} for contact {}", agentId, reason, contact);
    statuses.announce(agentId);
    kick.run();
  }

  AgentStatus complete(String agentId, ContactId contact) {
    AgentId agent = statuses.loggedIn(agentId);
    Instant now = clock.instant();
    Offer open =
        term.distributor().connected().stream()
            .filter(o -> o.contact().id().equals(domainId(contact)) && o.agent().equals(agent))
            .findFirst()
            .orElseThrow(
                () ->
                    new ContactNotOfferedException(
                        "agent " + agentId + " has no open contact " + contact));
    if (!term.distributor().complete(agent, domainId(contact))) {
      throw new ContactNotOfferedException("agent " + agentId + " has no open contact " + contact);
    }
    Duration wrapUp =
        agents.find(agentId).map(a -> Duration.ofSeconds(a.wrapUpSeconds())).orElse(Duration.ZERO);
    tx.executeWithoutResult(
        status -> {
          Instant answered = contacts.markCompleted(contact, agentId, now).orElse(now);
          handleTime.learn(Duration.between(answered, now).plus(wrapUp));
          if (open.contact().callback()) {
            contacts
                .endCallbackAttempt(contact, CallbackOutcome.ANSWERED.name(), now)
                .ifPresent(
                    a -> {
                      contacts.callbackAnswered(contact);
                      events.publishEvent(
                          new CallbackAttempted(
                              contact,
                              a.queue(),
                              a.attempt(),
                              agentId,
                              CallbackOutcome.ANSWERED,
                              null,
                              now));
                      events.publishEvent(
                          new CallbackCompleted(contact, a.queue(), a.attempt(), agentId, now));
                    });
          }
          events.publishEvent(
              new ContactCompleted(
                  contact,
                  channel(open.contact().channel()),
                  open.contact().queue().value(),
                  agentId,
                  Duration.between(answered, now).toMillis(),
                  now));
        });
    term.forget(contact);
    log.info("agent {} completed contact {}", agentId, contact);
    kick.run();
    return statuses.announce(agentId);
  }

  /**
   * The agent's side of the call was lost (ADR 0052): the contact waits again at its original
   * place, the agent is not ready ({@link ContactDistributor#CONNECTION_LOST}); on the routing
   * thread.
   *
   * @return false when no agent holds the contact
   */
  boolean handBack(ContactId contact) {
    Optional<Offer> lost = term.distributor().handBack(domainId(contact));
    if (lost.isEmpty()) {
      return false;
    }
    Offer call = lost.get();
    String agentId = call.agent().value();
    Instant now = clock.instant();
    tx.executeWithoutResult(
        status -> {
          Instant answered = contacts.part(contact, agentId).map(p -> p.answeredAt()).orElse(now);
          contacts.handBack(contact, agentId, now);
          events.publishEvent(
              new ContactHandedBack(
                  contact,
                  channel(call.contact().channel()),
                  call.contact().queue().value(),
                  agentId,
                  Duration.between(answered, now).toMillis(),
                  now));
        });
    log.info("call {} lost its agent {}: back in queue at its place", contact, agentId);
    statuses.announce(agentId);
    kick.run();
    return true;
  }

  AgentStatus wrapUp(String agentId, ContactId contact, WrapUp wrapUp) {
    AgentId agent = statuses.loggedIn(agentId);
    boolean open =
        term.distributor().connected().stream()
            .anyMatch(o -> o.contact().id().equals(domainId(contact)) && o.agent().equals(agent));
    if (open) {
      complete(agentId, contact);
    }
    Boolean saved =
        tx.execute(
            status -> contacts.saveWrapUp(contact, agentId, wrapUp.disposition(), wrapUp.notes()));
    if (!Boolean.TRUE.equals(saved)) {
      throw new ContactNotOfferedException(
          "contact " + contact + " was never agent " + agentId + "'s");
    }
    term.distributor().endWrapUp(agent);
    kick.run();
    return statuses.announce(agentId);
  }
}

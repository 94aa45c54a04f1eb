package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.profile;
import static io.contactcenter.routing.internal.RoutingTypes.publicId;

import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStateConflictException;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.AgentStoppedTakingContacts;
import io.contactcenter.routing.UnknownAgentException;
import io.contactcenter.routing.internal.domain.AgentId;
import io.contactcenter.routing.internal.domain.Offer;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agent logs in or out and goes ready or not ready. Offers an agent held when logging out go
 * back to waiting, in the database too; going not ready or offline is announced in process ({@link
 * AgentStoppedTakingContacts}) even while the agent holds contacts.
 */
final class AgentPresenceChanges {

  private static final Logger log = LoggerFactory.getLogger(AgentPresenceChanges.class);

  private final RoutingTerm term;
  private final AgentStatuses statuses;
  private final AgentDirectory agents;
  private final JdbcContacts contacts;
  private final List<OfferListener> offerListeners;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Runnable kick;

  AgentPresenceChanges(
      RoutingTerm term,
      AgentStatuses statuses,
      AgentDirectory agents,
      JdbcContacts contacts,
      List<OfferListener> offerListeners,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock,
      Runnable kick) {
    this.term = term;
    this.statuses = statuses;
    this.agents = agents;
    this.contacts = contacts;
    this.offerListeners = offerListeners;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
    this.kick = kick;
  }

  AgentStatus logIn(String agentId) {
    AgentSettings settings =
        agents
            .find(agentId)
            .orElseThrow(
                () ->
                    new UnknownAgentException(
                        "user " + agentId + " has no agent profile; an admin creates one"));
    term.distributor().logIn(profile(settings));
    log.info("agent {} logged in", agentId);
    return statuses.announce(agentId);
  }

  AgentStatus logOut(String agentId) {
    if (!term.distributor().knows(new AgentId(agentId))) {
      return statuses.status(agentId);
    }
    List<Offer> withdrawn = term.distributor().logOut(new AgentId(agentId));
    tx.executeWithoutResult(
        status -> {
          withdrawn.forEach(o -> contacts.backToWaiting(publicId(o.contact().id()), agentId));
          events.publishEvent(
              new AgentStoppedTakingContacts(agentId, AgentState.OFFLINE, "", clock.instant()));
        });
    withdrawn.forEach(o -> offerListeners.forEach(l -> l.offerEnded(o)));
    log.info("agent {} logged out", agentId);
    kick.run();
    return statuses.announce(agentId);
  }

  AgentStatus ready(String agentId) {
    try {
      term.distributor().ready(statuses.loggedIn(agentId));
    } catch (IllegalStateException loggedOut) {
      throw new AgentStateConflictException(loggedOut.getMessage());
    }
    kick.run();
    return statuses.announce(agentId);
  }

  AgentStatus notReady(String agentId, String reason) {
    String why = reason == null || reason.isBlank() ? "not ready" : reason.strip();
    if (why.length() > 100) {
      throw new IllegalArgumentException("a not-ready reason is at most 100 characters");
    }
    try {
      term.distributor().notReady(statuses.loggedIn(agentId), why);
    } catch (IllegalStateException loggedOut) {
      throw new AgentStateConflictException(loggedOut.getMessage());
    }
    tx.executeWithoutResult(
        status ->
            events.publishEvent(
                new AgentStoppedTakingContacts(
                    agentId, AgentState.NOT_READY, why, clock.instant())));
    return statuses.announce(agentId);
  }
}

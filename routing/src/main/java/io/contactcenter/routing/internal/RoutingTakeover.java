package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.profile;

import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.internal.domain.AgentId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change of term (ADR 0030), on the routing thread: what this instance held is forgotten, and
 * when it takes the lead the waiting order is rebuilt from PostgreSQL (waiting contacts at their
 * original enqueue time) and the agents from Redis, who get back the chats and tickets they held.
 */
final class RoutingTakeover {

  /** What a take-over found: contacts waiting again, contacts given back to agents. */
  record Rebuilt(int waiting, int held) {}

  private final RoutingTerm term;
  private final AgentStatuses statuses;
  private final CallbackAttempts callbacks;
  private final RoutingPass pass;
  private final AgentDirectory agents;
  private final JdbcContacts contacts;
  private final RedisAgentPresence presence;
  private final TransactionTemplate tx;
  private final Clock clock;

  RoutingTakeover(
      RoutingTerm term,
      AgentStatuses statuses,
      CallbackAttempts callbacks,
      RoutingPass pass,
      AgentDirectory agents,
      JdbcContacts contacts,
      RedisAgentPresence presence,
      TransactionTemplate tx,
      Clock clock) {
    this.term = term;
    this.statuses = statuses;
    this.callbacks = callbacks;
    this.pass = pass;
    this.agents = agents;
    this.contacts = contacts;
    this.presence = presence;
    this.tx = tx;
    this.clock = clock;
  }

  /** Forgets what the last term held and rebuilds this one's from storage. */
  Rebuilt rebuild() {
    forget();
    // The restore below has just read every waiting row.
    pass.lookedForOrphans();
    Instant now = clock.instant();
    List<JdbcContacts.Open> open = tx.execute(status -> contacts.reopenAfterRestart(now));
    for (JdbcContacts.Open c : open == null ? List.<JdbcContacts.Open>of() : open) {
      term.restore(c);
    }
    presence
        .all()
        .forEach(
            (agentId, stored) -> {
              Optional<AgentSettings> settings = agents.find(agentId);
              if (settings.isEmpty()) {
                return;
              }
              term.distributor().logIn(profile(settings.get()));
              if (stored.state() == AgentState.NOT_READY) {
                term.distributor().notReady(new AgentId(agentId), stored.reason());
              } else {
                term.distributor().ready(new AgentId(agentId));
              }
              statuses.restored(agentId, stored);
            });
    int held = 0;
    for (JdbcContacts.Held h : contacts.held()) {
      if (term.restoreHeld(h)) {
        held++;
      }
    }
    return new Rebuilt(open == null ? 0 : open.size(), held);
  }

  /** Drops what this instance held: a new term starts from storage. */
  void forget() {
    term.reset();
    statuses.forget();
    callbacks.forget();
  }
}

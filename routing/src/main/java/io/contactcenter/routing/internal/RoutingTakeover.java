package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.profile;

import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.internal.domain.AgentId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change of term (ADR 0030), on the routing thread: what this instance held is forgotten, and
 * when it takes the lead the waiting order is rebuilt from PostgreSQL (waiting contacts at their
 * original enqueue time) and the agents from Redis, who get back the contacts they held. Calls are
 * kept too when Asterisk can say which channels are up (ADR 0043): a caller on hold waits again at
 * the original place, a call bridged to an agent stays the agent's; the ones whose channel ended
 * meanwhile are handed back in {@link Rebuilt} to be abandoned or completed.
 */
final class RoutingTakeover {

  private static final Logger log = LoggerFactory.getLogger(RoutingTakeover.class);

  /** Which calls Asterisk has up now. */
  interface LiveCalls {
    /**
     * The call ids of the channels up (the reference of a voice contact).
     *
     * @throws RuntimeException when Asterisk cannot be asked
     */
    Set<String> callIds();
  }

  /**
   * What a take-over found: contacts waiting again, contacts given back to agents, and the calls
   * among them whose caller left while no instance routed: waiting ones ({@code callsLeft}, to be
   * abandoned) and ones bridged to an agent ({@code callsEnded}, to be completed).
   */
  record Rebuilt(
      int waiting, int held, List<ContactId> callsLeft, List<JdbcContacts.Held> callsEnded) {}

  private final RoutingTerm term;
  private final AgentStatuses statuses;
  private final CallbackAttempts callbacks;
  private final RoutingPass pass;
  private final AgentDirectory agents;
  private final JdbcContacts contacts;
  private final RedisAgentPresence presence;
  private final TransactionTemplate tx;
  private final LiveCalls liveCalls;
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
      LiveCalls liveCalls,
      Clock clock) {
    this.term = term;
    this.statuses = statuses;
    this.callbacks = callbacks;
    this.pass = pass;
    this.agents = agents;
    this.contacts = contacts;
    this.presence = presence;
    this.tx = tx;
    this.liveCalls = liveCalls;
    this.clock = clock;
  }

  /** Forgets what the last term held and rebuilds this one's from storage. */
  Rebuilt rebuild() {
    forget();
    // The restore below has just read every waiting row.
    pass.lookedForOrphans();
    Instant now = clock.instant();
    Optional<Set<String>> live = liveCalls();
    List<JdbcContacts.Open> open =
        tx.execute(status -> contacts.reopenAfterRestart(now, live.isPresent()));
    List<ContactId> callsLeft = new ArrayList<>();
    for (JdbcContacts.Open c : open == null ? List.<JdbcContacts.Open>of() : open) {
      // Restored even when the caller left: the abandon is then counted in the queue's statistics.
      if (term.restore(c) && c.channel() == ContactChannel.VOICE && c.callbackNumber() == null) {
        term.adoptCall(c.id());
        if (callGone(c, live)) {
          callsLeft.add(c.id());
        }
      }
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
    List<JdbcContacts.Held> callsEnded = new ArrayList<>();
    for (JdbcContacts.Held h : contacts.held(live.isPresent())) {
      if (term.restoreHeld(h)) {
        held++;
        if (h.contact().channel() == ContactChannel.VOICE) {
          term.adoptCall(h.contact().id());
        }
        if (callGone(h.contact(), live)) {
          callsEnded.add(h);
        }
      }
    }
    return new Rebuilt(open == null ? 0 : open.size(), held, callsLeft, callsEnded);
  }

  /** The channels Asterisk has up; empty when it cannot be asked (calls are then not kept). */
  private Optional<Set<String>> liveCalls() {
    try {
      return Optional.of(liveCalls.callIds());
    } catch (RuntimeException e) {
      // Usual at an instance's start, before its AMI connection is up.
      log.info(
          "Asterisk cannot say which calls are up ({}): calls on hold are cancelled", e.toString());
      return Optional.empty();
    }
  }

  /** Whether the contact is a call whose channel Asterisk no longer has. */
  static boolean callGone(JdbcContacts.Open c, Optional<Set<String>> live) {
    String prefix = ContactId.of(ContactChannel.VOICE, "").value();
    return c.channel() == ContactChannel.VOICE
        && live.isPresent()
        && c.id().value().startsWith(prefix)
        && !live.get().contains(c.id().value().substring(prefix.length()));
  }

  /** Drops what this instance held: a new term starts from storage. */
  void forget() {
    term.reset();
    statuses.forget();
    callbacks.forget();
  }
}

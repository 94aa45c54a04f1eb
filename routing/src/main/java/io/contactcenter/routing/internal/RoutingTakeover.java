package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.profile;

import io.contactcenter.pbx.AgentPhones;
import io.contactcenter.pbx.LiveChannels;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.internal.domain.AgentId;
import io.contactcenter.routing.internal.domain.RingAtTakeover;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

  private static final String VOICE_PREFIX = ContactId.of(ContactChannel.VOICE, "").value();

  /** Which calls Asterisk has up now. */
  interface LiveCalls {
    /**
     * The channels up (a voice contact's reference is its caller's call id; an agent's ring is
     * {@code cc-ring-<ring id>}) and which of them are answered.
     *
     * @throws RuntimeException when Asterisk cannot be asked
     */
    LiveChannels channels();

    /** Whether Asterisk's manager connection is being made: the answer may be a moment away. */
    default boolean connecting() {
      return false;
    }
  }

  /** How often a take-over asks again while Asterisk's manager connection is being made. */
  static final Duration ASTERISK_RETRY = Duration.ofMillis(250);

  /** Hangs up the agent's leg of a ring the last term left behind; nothing if it is over. */
  interface StrayRings {
    void stop(String ringId);
  }

  /**
   * What a take-over found: contacts waiting again, contacts given back to agents, and the calls
   * among them whose caller left while no instance routed: waiting ones ({@code callsLeft}, to be
   * abandoned) and ones bridged to an agent ({@code callsEnded}, to be completed); the calls whose
   * agent's phone had answered unseen ({@code callsAnswered}, offered to that agent again, to be
   * accepted); and the attended transfers that go on ({@code consults}, to be restored once those
   * calls are their agents' again).
   */
  record Rebuilt(
      int waiting,
      int held,
      List<ContactId> callsLeft,
      List<JdbcTakeoverReads.Held> callsEnded,
      List<JdbcTakeoverReads.RungCall> callsAnswered,
      List<TakeoverConsults.Kept> consults) {}

  private final RoutingTerm term;
  private final AgentStatuses statuses;
  private final CallbackAttempts callbacks;
  private final RoutingPass pass;
  private final AgentDirectory agents;
  private final JdbcContacts contacts;
  private final JdbcTakeoverReads reads;
  private final TakeoverConsults consults;
  private final RedisAgentPresence presence;
  private final TransactionTemplate tx;
  private final LiveCalls liveCalls;
  private final StrayRings strayRings;
  private final Duration asteriskWait;
  private final Clock clock;

  RoutingTakeover(
      RoutingTerm term,
      AgentStatuses statuses,
      CallbackAttempts callbacks,
      RoutingPass pass,
      AgentDirectory agents,
      JdbcContacts contacts,
      JdbcTakeoverReads reads,
      JdbcConsults consults,
      RedisAgentPresence presence,
      TransactionTemplate tx,
      LiveCalls liveCalls,
      StrayRings strayRings,
      Duration asteriskWait,
      Clock clock) {
    this.term = term;
    this.statuses = statuses;
    this.callbacks = callbacks;
    this.pass = pass;
    this.agents = agents;
    this.contacts = contacts;
    this.reads = reads;
    this.consults = new TakeoverConsults(consults, strayRings);
    this.presence = presence;
    this.tx = tx;
    this.liveCalls = liveCalls;
    this.strayRings = strayRings;
    this.asteriskWait = asteriskWait;
    this.clock = clock;
  }

  /** Forgets what the last term held and rebuilds this one's from storage. */
  Rebuilt rebuild() {
    forget();
    // The restore below has just read every waiting row.
    pass.lookedForOrphans();
    Instant now = clock.instant();
    Optional<LiveChannels> channels = liveCalls();
    Optional<Set<String>> live = channels.map(LiveChannels::callIds);
    // Before the rung calls wait again: a phone still ringing stops first.
    List<JdbcTakeoverReads.RungCall> answered =
        channels.map(this::settleRings).orElse(List.<JdbcTakeoverReads.RungCall>of());
    Set<ContactId> stillOffered =
        answered.stream().map(r -> r.contact().id()).collect(Collectors.toSet());
    List<JdbcContacts.Open> open =
        tx.execute(status -> reads.reopenAfterRestart(now, live.isPresent(), stillOffered));
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
              if (stored.saved() != null) {
                // As the last term left them: a wrap-up still running, the idle order, a not
                // ready chosen during a contact (ADR 0053 addendum).
                term.distributor().resume(profile(settings.get()), stored.saved());
              } else if (stored.state() == AgentState.NOT_READY) {
                term.distributor().logIn(profile(settings.get()));
                term.distributor().notReady(new AgentId(agentId), stored.reason());
              } else {
                term.distributor().logIn(profile(settings.get()));
                term.distributor().ready(new AgentId(agentId));
              }
              statuses.restored(agentId, stored);
            });
    List<JdbcTakeoverReads.RungCall> callsAnswered = new ArrayList<>();
    for (JdbcTakeoverReads.RungCall r : answered) {
      if (term.restoreOffered(r)) {
        term.adoptCall(r.contact().id());
        callsAnswered.add(r);
      } else {
        // The agent is not logged in (any more): the call waits again, as a rung-out one does.
        tx.executeWithoutResult(status -> contacts.backToWaiting(r.contact().id(), r.agentId()));
        if (term.restore(r.contact())) {
          term.adoptCall(r.contact().id());
        }
      }
    }
    int held = 0;
    List<JdbcTakeoverReads.Held> callsEnded = new ArrayList<>();
    for (JdbcTakeoverReads.Held h : reads.held(live.isPresent())) {
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
    List<TakeoverConsults.Kept> kept = consults.settle(channels);
    return new Rebuilt(
        open == null ? 0 : open.size(), held, callsLeft, callsEnded, callsAnswered, kept);
  }

  /**
   * The calls the last term had rung an agent's phone for (ADR 0043): a ring still going is stopped
   * (the call waits again), a phone that answered keeps the call (returned, to be given to its
   * agent).
   */
  private List<JdbcTakeoverReads.RungCall> settleRings(LiveChannels channels) {
    List<JdbcTakeoverReads.RungCall> answered = new ArrayList<>();
    for (JdbcTakeoverReads.RungCall r : reads.rungCalls()) {
      RingAtTakeover decision = decide(r, channels);
      if (decision.stopRing()) {
        log.info(
            "stopping ring {} of agent {} for {} left by the last routing term",
            r.ringId(),
            r.agentId(),
            r.contact().id());
        strayRings.stop(r.ringId());
      }
      if (decision.outcome() == RingAtTakeover.Outcome.ANSWERED) {
        log.info(
            "agent {} answered {} (ring {}) unseen by this instance",
            r.agentId(),
            r.contact().id(),
            r.ringId());
        answered.add(r);
      }
    }
    return answered;
  }

  /** What to do with a rung call, given the channels Asterisk has up. */
  static RingAtTakeover decide(JdbcTakeoverReads.RungCall r, LiveChannels channels) {
    String caller = r.contact().id().value().substring(VOICE_PREFIX.length());
    String leg = AgentPhones.callIdOf(r.ringId());
    return RingAtTakeover.decide(channels.has(caller), channels.has(leg), channels.isAnswered(leg));
  }

  /**
   * The channels Asterisk has up; empty when it cannot be asked (calls are then not kept). At an
   * instance's start the AMI login is usually still under way: waited for, up to {@code
   * asteriskWait}.
   */
  private Optional<LiveChannels> liveCalls() {
    return AsteriskLook.ask(
        liveCalls::channels, liveCalls::connecting, asteriskWait, ASTERISK_RETRY);
  }

  /** Whether the contact is a call whose channel Asterisk no longer has. */
  static boolean callGone(JdbcContacts.Open c, Optional<Set<String>> live) {
    return c.channel() == ContactChannel.VOICE
        && live.isPresent()
        && c.id().value().startsWith(VOICE_PREFIX)
        && !live.get().contains(c.id().value().substring(VOICE_PREFIX.length()));
  }

  /** Drops what this instance held: a new term starts from storage. */
  void forget() {
    term.reset();
    statuses.forget();
    callbacks.forget();
  }
}

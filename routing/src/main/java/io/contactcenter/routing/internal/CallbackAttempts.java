package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.domainId;

import io.contactcenter.routing.CallbackAttempted;
import io.contactcenter.routing.CallbackGivenUp;
import io.contactcenter.routing.CallbackOutcome;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.internal.domain.AgentId;
import io.contactcenter.routing.internal.domain.CallbackRetryPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Callback attempts after the first ring: an attempt the customer did not answer is settled by the
 * {@link CallbackRetryPolicy} (the next attempt later, or given up), a callback whose next attempt
 * is due waits again at its original place, and an attempt left in progress by an instance that
 * stopped is settled as interrupted.
 */
final class CallbackAttempts {

  private static final Logger log = LoggerFactory.getLogger(CallbackAttempts.class);

  /**
   * What recovery of callbacks needs to know of Asterisk and of this instance's rings: a callback
   * attempt in progress on an instance that died is settled once its agent's call is gone.
   */
  interface CallbackRecovery {
    /**
     * The ring ids of the agents' calls Asterisk has up.
     *
     * @throws RuntimeException when Asterisk cannot be asked (nothing is settled then)
     */
    Set<String> liveRings();

    /** Whether this instance rang it (then its own events settle it). */
    boolean isOurs(String ringId);
  }

  private final RoutingTerm term;
  private final QueueCatalog queues;
  private final AgentStatuses statuses;
  private final ContactHandling handling;
  private final JdbcContacts contacts;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final CallbackRetryPolicy callbackPolicy;
  private final CallbackRecovery recovery;
  private final Runnable kick;
  // Runs work on the routing thread.
  private final Consumer<Runnable> submit;
  // When the next look for callbacks whose next attempt is due may run (routing thread only).
  private Instant nextDueLook = Instant.MIN;
  // Rings of other (dead?) instances' callbacks seen without a channel in Asterisk, and since when.
  private final Map<String, Instant> ringsMissing = new ConcurrentHashMap<>();

  CallbackAttempts(
      RoutingTerm term,
      QueueCatalog queues,
      AgentStatuses statuses,
      ContactHandling handling,
      JdbcContacts contacts,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock,
      CallbackRetryPolicy callbackPolicy,
      CallbackRecovery recovery,
      Runnable kick,
      Consumer<Runnable> submit) {
    this.term = term;
    this.queues = queues;
    this.statuses = statuses;
    this.handling = handling;
    this.contacts = contacts;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
    this.callbackPolicy = callbackPolicy;
    this.recovery = recovery;
    this.kick = kick;
    this.submit = submit;
  }

  /**
   * The agent's call for a callback ended with the Q.850 {@code cause} the dialplan gave it: the
   * contact is complete if the customer answered; else the agent's part ends (wrap-up as after any
   * contact) and the callback waits for its next attempt or is given up, by the policy.
   */
  void callEnded(String agentId, ContactId contact, int cause) {
    boolean theirs =
        term.distributor().connected().stream()
            .anyMatch(
                o ->
                    o.contact().id().equals(domainId(contact))
                        && o.agent().value().equals(agentId));
    if (!theirs) {
      return;
    }
    CallbackRetryPolicy.Outcome outcome = CallbackRetryPolicy.Outcome.ofCause(cause);
    if (outcome == CallbackRetryPolicy.Outcome.ANSWERED) {
      handling.complete(agentId, contact);
      return;
    }
    AgentId agent = new AgentId(agentId);
    term.distributor().complete(agent, domainId(contact));
    term.forget(contact);
    settleUnanswered(contact, CallbackOutcome.valueOf(outcome.name()), clock.instant());
    log.info("callback {} not answered by the customer (cause {}): {}", contact, cause, outcome);
    kick.run();
    statuses.announce(agentId);
  }

  /**
   * Ends the callback's attempt in progress as not answered and, by the policy, schedules the next
   * attempt or gives the callback up. Nothing happens when another instance settled it first.
   */
  private void settleUnanswered(ContactId id, CallbackOutcome outcome, Instant now) {
    tx.executeWithoutResult(
        status -> {
          Optional<JdbcContacts.EndedAttempt> ended =
              contacts.endCallbackAttempt(id, outcome.name(), now);
          if (ended.isEmpty()) {
            return;
          }
          JdbcContacts.EndedAttempt a = ended.get();
          Predicate<Instant> open = queues.openAt(a.queue());
          CallbackRetryPolicy.Decision decision =
              callbackPolicy.after(
                  a.attempt(), CallbackRetryPolicy.Outcome.valueOf(outcome.name()), now, open);
          switch (decision) {
            case CallbackRetryPolicy.RetryAt retry -> {
              if (!contacts.scheduleCallback(id, retry.at())) {
                status.setRollbackOnly();
                return;
              }
              events.publishEvent(
                  new CallbackAttempted(
                      id, a.queue(), a.attempt(), a.agentId(), outcome, retry.at(), now));
              log.info(
                  "callback {} attempt {} {}: next at {}", id, a.attempt(), outcome, retry.at());
            }
            case CallbackRetryPolicy.GiveUp giveUp -> {
              if (!contacts.giveUpCallback(id, giveUp.reason(), now)) {
                status.setRollbackOnly();
                return;
              }
              events.publishEvent(
                  new CallbackAttempted(
                      id, a.queue(), a.attempt(), a.agentId(), outcome, null, now));
              events.publishEvent(
                  new CallbackGivenUp(id, a.queue(), a.attempt(), giveUp.reason(), now));
              log.info(
                  "callback {} given up after attempt {}: {}", id, a.attempt(), giveUp.reason());
            }
            case CallbackRetryPolicy.Completed done -> {
              // Only an answered attempt completes; it never comes here.
            }
          }
        });
  }

  /** Puts callbacks whose next attempt is due back in the waiting order (routing thread). */
  void restoreDue() {
    Instant now = clock.instant();
    if (now.isBefore(nextDueLook)) {
      return;
    }
    nextDueLook = now.plusSeconds(1);
    List<JdbcContacts.Open> due = tx.execute(status -> contacts.claimDueCallbacks(now));
    for (JdbcContacts.Open c : due == null ? List.<JdbcContacts.Open>of() : due) {
      try {
        if (term.restore(c)) {
          log.info("callback {} is due again; it waits at its original place", c.id());
        } else {
          log.warn("callback {} is due, but its queue {} is unknown here", c.id(), c.queue());
        }
      } catch (IllegalArgumentException alreadyHere) {
        // Already in this instance's order: it is not lost, and the other due ones still come.
        log.warn("callback {} is due, but already waiting: {}", c.id(), alreadyHere.getMessage());
      }
    }
  }

  /**
   * One look for callback attempts that an instance which stopped left in progress: a ring that is
   * no instance's here and that Asterisk has not had in two looks 5 s apart (its own instance
   * settles an attempt within moments of its end) is settled as an interrupted attempt. It counts,
   * and the customer is called again only as the next attempt, after the retry interval.
   */
  void recover() {
    List<JdbcContacts.RungCallback> rung =
        contacts.rungCallbacks().stream().filter(r -> !recovery.isOurs(r.ringId())).toList();
    ringsMissing.keySet().retainAll(rung.stream().map(JdbcContacts.RungCallback::ringId).toList());
    if (rung.isEmpty()) {
      return;
    }
    Set<String> live = recovery.liveRings();
    Instant now = clock.instant();
    for (JdbcContacts.RungCallback r : rung) {
      if (live.contains(r.ringId())) {
        ringsMissing.remove(r.ringId());
        continue;
      }
      Instant since = ringsMissing.putIfAbsent(r.ringId(), now);
      if (since != null && !now.isBefore(since.plusSeconds(5))) {
        ringsMissing.remove(r.ringId());
        submit.accept(
            () -> {
              if (recovery.isOurs(r.ringId())) {
                return;
              }
              Instant at = clock.instant();
              // Counted even if the agent's phone never answered: nobody knows.
              tx.executeWithoutResult(
                  status -> contacts.startCallbackAttempt(r.id(), r.agentId(), at));
              log.warn(
                  "callback {} attempt (ring {}) was in progress on an instance that stopped;"
                      + " settled as interrupted",
                  r.id(),
                  r.ringId());
              settleUnanswered(r.id(), CallbackOutcome.INTERRUPTED, at);
            });
      }
    }
  }

  /** The term ended: rings seen missing are forgotten and due callbacks are looked for at once. */
  void forget() {
    ringsMissing.clear();
    nextDueLook = Instant.MIN;
  }
}

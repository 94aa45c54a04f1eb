package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.domainId;

import io.contactcenter.common.OpeningHours;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentStateConflictException;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ConsultTarget;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactNotOfferedException;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.QueuePlace;
import io.contactcenter.routing.QueueServiceLevel;
import io.contactcenter.routing.UnknownAgentException;
import io.contactcenter.routing.WaitingContact;
import io.contactcenter.routing.WithdrawReason;
import io.contactcenter.routing.WrapUp;
import io.contactcenter.routing.internal.domain.CallbackRetryPolicy;
import io.contactcenter.routing.internal.domain.ContactDistributor;
import io.contactcenter.routing.internal.domain.Offer;
import io.contactcenter.routing.internal.domain.PriorityPolicy;
import io.contactcenter.routing.internal.domain.QueueDefinition;
import io.contactcenter.routing.internal.domain.QueueId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ACD: the pure {@link ContactDistributor} decides; the engine stores each step in PostgreSQL
 * (a conditional UPDATE per change, so one contact is reserved by one agent across instances),
 * mirrors presence to Redis, announces events and runs routing passes on its own thread: after each
 * change and every {@code cc.routing.pass-interval}. It routes only while this instance leads
 * ({@link #lead}, ADR 0030): it then rebuilds the waiting order and the agents from PostgreSQL and
 * Redis; other instances forward the routing API to it ({@link RoutingFront}).
 *
 * <p>This class owns the routing thread and the leadership terms and hands the routing API to its
 * parts: {@link ContactIntake} (enqueue, withdraw, callbacks asked for), {@link QueueSnapshots}
 * (service levels, waiting contacts, places), {@link AgentPresenceChanges} (log in and out, ready,
 * not ready), {@link ContactHandling} (answers to offers, completion, wrap-up), {@link
 * ContactTransfers} (a call sent back into a queue), {@link RoutingPass}, {@link CallbackAttempts}
 * (attempts after the first) and {@link AgentStatuses} (what agents see and what is announced);
 * what a term holds is in its {@link RoutingTerm}.
 */
final class RoutingEngine implements RoutingFront.Engine, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RoutingEngine.class);

  private final QueueCatalog queues;
  private final RoutingTerm term;
  private final Duration passInterval;
  private final AgentStatuses statuses;
  private final ContactIntake intake;
  private final QueueSnapshots snapshots;
  private final AgentPresenceChanges presenceChanges;
  private final ContactHandling handling;
  private final ContactTransfers transfers;
  private final ContactConsults consults;
  private final CallbackAttempts callbacks;
  private final RoutingPass routingPass;
  private final RoutingTakeover takeover;
  private final RoutingTakeover.LiveCalls liveCalls;
  private final RoutingThread routingThread = new RoutingThread(this::pass);
  // The lifecycle (whether this instance routes now: the routing thread's running).
  private volatile boolean started;
  private final ScheduledExecutorService recoveries =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "routing-callback-recovery");
            thread.setDaemon(true);
            return thread;
          });

  RoutingEngine(
      List<QueueDefinition> queueDefinitions,
      Map<QueueId, OpeningHours> queueHours,
      AgentDirectory agents,
      JdbcContacts contacts,
      JdbcTakeoverReads takeoverReads,
      JdbcConsults consultStore,
      RedisAgentPresence presence,
      List<OfferListener> offerListeners,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      RoutingProperties config,
      CallbackAttempts.CallbackRecovery recovery,
      JdbcContacts.Fence fence,
      RoutingTakeover.LiveCalls liveCalls,
      RoutingTakeover.StrayRings strayRings,
      ContactConsults.ConsultCalls consultCalls,
      Clock clock) {
    PriorityPolicy priorities =
        new PriorityPolicy(config.vipWeight(), PriorityPolicy.defaults().channelWeights());
    // The first term's distributor checks the queues: none twice, none overflows to an unknown one.
    ContactDistributor first =
        new ContactDistributor(clock, priorities, config.ringTimeout(), queueDefinitions);
    this.queues = new QueueCatalog(queueDefinitions, queueHours, priorities, clock);
    this.term = new RoutingTerm(queues, first, config.ringTimeout(), clock);
    this.passInterval = config.passInterval();
    List<OfferListener> listeners = List.copyOf(offerListeners);
    HandleTimeAverage handleTime = new HandleTimeAverage(config.averageHandleTime());
    this.statuses = new AgentStatuses(term, agents, presence, queues, events, tx, clock);
    this.intake =
        new ContactIntake(
            term, queues, statuses, contacts, listeners, events, tx, clock, this::kick);
    this.snapshots = new QueueSnapshots(term, queues, handleTime);
    this.presenceChanges =
        new AgentPresenceChanges(
            term, statuses, agents, contacts, listeners, events, tx, clock, this::kick);
    this.handling =
        new ContactHandling(
            term, statuses, agents, contacts, listeners, events, tx, clock, handleTime, this::kick);
    this.transfers =
        new ContactTransfers(
            term, queues, statuses, handling, intake, contacts, listeners, events, tx, clock);
    this.consults =
        new ContactConsults(
            term,
            queues,
            statuses,
            agents,
            contacts,
            consultStore,
            consultCalls,
            events,
            tx,
            clock,
            this::kick);
    this.callbacks =
        new CallbackAttempts(
            term,
            queues,
            statuses,
            handling,
            contacts,
            events,
            tx,
            clock,
            new CallbackRetryPolicy(config.callbackAttempts(), config.callbackRetryInterval()),
            recovery,
            this::kick,
            this::submit);
    this.routingPass =
        new RoutingPass(
            term, statuses, handling, callbacks, contacts, fence, listeners, events, tx, clock);
    this.liveCalls = liveCalls;
    this.takeover =
        new RoutingTakeover(
            term,
            statuses,
            callbacks,
            routingPass,
            agents,
            contacts,
            takeoverReads,
            consultStore,
            presence,
            tx,
            liveCalls,
            strayRings,
            config.takeoverAsteriskWait(),
            clock);
  }

  // ---- ContactRouting ----

  @Override
  public ContactId enqueue(NewContact contact) {
    return intake.enqueue(contact);
  }

  @Override
  public boolean withdraw(ContactId id, WithdrawReason reason) {
    return intake.withdraw(id, reason);
  }

  @Override
  public List<QueueServiceLevel> serviceLevels() {
    return snapshots.serviceLevels();
  }

  @Override
  public List<WaitingContact> waiting() {
    return snapshots.waiting();
  }

  @Override
  public boolean isOpen(String queue) {
    return queues.isOpen(queue);
  }

  /**
   * Adds a queue or replaces its definition and hours (an admin saved it): new contacts get its
   * weight, routing passes its steps and strategy at once.
   */
  void define(QueueDefinition definition, Optional<OpeningHours> openingHours) {
    term.distributor().define(definition);
    queues.put(definition, openingHours);
    log.info("queue {} defined", definition.id().value());
    kick();
  }

  @Override
  public boolean handBack(ContactId id) {
    return Boolean.TRUE.equals(
        onRoutingThread(
            () -> {
              // A consult about the call ends with it: the consulted phone, still ringing, is hung
              // up and its agent told why (ADR 0054).
              consults.callHandedBack(id);
              return handling.handBack(id);
            }));
  }

  /** The ids of the queues there are. */
  Set<String> queueIds() {
    return queues.ids().stream().map(QueueId::value).collect(Collectors.toSet());
  }

  @Override
  public Optional<QueuePlace> place(ContactId id) {
    return snapshots.place(id);
  }

  @Override
  public boolean requestCallback(ContactId id, PhoneNumber number) {
    return intake.requestCallback(id, number);
  }

  /** The number to dial for a waiting callback, if the contact is one. */
  Optional<PhoneNumber> callbackNumber(ContactId id) {
    return term.callbackNumber(id);
  }

  @Override
  public boolean anyAgentLoggedInFor(String queue) {
    return statuses.anyAgentLoggedInFor(queue);
  }

  // ---- AgentDesk ----

  @Override
  public AgentStatus logIn(String agentId) {
    // Not the notice: a page opened after the agent's last one was lost reads it (ADR 0054).
    return presenceChanges.logIn(agentId);
  }

  @Override
  public AgentStatus logOut(String agentId) {
    statuses.clearNotice(agentId);
    return presenceChanges.logOut(agentId);
  }

  @Override
  public AgentStatus ready(String agentId) {
    statuses.clearNotice(agentId);
    return presenceChanges.ready(agentId);
  }

  @Override
  public AgentStatus notReady(String agentId, String reason) {
    statuses.clearNotice(agentId);
    return presenceChanges.notReady(agentId, reason);
  }

  /**
   * On the routing thread, so after the pass that made the offer has stored it: a pass reserves its
   * offers in memory first, where the agent's desk shows them at once, and stores them one by one;
   * an accept in between found the row still waiting, stored nothing, and after a change of leader
   * the contact, already handled, was offered again (RoutingInstancesIT's load, 2026-12-07).
   */
  @Override
  public AgentStatus accept(String agentId, ContactId contact) {
    return onRoutingThread(() -> acceptOnRoutingThread(agentId, contact));
  }

  /** {@link #accept} for work already on the routing thread. */
  AgentStatus acceptOnRoutingThread(String agentId, ContactId contact) {
    statuses.clearNotice(agentId);
    return handling.accept(agentId, contact);
  }

  @Override
  public AgentStatus reject(String agentId, ContactId contact) {
    return handling.reject(agentId, contact);
  }

  @Override
  public AgentStatus complete(String agentId, ContactId contact) {
    return handling.complete(agentId, contact);
  }

  @Override
  public AgentStatus transferToQueue(String agentId, ContactId contact, String queue) {
    return transfers.toQueue(agentId, contact, queue, this::onRoutingThread);
  }

  @Override
  public AgentStatus consult(String agentId, ContactId contact, ConsultTarget target) {
    return onRoutingThread(() -> consults.consult(agentId, contact, target));
  }

  @Override
  public AgentStatus completeConsult(String agentId, ContactId contact) {
    return onRoutingThread(() -> consults.complete(agentId, contact));
  }

  @Override
  public AgentStatus cancelConsult(String agentId, ContactId contact) {
    return onRoutingThread(() -> consults.cancel(agentId, contact));
  }

  /** See {@link ContactConsults#answered}; on the routing thread. */
  void consultAnswered(ContactId contact, String ringId) {
    consults.answered(contact, ringId);
  }

  /** See {@link ContactConsults#phoneEnded}; on the routing thread. */
  void consultPhoneEnded(ContactId contact, String ringId) {
    consults.phoneEnded(contact, ringId);
  }

  /** See {@link ContactConsults#agentLeft}; on the routing thread. */
  boolean consultingAgentLeft(String callId, int cause) {
    return consults.agentLeft(callId, cause);
  }

  /** Runs {@code work} on the routing thread and waits for it; its exception is rethrown. */
  private <T> T onRoutingThread(Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    try {
      routingThread.runAndWait(() -> result.set(work.get()));
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof RuntimeException failed) {
        throw failed;
      }
      throw e;
    }
    return result.get();
  }

  @Override
  public AgentStatus wrapUp(String agentId, ContactId contact, WrapUp wrapUp) {
    return handling.wrapUp(agentId, contact, wrapUp);
  }

  @Override
  public AgentStatus status(String agentId) {
    return statuses.status(agentId);
  }

  // ---- call events (on the routing thread, through submit) ----

  /** See {@link ContactHandling#phoneFailed}. */
  void phoneFailed(String agentId, ContactId contact, String reason) {
    handling.phoneFailed(agentId, contact, reason);
  }

  /**
   * The contact's call ended: the end of the agent's call when one took it, else the caller left
   * while waiting or ringing (abandoned, never offered again).
   */
  void callEnded(ContactId contact) {
    Optional<Offer> open =
        term.distributor().connected().stream()
            .filter(o -> o.contact().id().equals(domainId(contact)))
            .findFirst();
    if (open.isPresent()) {
      complete(open.get().agent().value(), contact);
      consults.callEnded(contact);
    } else if (term.isCallback(contact)) {
      // The caller hung up after asking for a callback: the contact keeps waiting.
      log.debug("caller of callback {} hung up; it keeps its place", contact);
    } else {
      withdraw(contact, WithdrawReason.CUSTOMER_LEFT);
    }
  }

  /** See {@link CallbackAttempts#callEnded}. */
  void callbackCallEnded(String agentId, ContactId contact, int cause) {
    callbacks.callEnded(agentId, contact, cause);
  }

  // ---- the routing thread ----

  /** One routing pass; see {@link RoutingPass#run}. */
  void pass() {
    routingPass.run();
  }

  /** Runs {@code work} on the routing thread (callers that must not wait, such as pbx events). */
  void submit(Runnable work) {
    routingThread.submit(work);
  }

  /** Runs a pass soon on the routing thread. */
  void kick() {
    routingThread.kick();
  }

  /** See {@link CallbackAttempts#recover}. */
  void recoverCallbacks() {
    callbacks.recover();
  }

  private void guardedRecovery() {
    if (!routingThread.running()) {
      return; // the leader settles them
    }
    try {
      recoverCallbacks();
    } catch (RuntimeException e) {
      // Asterisk or the database could not be asked: nothing is settled, the next look retries.
      log.debug("callback recovery skipped: {}", e.toString());
    }
    try {
      watchAdoptedCalls();
    } catch (RuntimeException e) {
      log.debug("adopted calls not looked at: {}", e.toString());
    }
  }

  /**
   * The calls this term took over from storage whose channel Asterisk no longer has end as if their
   * hang-up had been seen: this instance may not have tracked their channel (it started after the
   * call did), so it would never see that hang-up (ADR 0043). Asterisk is asked here, off the
   * routing thread; the ends are settled on it.
   */
  private void watchAdoptedCalls() {
    Set<ContactId> adopted = term.adoptedCalls();
    if (adopted.isEmpty() && !consults.anyAdopted()) {
      return;
    }
    Set<String> live = liveCalls.channels().callIds();
    submit(
        () -> {
          for (ContactId id : adopted) {
            String reference = id.value().substring(id.value().indexOf(':') + 1);
            if (!live.contains(reference) && term.dropAdopted(id)) {
              log.info("call {} ended unseen by this instance", id);
              callEnded(id);
            }
          }
          // After the calls: a consult whose call ended has ended with it.
          consults.adoptedGone(live);
        });
  }

  // ---- lifecycle and terms ----

  @Override
  public void start() {
    started = true;
    recoveries.scheduleWithFixedDelay(this::guardedRecovery, 5, 5, TimeUnit.SECONDS);
  }

  /**
   * This instance routes from now on (it took the lead, ADR 0030): the waiting order is rebuilt
   * from PostgreSQL and the agents from Redis, as after a restart, and routing passes run.
   */
  @Override
  public void lead() {
    routingThread.runAndWait(this::takeOver);
  }

  /** Another instance routes: passes stop and what this one held is forgotten. */
  @Override
  public void follow() {
    routingThread.runAndWait(this::stepDown);
  }

  private void takeOver() {
    consults.forget();
    RoutingTakeover.Rebuilt rebuilt = takeover.rebuild();
    // Before the first pass, so a caller who left while no instance routed is never offered.
    for (ContactId left : rebuilt.callsLeft()) {
      log.info("caller of {} left while no instance routed", left);
      withdraw(left, WithdrawReason.CUSTOMER_LEFT);
    }
    for (JdbcTakeoverReads.RungCall answered : rebuilt.callsAnswered()) {
      // The agent's answer the last leader did not see: accepted as it would have been.
      try {
        handling.accept(answered.agentId(), answered.contact().id());
      } catch (ContactNotOfferedException | UnknownAgentException notNow) {
        log.warn("call {} not accepted: {}", answered.contact().id(), notNow.getMessage());
      }
    }
    for (JdbcTakeoverReads.Held ended : rebuilt.callsEnded()) {
      log.info(
          "call {} of agent {} ended while no instance routed",
          ended.contact().id(),
          ended.agentId());
      try {
        complete(ended.agentId(), ended.contact().id());
      } catch (ContactNotOfferedException
          | UnknownAgentException
          | AgentStateConflictException gone) {
        log.warn("call {} not completed: {}", ended.contact().id(), gone.getMessage());
      }
    }
    // After the calls are their agents' again, before the first pass offers the consulted agents
    // anything else.
    for (TakeoverConsults.Kept kept : rebuilt.consults()) {
      consults.restore(kept.consult(), kept.outcome());
    }
    routingThread.startPasses(passInterval);
    log.info(
        "routing started: {} queues, {} contacts waiting again, {} agents back holding {}",
        queues.size(),
        rebuilt.waiting() - rebuilt.callsLeft().size(),
        statuses.count(),
        rebuilt.held() - rebuilt.callsEnded().size() + rebuilt.callsAnswered().size());
  }

  private void stepDown() {
    routingThread.stopPasses();
    takeover.forget();
    consults.forget();
    log.info("routing stopped on this instance: another one routes");
  }

  @Override
  public void stop() {
    started = false;
    routingThread.shutdown();
    recoveries.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return started;
  }
}

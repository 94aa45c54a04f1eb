package io.contactcenter.campaigns.internal;

import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.campaigns.DoNotCallList;
import io.contactcenter.campaigns.internal.domain.AttemptResult;
import io.contactcenter.campaigns.internal.domain.CallWindow;
import io.contactcenter.campaigns.internal.domain.CallWindowPolicy;
import io.contactcenter.campaigns.internal.domain.DialDecision;
import io.contactcenter.campaigns.internal.domain.FrequencyCap;
import io.contactcenter.campaigns.internal.domain.RetryDecision;
import io.contactcenter.campaigns.internal.domain.RetryPolicy;
import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.DialogueCompleted;
import io.contactcenter.outboundrobot.DoNotCallRequested;
import io.contactcenter.outboundrobot.PlaceCallRequest;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.pbx.CallAnswered;
import io.contactcenter.pbx.CallEnded;
import io.contactcenter.pbx.PbxUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dials due contacts of running campaigns and applies each attempt's result. Every instance runs
 * one loop; row locks share the contacts out and Redis shares the limits.
 *
 * <p>Exactly once per attempt: an attempt row (unique per contact and attempt number) is committed
 * before the robot is asked to dial it, under the same id the robot stores before originating
 * (idempotently) and Asterisk carries as {@code CC_ATTEMPT_ID}. After a crash, {@link #maintain}
 * hands attempts the robot never received to it again (it dials those once) and settles the ones
 * whose call died with the process, after asking Asterisk which calls are still up; only then may
 * the retry policy make a new attempt.
 */
class Dialer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Dialer.class);

  private final JdbcCampaignStore store;
  private final RobotCalls robot;
  private final RedisDialPacer pacer;
  private final DoNotCallList doNotCall;
  private final CampaignProperties config;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final CallWindowPolicy windows = new CallWindowPolicy();
  private final FrequencyCap frequencyCap;
  private final String nodeId;

  /** Dial outcome of an attempt Asterisk never received; not counted against the contact. */
  static final String NOT_DIALED = "NOT_DIALED";

  private static final Duration NOT_DIALED_RETRY = Duration.ofSeconds(30);
  // A slot's start is at most one burst (one second of the rate) ahead; bound it all the same.
  private static final Duration MAX_START_DELAY = Duration.ofSeconds(2);

  private volatile boolean running;
  private Thread loop;

  Dialer(
      JdbcCampaignStore store,
      RobotCalls robot,
      RedisDialPacer pacer,
      DoNotCallList doNotCall,
      CampaignProperties config,
      TransactionTemplate tx,
      Clock clock,
      String nodeId) {
    this.store = store;
    this.robot = robot;
    this.pacer = pacer;
    this.doNotCall = doNotCall;
    this.config = config;
    this.tx = tx;
    this.clock = clock;
    this.frequencyCap = new FrequencyCap(config.perNumberPerDay(), config.perNumberPer7Days());
    this.nodeId = nodeId;
  }

  // ------------------------------------------------------------------------------------ dialing

  /**
   * What one tick decided to dial, placed after the claim is committed: an attempt recorded and
   * holding its call slot, to be dialed at {@code startAt}.
   */
  private record Claimed(
      String attemptId, JdbcCampaignStore.DueContact contact, Campaign campaign, Instant startAt) {}

  private volatile boolean pbxDownReported;

  /** One pass over the running campaigns; returns the attempts it placed. */
  int tick() {
    int placed = 0;
    // No attempt is claimed while Asterisk cannot take it: an outage must not use up contacts'
    // attempts. (Redis being down likewise stops the claim, in the pacer.)
    if (!robot.available()) {
      if (!pbxDownReported) {
        log.warn("Asterisk is unavailable: campaigns dial nothing until it is back");
        pbxDownReported = true;
      }
      return 0;
    }
    if (pbxDownReported) {
      log.info("Asterisk is available again: campaigns dial");
      pbxDownReported = false;
    }
    List<Claimed> due = new ArrayList<>();
    for (Campaign campaign : store.inState(CampaignState.RUNNING)) {
      MDC.put("campaignId", campaign.campaignId());
      try {
        due.addAll(claim(campaign));
      } catch (DataAccessException e) {
        log.warn(
            "campaign {}: dialing paused this tick: {}", campaign.campaignId(), e.getMessage());
      } finally {
        MDC.remove("campaignId");
      }
    }
    // All campaigns' calls in the order of their start times: one campaign's spacing does not
    // hold back another's.
    due.sort(Comparator.comparing(Claimed::startAt));
    for (Claimed c : due) {
      MDC.put("campaignId", c.campaign().campaignId());
      try {
        waitUntil(c.startAt());
        place(c);
        placed++;
      } catch (DataAccessException e) {
        // Recorded but not placed: recovery places it (redeliver) once it is old enough.
        log.warn("attempt {} not placed this tick: {}", c.attemptId(), e.getMessage());
      } finally {
        MDC.remove("campaignId");
      }
    }
    return placed;
  }

  private List<Claimed> claim(Campaign campaign) {
    List<Claimed> claimed = new ArrayList<>();
    try {
      tx.executeWithoutResult(
          status -> {
            Instant now = clock.instant();
            CallWindow window =
                CallWindow.parse(campaign.callWindow()).withHolidays(campaign.holidays());
            for (JdbcCampaignStore.DueContact contact :
                store.lockDue(campaign.campaignId(), now, config.dialer().batch())) {
              if (store.onDoNotCall(contact.phone())) {
                store.cancelContact(contact.contactId(), "do-not-call list");
                continue;
              }
              if (campaign.type() == CampaignType.REACTIVATE
                  && !store.hasConsent(contact.phone())) {
                store.cancelContact(contact.contactId(), "no consent record for re-activation");
                continue;
              }
              if (!windows.isOpen(window, contact.zone(), now, config.minWindowRemaining())) {
                Optional<Instant> opening = windows.nextOpening(window, contact.zone(), now);
                if (opening.isEmpty()) {
                  store.cancelContact(contact.contactId(), "the call window never opens");
                } else {
                  store.postpone(contact.contactId(), later(opening.get(), now));
                }
                continue;
              }
              DialDecision cap =
                  frequencyCap.check(
                      store.callsTo(contact.phone(), now.minus(Duration.ofDays(8))),
                      contact.zone(),
                      now);
              if (cap instanceof DialDecision.Rejected rejected) {
                store.postpone(
                    contact.contactId(),
                    rejected.nextAllowed().orElse(now.plus(Duration.ofDays(1))));
                continue;
              }
              String attemptId = "robot-" + UUID.randomUUID();
              RedisDialPacer.Slot slot =
                  pacer.acquire(
                      campaign.campaignId(),
                      robot.trunk(),
                      attemptId,
                      campaign.maxConcurrent(),
                      campaign.maxPerSecond(),
                      config.pacing().trunkMaxConcurrent(),
                      config.pacing().trunkMaxPerSecond());
              if (!slot.granted()) {
                break;
              }
              claimed.add(new Claimed(attemptId, contact, campaign, slot.startAt()));
              store.insertAttempt(attemptId, contact, contact.attempts() + 1, nodeId, now);
            }
          });
    } catch (RuntimeException e) {
      // Nothing was committed: give back the slots the claim took.
      claimed.forEach(c -> pacer.release(campaign.campaignId(), robot.trunk(), c.attemptId()));
      throw e;
    }
    return claimed;
  }

  /**
   * Waits for an attempt's start time from the pacer (at most about a second): the calls of a batch
   * go out evenly spaced instead of all at once. The attempt is recorded and holds its slot, so it
   * is dialed even if the wait is interrupted.
   */
  private void waitUntil(Instant startAt) {
    long millis = Duration.between(clock.instant(), startAt).toMillis();
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(Math.min(millis, MAX_START_DELAY.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A window's next opening is never "now" while it is closed; keep the loop from spinning. */
  private static Instant later(Instant opening, Instant now) {
    return opening.isAfter(now) ? opening : now.plusSeconds(60);
  }

  private void place(Claimed c) {
    try {
      robot.place(
          new PlaceCallRequest(
              c.attemptId(),
              c.contact().phone(),
              c.campaign().type(),
              c.campaign().scriptId(),
              c.campaign().scriptVersion(),
              c.campaign().language(),
              c.contact().variables(),
              "campaign:" + c.campaign().campaignId()));
      log.info("campaign {} attempt {} placed", c.campaign().campaignId(), c.attemptId());
    } catch (PbxUnavailableException e) {
      // Asterisk went away between the check and the originate: nothing reached the network.
      // The attempt stays recorded (its number is used) but does not count against the contact,
      // who is due again shortly.
      log.warn("attempt {} could not be dialed: {}", c.attemptId(), e.getMessage());
      tx.executeWithoutResult(
          status -> {
            if (store.lockOpenAttempt(c.attemptId()).isPresent()) {
              store.finishAttempt(c.attemptId(), NOT_DIALED, null, null, clock.instant());
              store.contactAfterAttempt(
                  c.contact().contactId(),
                  "PENDING",
                  clock.instant().plus(NOT_DIALED_RETRY),
                  false,
                  NOT_DIALED);
            }
          });
      pacer.release(c.campaign().campaignId(), robot.trunk(), c.attemptId());
    } catch (IllegalArgumentException e) {
      // The contact's values cannot be spoken (checked at import, so only after a script change):
      // the robot stored nothing; the contact ends without a call.
      log.warn("attempt {} refused by the robot: {}", c.attemptId(), e.getMessage());
      tx.executeWithoutResult(
          status -> {
            store.finishAttempt(c.attemptId(), "FAILED", null, null, clock.instant());
            store.contactAfterAttempt(c.contact().contactId(), "DONE", null, false, "invalid");
          });
      pacer.release(c.campaign().campaignId(), robot.trunk(), c.attemptId());
    }
  }

  // ----------------------------------------------------------------------------------- settling

  /**
   * Applies a finished robot attempt to its contact: retry at a later time or done. Idempotent;
   * does nothing while the robot is still on the call or the channel is not down yet: the call's
   * concurrency slot is held until Asterisk has really hung up.
   */
  void settle(String attemptId) {
    Optional<RobotAttempt> robotAttempt = robot.find(attemptId);
    if (robotAttempt.isEmpty()
        || !"FINISHED".equals(robotAttempt.get().status())
        || robotAttempt.get().endedAt() == null) {
      return;
    }
    RobotAttempt result = robotAttempt.get();
    Optional<Campaign> released =
        tx.execute(
            status -> {
              Optional<JdbcCampaignStore.OpenAttempt> open = store.lockOpenAttempt(attemptId);
              if (open.isEmpty()) {
                return Optional.<Campaign>empty();
              }
              Campaign campaign = store.find(open.get().campaignId()).orElseThrow();
              apply(campaign, open.get(), result);
              return Optional.of(campaign);
            });
    released.ifPresent(c -> pacer.release(c.campaignId(), robot.trunk(), attemptId));
  }

  private void apply(Campaign campaign, JdbcCampaignStore.OpenAttempt open, RobotAttempt result) {
    Instant now = clock.instant();
    Instant endedAt = result.endedAt() == null ? now : result.endedAt();
    AttemptResult kind = resultOf(result);
    String outcomeCode = result.outcome() != null ? result.outcome() : result.dialOutcome();
    store.finishAttempt(
        open.attemptId(), result.dialOutcome(), result.outcome(), result.callbackAt(), endedAt);
    RetryDecision decision =
        retryPolicy(campaign)
            .decide(
                kind,
                store.dialedAttempts(open.contactId()),
                callbacksSoFar(open),
                endedAt,
                result.callbackAt());
    if (decision instanceof RetryDecision.RetryAt retry
        && campaign.state() != CampaignState.STOPPED) {
      store.contactAfterAttempt(
          open.contactId(),
          "PENDING",
          retry.notBefore(),
          kind == AttemptResult.CALLBACK_REQUESTED,
          outcomeCode);
      log.info("attempt {} ended {}: {}", open.attemptId(), outcomeCode, decision.reason());
    } else {
      store.contactAfterAttempt(open.contactId(), "DONE", null, false, outcomeCode);
      log.info(
          "attempt {} ended {}: contact done ({})",
          open.attemptId(),
          outcomeCode,
          decision.reason());
    }
  }

  private int callbacksSoFar(JdbcCampaignStore.OpenAttempt open) {
    return store.callbacks(open.contactId());
  }

  private RetryPolicy retryPolicy(Campaign campaign) {
    CampaignProperties.Retry retry = config.retry();
    Map<AttemptResult, Duration> spacing = new EnumMap<>(AttemptResult.class);
    spacing.put(AttemptResult.NO_ANSWER, retry.noAnswer());
    spacing.put(AttemptResult.BUSY, retry.busy());
    spacing.put(AttemptResult.FAILED, retry.failed());
    spacing.put(AttemptResult.VOICEMAIL, retry.voicemail());
    spacing.put(AttemptResult.CALLBACK_REQUESTED, retry.callback());
    spacing.put(AttemptResult.HUNG_UP, retry.hungUp());
    spacing.put(AttemptResult.NO_RESPONSE, retry.noResponse());
    return new RetryPolicy(campaign.maxAttempts(), retry.maxCallbacks(), spacing);
  }

  /** How the robot's result reads for the retry policy. */
  static AttemptResult resultOf(RobotAttempt attempt) {
    String dial = attempt.dialOutcome() == null ? "FAILED" : attempt.dialOutcome();
    if (!"ANSWERED".equals(dial)) {
      return switch (dial) {
        case "NO_ANSWER" -> AttemptResult.NO_ANSWER;
        case "BUSY", "CONGESTION" -> AttemptResult.BUSY;
        default -> AttemptResult.FAILED;
      };
    }
    String outcome = attempt.outcome() == null ? "FAILED" : attempt.outcome();
    return switch (outcome) {
      case "CALLBACK_SCHEDULED" -> AttemptResult.CALLBACK_REQUESTED;
      case "VOICEMAIL" -> AttemptResult.VOICEMAIL;
      case "HUNG_UP" -> AttemptResult.HUNG_UP;
      case "NO_RESPONSE" -> AttemptResult.NO_RESPONSE;
      case "FAILED" -> AttemptResult.FAILED;
      default -> AttemptResult.FINAL;
    };
  }

  // -------------------------------------------------------------------------------- maintenance

  /**
   * What the clustered Quartz job runs every few seconds on one instance: recover from crashes,
   * settle finished attempts, start scheduled campaigns, complete finished ones.
   */
  void maintain() {
    robot.recoverInterrupted(config.recoveryGrace());
    Instant graceLimit = clock.instant().minus(config.recoveryGrace());
    for (JdbcCampaignStore.OpenAttempt open : store.openAttempts(500)) {
      Optional<RobotAttempt> known = robot.find(open.attemptId());
      if (known.isEmpty()) {
        if (open.createdAt().isBefore(graceLimit)) {
          redeliver(open);
        }
      } else {
        settle(open.attemptId());
      }
    }
    Instant now = clock.instant();
    for (Campaign campaign : store.inState(CampaignState.SCHEDULED)) {
      if (campaign.startsAt() == null || !campaign.startsAt().isAfter(now)) {
        store.state(campaign.campaignId(), CampaignState.RUNNING);
        log.info("campaign {} started at its scheduled time", campaign.campaignId());
      }
    }
    for (Campaign campaign : store.inState(CampaignState.RUNNING)) {
      if (store.countContacts(campaign.campaignId(), "PENDING") == 0
          && store.countContacts(campaign.campaignId(), "CALLING") == 0) {
        store.state(campaign.campaignId(), CampaignState.COMPLETED);
        log.info("campaign {} completed: every contact is done", campaign.campaignId());
      }
    }
  }

  /**
   * An attempt recorded by an instance that died before handing it to the robot: hand it over now.
   * The robot stores the id before dialing, so even if that instance did hand it over after all,
   * the number is dialed once.
   */
  private void redeliver(JdbcCampaignStore.OpenAttempt open) {
    Optional<Campaign> campaign = store.find(open.campaignId());
    Optional<JdbcCampaignStore.DueContact> contact = store.contact(open.contactId());
    if (campaign.isEmpty() || contact.isEmpty()) {
      return;
    }
    if (doNotCall.contains(contact.get().phone())
        || campaign.get().state() == CampaignState.STOPPED) {
      tx.executeWithoutResult(
          status -> {
            store.finishAttempt(open.attemptId(), null, null, null, clock.instant());
            store.contactAfterAttempt(open.contactId(), "CANCELLED", null, false, "not dialed");
          });
      return;
    }
    log.warn(
        "attempt {} was recorded but never reached the robot: placing it now", open.attemptId());
    place(new Claimed(open.attemptId(), contact.get(), campaign.get(), clock.instant()));
  }

  // ---------------------------------------------------------------------------------- listeners

  @TransactionalEventListener(fallbackExecution = true)
  void on(io.contactcenter.pbx.OriginateFailed failed) {
    if (failed.attemptId() != null) {
      settle(failed.attemptId());
    }
  }

  @EventListener
  void on(DialogueCompleted completed) {
    settle(completed.attemptId());
  }

  // Call events are published inside the PBX module's transaction (with the call record): act
  // after it commits, so the robot's record of the end is visible and a failure here cannot undo
  // the call record. The maintenance job settles anything these miss.

  @TransactionalEventListener(fallbackExecution = true)
  void on(CallEnded ended) {
    if (ended.attemptId() != null) {
      settle(ended.attemptId());
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CallAnswered answered) {
    if (answered.attemptId() != null) {
      tx.executeWithoutResult(status -> store.answered(answered.attemptId(), answered.at()));
    }
  }

  @EventListener
  void on(DoNotCallRequested request) {
    doNotCall.add(request.phone(), "robot:" + request.attemptId());
  }

  // ---------------------------------------------------------------------------------- lifecycle

  @Override
  public void start() {
    if (!config.dialer().enabled()) {
      log.info("this instance does not dial (cc.campaigns.dialer.enabled=false)");
      return;
    }
    running = true;
    loop = Thread.ofVirtual().name("campaign-dialer").start(this::run);
  }

  private void run() {
    long period = config.dialer().tick().toNanos();
    while (running) {
      long started = System.nanoTime();
      try {
        tick();
      } catch (RuntimeException e) {
        log.warn("dialer tick failed, trying again: {}", e.toString());
      }
      // Ticks start at a fixed rate, not after a fixed pause: a pause after a long tick (a large
      // batch, a slow database) would leave the pacer idle for longer than the one second of
      // burst it saves up, and the campaign would dial below its attempts-per-second limit.
      long rest = period - (System.nanoTime() - started);
      try {
        if (rest > 0) {
          Thread.sleep(Duration.ofNanos(rest));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    if (loop != null) {
      loop.interrupt();
      try {
        loop.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // Stop dialing before the robot, the PBX connection and the database go away.
    return Integer.MAX_VALUE - 100;
  }
}

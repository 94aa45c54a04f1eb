package io.contactcenter.campaigns.internal;

import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.campaigns.internal.domain.DialDecision;
import io.contactcenter.campaigns.internal.domain.DialPlanner;
import io.contactcenter.campaigns.internal.domain.StartSpacing;
import io.contactcenter.common.AttemptId;
import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.CallRefusedException;
import io.contactcenter.outboundrobot.PlaceCallRequest;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.pbx.PbxUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dials due contacts of running campaigns. Every instance runs one loop; row locks share the
 * contacts out and Redis shares the limits. The robot announces each attempt's end, which {@link
 * AttemptSettlement} applies; {@link CampaignRecovery} hands over attempts a crash left behind.
 *
 * <p>Exactly once per attempt: an attempt row (unique per contact and attempt number) is committed
 * before the robot is asked to dial it, under the same id the robot stores before originating
 * (idempotently) and Asterisk carries as {@code CC_ATTEMPT_ID}.
 */
class Dialer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Dialer.class);

  private final JdbcCampaigns campaigns;
  private final JdbcContacts contacts;
  private final JdbcAttempts attempts;
  private final JdbcDoNotCall doNotCallStore;
  private final RobotCalls robot;
  private final RedisDialPacer pacer;
  private final AttemptSettlement settlement;
  private final CampaignProperties config;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final CampaignPolicies policies;
  private final String nodeId;

  // A slot's start is at most one burst (one second of the rate) ahead; bound it all the same.
  private static final Duration MAX_START_DELAY = Duration.ofSeconds(2);

  // Late starts re-spaced at the rate; only the dial loop's thread uses it.
  private final StartSpacing spacing = new StartSpacing();

  private volatile boolean running;
  private Thread loop;

  Dialer(
      JdbcCampaigns campaigns,
      JdbcContacts contacts,
      JdbcAttempts attempts,
      JdbcDoNotCall doNotCallStore,
      RobotCalls robot,
      RedisDialPacer pacer,
      AttemptSettlement settlement,
      CampaignProperties config,
      TransactionTemplate tx,
      Clock clock,
      String nodeId) {
    this.campaigns = campaigns;
    this.contacts = contacts;
    this.attempts = attempts;
    this.doNotCallStore = doNotCallStore;
    this.robot = robot;
    this.pacer = pacer;
    this.settlement = settlement;
    this.config = config;
    this.tx = tx;
    this.clock = clock;
    this.policies = new CampaignPolicies(config);
    this.nodeId = nodeId;
  }

  // ------------------------------------------------------------------------------------ dialing

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
    List<ClaimedAttempt> due = new ArrayList<>();
    for (Campaign campaign : campaigns.inState(CampaignState.RUNNING)) {
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
    due.sort(Comparator.comparing(ClaimedAttempt::startAt));
    for (ClaimedAttempt c : due) {
      MDC.put("campaignId", c.campaign().campaignId());
      try {
        waitUntil(
            spacing.startAt(
                c.campaign().campaignId(),
                c.startAt(),
                c.campaign().maxPerSecond(),
                config.pacing().trunkMaxPerSecond()));
        spacing.started(c.campaign().campaignId(), clock.instant());
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

  private List<ClaimedAttempt> claim(Campaign campaign) {
    List<ClaimedAttempt> claimed = new ArrayList<>();
    try {
      tx.executeWithoutResult(
          status -> {
            Instant now = clock.instant();
            DialPlanner planner = policies.planner(campaign);
            for (JdbcContacts.DueContact contact :
                contacts.lockDue(campaign.campaignId(), now, config.dialer().batch())) {
              if (doNotCallStore.onDoNotCall(contact.phone())) {
                contacts.cancelContact(contact.contactId(), "do-not-call list");
                continue;
              }
              if (campaign.type() == CampaignType.REACTIVATE
                  && !doNotCallStore.hasConsent(contact.phone())) {
                contacts.cancelContact(contact.contactId(), "no consent record for re-activation");
                continue;
              }
              // The window (with the least time it must still be open) decides when to dial.
              Optional<Instant> dialAt = planner.firstDialTime(contact.zone(), now);
              if (dialAt.isEmpty()) {
                contacts.cancelContact(contact.contactId(), "the call window never opens");
                continue;
              }
              if (dialAt.get().isAfter(now)) {
                contacts.postpone(contact.contactId(), dialAt.get());
                continue;
              }
              DialDecision cap =
                  policies
                      .frequencyCap()
                      .check(
                          attempts.callsTo(contact.phone(), now.minus(Duration.ofDays(8))),
                          contact.zone(),
                          now);
              if (cap instanceof DialDecision.Rejected rejected) {
                contacts.postpone(
                    contact.contactId(),
                    rejected.nextAllowed().orElse(now.plus(Duration.ofDays(1))));
                continue;
              }
              AttemptId attemptId = PlaceCallRequest.newAttemptId();
              RedisDialPacer.Slot slot =
                  pacer.acquire(
                      campaign.campaignId(),
                      robot.trunk(),
                      attemptId.value(),
                      campaign.maxConcurrent(),
                      campaign.maxPerSecond(),
                      config.pacing().trunkMaxConcurrent(),
                      config.pacing().trunkMaxPerSecond());
              if (!slot.granted()) {
                break;
              }
              claimed.add(new ClaimedAttempt(attemptId, contact, campaign, slot.startAt()));
              attempts.insertAttempt(
                  attemptId.value(), contact, contact.attempts() + 1, nodeId, now);
              contacts.calling(contact.contactId(), contact.attempts() + 1);
            }
          });
    } catch (RuntimeException e) {
      // Nothing was committed: give back the slots the claim took.
      claimed.forEach(
          c -> pacer.release(campaign.campaignId(), robot.trunk(), c.attemptId().value()));
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

  /**
   * Hands a recorded attempt to the robot. Its end comes back as the robot's {@code
   * RobotAttemptEnded}, also when Asterisk refuses the call here (then as not dialed).
   */
  void place(ClaimedAttempt c) {
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
      // Asterisk went away between the check and the originate: nothing reached the network. The
      // robot announces the attempt as not dialed; the contact is due again shortly.
      log.warn("attempt {} could not be dialed: {}", c.attemptId(), e.getMessage());
    } catch (CallRefusedException e) {
      // The contact's values cannot be spoken (checked at import, so only after a script change):
      // the robot stored nothing; the contact ends without a call.
      log.warn("attempt {} refused by the robot: {}", c.attemptId(), e.getMessage());
      settlement.refused(c);
    }
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

package io.contactcenter.campaigns.internal;

import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.campaigns.DoNotCallList;
import io.contactcenter.common.AttemptId;
import io.contactcenter.outboundrobot.RobotAttemptEnded;
import io.contactcenter.outboundrobot.RobotCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the clustered Quartz job runs every few seconds on one instance: recovery from crashes and
 * the campaigns' own schedule. It never dials a new attempt.
 *
 * <ul>
 *   <li>The robot settles calls a crash cut off, once Asterisk confirms they are gone ({@link
 *       RobotCalls#recoverInterrupted}); it announces their end like any other.
 *   <li>An end whose settling failed (the database was briefly away) is delivered again.
 *   <li>An attempt recorded by an instance that died before handing it to the robot is handed over
 *       now; the robot dials an id at most once, so this is safe even if it did get it.
 *   <li>Scheduled campaigns start; running ones with nobody left to call complete.
 * </ul>
 */
class CampaignRecovery {

  private static final Logger log = LoggerFactory.getLogger(CampaignRecovery.class);

  /** How long a settling may be in flight before it counts as failed and is delivered again. */
  static final Duration REDELIVER_ENDS_AFTER = Duration.ofMinutes(1);

  private final JdbcCampaigns campaigns;
  private final JdbcContacts contacts;
  private final JdbcAttempts attempts;
  private final RobotCalls robot;
  private final Dialer dialer;
  private final DoNotCallList doNotCall;
  private final Optional<IncompleteEventPublications> incomplete;
  private final CampaignProperties config;
  private final TransactionTemplate tx;
  private final Clock clock;
  // Quartz runs the job on any of its threads, one run at a time.
  private volatile Instant lastRedelivery;

  CampaignRecovery(
      JdbcCampaigns campaigns,
      JdbcContacts contacts,
      JdbcAttempts attempts,
      RobotCalls robot,
      Dialer dialer,
      DoNotCallList doNotCall,
      Optional<IncompleteEventPublications> incomplete,
      CampaignProperties config,
      TransactionTemplate tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.contacts = contacts;
    this.attempts = attempts;
    this.robot = robot;
    this.dialer = dialer;
    this.doNotCall = doNotCall;
    this.incomplete = incomplete;
    this.config = config;
    this.tx = tx;
    this.clock = clock;
  }

  void maintain() {
    robot.recoverInterrupted(config.recoveryGrace());
    redeliverFailedSettlements();
    Instant graceLimit = clock.instant().minus(config.recoveryGrace());
    for (JdbcAttempts.OpenAttempt open : attempts.openAttempts(500)) {
      if (open.createdAt().isBefore(graceLimit)
          && !robot.isPlaced(AttemptId.of(open.attemptId()))) {
        handOver(open);
      }
    }
    startScheduled();
    completeFinished();
  }

  private void redeliverFailedSettlements() {
    Instant now = clock.instant();
    // The registry reads every incomplete publication to filter them: once a minute is enough.
    if (lastRedelivery != null && lastRedelivery.plus(REDELIVER_ENDS_AFTER).isAfter(now)) {
      return;
    }
    lastRedelivery = now;
    Instant before = now.minus(REDELIVER_ENDS_AFTER);
    incomplete.ifPresent(
        publications ->
            publications.resubmitIncompletePublications(
                p -> isSettlement(p) && p.getPublicationDate().isBefore(before)));
  }

  /** A delivery of a robot attempt's end to {@link AttemptSettlement} (not to Kafka). */
  private static boolean isSettlement(EventPublication publication) {
    return publication.getEvent() instanceof RobotAttemptEnded
        && publication instanceof TargetEventPublication target
        && target.getTargetIdentifier().getValue().contains(AttemptSettlement.class.getName());
  }

  /**
   * An attempt recorded by an instance that died before handing it to the robot: hand it over now.
   * The robot stores the id before dialing, so even if that instance did hand it over after all,
   * the number is dialed once.
   */
  private void handOver(JdbcAttempts.OpenAttempt open) {
    Optional<Campaign> campaign = campaigns.find(open.campaignId());
    Optional<JdbcContacts.DueContact> contact = contacts.contact(open.contactId());
    if (campaign.isEmpty() || contact.isEmpty()) {
      return;
    }
    if (doNotCall.contains(contact.get().phone())
        || campaign.get().state() == CampaignState.STOPPED) {
      tx.executeWithoutResult(
          status -> {
            attempts.finishAttempt(open.attemptId(), null, null, null, clock.instant());
            contacts.contactAfterAttempt(open.contactId(), "CANCELLED", null, false, "not dialed");
          });
      return;
    }
    log.warn(
        "attempt {} was recorded but never reached the robot: placing it now", open.attemptId());
    dialer.place(
        new ClaimedAttempt(
            AttemptId.of(open.attemptId()), contact.get(), campaign.get(), clock.instant()));
  }

  private void startScheduled() {
    Instant now = clock.instant();
    for (Campaign campaign : campaigns.inState(CampaignState.SCHEDULED)) {
      if (campaign.startsAt() == null || !campaign.startsAt().isAfter(now)) {
        campaigns.state(campaign.campaignId(), CampaignState.RUNNING);
        log.info("campaign {} started at its scheduled time", campaign.campaignId());
      }
    }
  }

  private void completeFinished() {
    for (Campaign campaign : campaigns.inState(CampaignState.RUNNING)) {
      if (contacts.countContacts(campaign.campaignId(), "PENDING") == 0
          && contacts.countContacts(campaign.campaignId(), "CALLING") == 0) {
        campaigns.state(campaign.campaignId(), CampaignState.COMPLETED);
        log.info("campaign {} completed: every contact is done", campaign.campaignId());
      }
    }
  }
}

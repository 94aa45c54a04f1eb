package io.contactcenter.campaigns.internal;

import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.campaigns.DoNotCallList;
import io.contactcenter.campaigns.internal.domain.AttemptResult;
import io.contactcenter.campaigns.internal.domain.RetryDecision;
import io.contactcenter.outboundrobot.DialOutcome;
import io.contactcenter.outboundrobot.DialogueOutcome;
import io.contactcenter.outboundrobot.DoNotCallRequested;
import io.contactcenter.outboundrobot.RobotAttemptAnswered;
import io.contactcenter.outboundrobot.RobotAttemptEnded;
import io.contactcenter.outboundrobot.RobotCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the end of each attempt to its contact: a retry at a later time, or done. The robot
 * announces the end once the dialogue and the call are both over ({@link RobotAttemptEnded}); this
 * is the only place that settles an attempt, and settling twice changes nothing (the open attempt
 * row is locked and closed once). The call's concurrency slot is released only then, when Asterisk
 * has really hung up.
 *
 * <p>The listeners run after the publisher's transaction commits, in one of their own, on another
 * thread; the event publication registry delivers each event again until its listener succeeds.
 */
class AttemptSettlement {

  private static final Logger log = LoggerFactory.getLogger(AttemptSettlement.class);

  /** How soon a contact whose call Asterisk never received is due again. */
  static final Duration NOT_DIALED_RETRY = Duration.ofSeconds(30);

  private final JdbcCampaigns campaigns;
  private final JdbcContacts contacts;
  private final JdbcAttempts attempts;
  private final RobotCalls robot;
  private final RedisDialPacer pacer;
  private final DoNotCallList doNotCall;
  private final CampaignPolicies policies;
  private final TransactionTemplate tx;
  private final Clock clock;

  AttemptSettlement(
      JdbcCampaigns campaigns,
      JdbcContacts contacts,
      JdbcAttempts attempts,
      RobotCalls robot,
      RedisDialPacer pacer,
      DoNotCallList doNotCall,
      CampaignPolicies policies,
      TransactionTemplate tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.contacts = contacts;
    this.attempts = attempts;
    this.robot = robot;
    this.pacer = pacer;
    this.doNotCall = doNotCall;
    this.policies = policies;
    this.tx = tx;
    this.clock = clock;
  }

  @ApplicationModuleListener
  public void on(RobotAttemptEnded ended) {
    settle(ended);
  }

  @ApplicationModuleListener
  public void on(RobotAttemptAnswered answered) {
    tx.executeWithoutResult(
        status -> attempts.answered(answered.attemptId().value(), answered.at()));
  }

  // In process and synchronous, in the robot's transaction, as before: the event carries the
  // callee's number, which is kept out of the event publication registry (and Kafka).
  @EventListener
  public void on(DoNotCallRequested request) {
    doNotCall.add(request.phone(), "robot:" + request.attemptId());
  }

  /** Applies an ended attempt to its contact; does nothing if it is settled already. */
  void settle(RobotAttemptEnded ended) {
    String attemptId = ended.attemptId().value();
    Optional<Campaign> released =
        tx.execute(
            status -> {
              Optional<JdbcAttempts.OpenAttempt> open = attempts.lockOpenAttempt(attemptId);
              if (open.isEmpty()) {
                return Optional.<Campaign>empty();
              }
              Campaign campaign = campaigns.find(open.get().campaignId()).orElseThrow();
              apply(campaign, open.get(), ended);
              return Optional.of(campaign);
            });
    released.ifPresent(c -> pacer.release(c.campaignId(), robot.trunk(), attemptId));
  }

  /**
   * The robot refused an attempt before storing it (the contact's values cannot be spoken, which
   * import checks, so only after a script change): the contact ends without a call.
   */
  void refused(ClaimedAttempt c) {
    tx.executeWithoutResult(
        status -> {
          attempts.finishAttempt(
              c.attemptId().value(), DialOutcome.FAILED.name(), null, null, clock.instant());
          contacts.contactAfterAttempt(c.contact().contactId(), "DONE", null, false, "invalid");
        });
    pacer.release(c.campaign().campaignId(), robot.trunk(), c.attemptId().value());
  }

  private void apply(Campaign campaign, JdbcAttempts.OpenAttempt open, RobotAttemptEnded ended) {
    if (!ended.dialOutcome().reachedNetwork()) {
      // Asterisk never received the call: the attempt keeps its number but does not count
      // against the contact, who is due again shortly.
      Instant now = clock.instant();
      attempts.finishAttempt(open.attemptId(), DialOutcome.NOT_DIALED.name(), null, null, now);
      contacts.contactAfterAttempt(
          open.contactId(),
          "PENDING",
          now.plus(NOT_DIALED_RETRY),
          false,
          DialOutcome.NOT_DIALED.name());
      log.info("attempt {} was not dialed: due again shortly", open.attemptId());
      return;
    }
    Instant endedAt = ended.endedAt();
    AttemptResult kind = resultOf(ended.dialOutcome(), ended.outcome());
    String outcome = ended.outcome() == null ? null : ended.outcome().name();
    String outcomeCode = outcome != null ? outcome : ended.dialOutcome().name();
    attempts.finishAttempt(
        open.attemptId(), ended.dialOutcome().name(), outcome, ended.callbackAt(), endedAt);
    RetryDecision decision =
        policies
            .retryPolicy(campaign)
            .decide(
                kind,
                attempts.dialedAttempts(open.contactId()),
                contacts.callbacks(open.contactId()),
                endedAt,
                ended.callbackAt());
    if (decision instanceof RetryDecision.RetryAt retry
        && campaign.state() != CampaignState.STOPPED) {
      contacts.contactAfterAttempt(
          open.contactId(),
          "PENDING",
          retry.notBefore(),
          kind == AttemptResult.CALLBACK_REQUESTED,
          outcomeCode);
      log.info("attempt {} ended {}: {}", open.attemptId(), outcomeCode, decision.reason());
    } else {
      contacts.contactAfterAttempt(open.contactId(), "DONE", null, false, outcomeCode);
      log.info(
          "attempt {} ended {}: contact done ({})",
          open.attemptId(),
          outcomeCode,
          decision.reason());
    }
  }

  /** How the robot's result reads for the retry policy. */
  static AttemptResult resultOf(DialOutcome dial, DialogueOutcome outcome) {
    return switch (dial) {
      case NO_ANSWER -> AttemptResult.NO_ANSWER;
      case BUSY, CONGESTION -> AttemptResult.BUSY;
      case FAILED, NOT_DIALED -> AttemptResult.FAILED;
      case VOICEMAIL -> AttemptResult.VOICEMAIL;
      case ANSWERED ->
          switch (outcome == null ? DialogueOutcome.FAILED : outcome) {
            case CALLBACK_SCHEDULED -> AttemptResult.CALLBACK_REQUESTED;
            case VOICEMAIL -> AttemptResult.VOICEMAIL;
            case HUNG_UP -> AttemptResult.HUNG_UP;
            case NO_RESPONSE -> AttemptResult.NO_RESPONSE;
            case FAILED -> AttemptResult.FAILED;
            case AGREED,
                ALREADY_DONE,
                REFUSED,
                WRONG_PERSON,
                TRANSFERRED,
                DO_NOT_CALL,
                QUESTION_TICKET,
                COMPLAINT_TICKET ->
                AttemptResult.FINAL;
          };
    };
  }
}

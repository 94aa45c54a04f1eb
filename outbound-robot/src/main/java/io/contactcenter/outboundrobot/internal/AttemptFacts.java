package io.contactcenter.outboundrobot.internal;

import io.contactcenter.common.AttemptId;
import io.contactcenter.common.CallId;
import io.contactcenter.outboundrobot.DialOutcome;
import io.contactcenter.outboundrobot.DialogueCompleted;
import io.contactcenter.outboundrobot.RobotAttemptAnswered;
import io.contactcenter.outboundrobot.RobotAttemptEnded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what happens to robot attempts and announces each attempt's end once. An attempt is over
 * when its dialogue (if any) has an outcome and its call is down; these arrive in any order (the
 * dialogue thread, call events, crash recovery), so every change runs in a transaction of its own
 * and, if it leaves the attempt over, publishes {@link RobotAttemptEnded} in that transaction: the
 * event publication registry (the outbox) then delivers it to listeners and to Kafka. A mark on the
 * row ({@link JdbcRobotAttempts#claimEnd}) makes it once.
 *
 * <p>Transactions are always new ones: call events arrive after the PBX module's transaction has
 * committed. Thread-safe.
 */
final class AttemptFacts {

  private static final Logger log = LoggerFactory.getLogger(AttemptFacts.class);

  private final JdbcRobotAttempts attempts;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  AttemptFacts(
      JdbcRobotAttempts attempts,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.attempts = attempts;
    this.events = events;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Publishes one of the dialogue's result events through the outbox; after {@link
   * DialogueCompleted} (the dialogue's outcome is stored) the attempt's end too if its call is down
   * already.
   */
  void publish(Object event) {
    tx.executeWithoutResult(
        status -> {
          events.publishEvent(event);
          if (event instanceof DialogueCompleted completed) {
            announceIfOver(completed.attemptId());
          }
        });
  }

  void answered(String attemptId, String callId, Instant at) {
    tx.executeWithoutResult(
        status -> {
          attempts.answered(attemptId, callId, at);
          events.publishEvent(
              new RobotAttemptAnswered(AttemptId.of(attemptId), CallId.of(callId), at));
        });
  }

  void dialFailed(String attemptId, DialOutcome outcome, Instant at) {
    change(
        attemptId,
        () -> {
          attempts.dialFailed(attemptId, outcome.name(), at);
          return true;
        });
  }

  void ended(String attemptId, Instant at) {
    change(
        attemptId,
        () -> {
          attempts.ended(attemptId, at);
          return true;
        });
  }

  /**
   * Asterisk refused the call as it was placed: stored as dial outcome FAILED, announced as {@link
   * DialOutcome#NOT_DIALED} so that the campaign does not count an attempt that never rang.
   */
  void notDialed(String attemptId) {
    tx.executeWithoutResult(
        status -> {
          Instant now = clock.instant();
          attempts.dialFailed(attemptId, DialOutcome.FAILED.name(), now);
          attempts
              .claimEnd(attemptId, now)
              .map(
                  end ->
                      new RobotAttemptEnded(
                          end.attemptId(),
                          DialOutcome.NOT_DIALED,
                          null,
                          null,
                          null,
                          null,
                          end.endedAt()))
              .ifPresent(events::publishEvent);
        });
  }

  /** See {@link JdbcRobotAttempts#interrupted}. */
  boolean interrupted(String attemptId) {
    return change(attemptId, () -> attempts.interrupted(attemptId, clock.instant()));
  }

  /** See {@link JdbcRobotAttempts#endedUnseen}. */
  boolean endedUnseen(String attemptId) {
    return change(attemptId, () -> attempts.endedUnseen(attemptId, clock.instant()));
  }

  /**
   * Announces the ends that were recorded but never announced before {@code endedBefore} (the
   * instance died in between).
   *
   * @return how many were announced
   */
  int announceOverdue(Instant endedBefore) {
    int announced = 0;
    for (String attemptId : attempts.unannouncedEnds(endedBefore)) {
      if (Boolean.TRUE.equals(tx.execute(status -> announceIfOver(attemptId)))) {
        log.warn("robot call {} was over but its end never announced: announced now", attemptId);
        announced++;
      }
    }
    return announced;
  }

  /** How long after its end an unannounced attempt counts as overdue. */
  static final Duration OVERDUE = Duration.ofSeconds(30);

  private boolean change(String attemptId, Supplier<Boolean> update) {
    return Boolean.TRUE.equals(
        tx.execute(
            status -> {
              boolean changed = update.get();
              announceIfOver(attemptId);
              return changed;
            }));
  }

  private boolean announceIfOver(String attemptId) {
    return attempts
        .claimEnd(attemptId, clock.instant())
        .map(
            end -> {
              events.publishEvent(end);
              log.info("robot call {} over: {} {}", attemptId, end.dialOutcome(), end.outcome());
              return true;
            })
        .orElse(false);
  }
}

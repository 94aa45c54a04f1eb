package io.contactcenter.campaigns.internal.domain;

/**
 * How one dial attempt, and the dialogue if it was answered, ended: what {@link RetryPolicy} reads.
 */
public enum AttemptResult {
  /** Rang out unanswered. */
  NO_ANSWER,
  /** The line was busy. */
  BUSY,
  /** The call could not be placed: congestion, unreachable, trunk or dialogue failure. */
  FAILED,
  /** An answering machine or voicemail picked up. */
  VOICEMAIL,
  /** The callee asked to be called back, usually at a named time. */
  CALLBACK_REQUESTED,
  /** The callee hung up before the dialogue reached an end. */
  HUNG_UP,
  /** Silence or unintelligible replies until the dialogue gave up. */
  NO_RESPONSE,
  /**
   * The contact is done: agreed, already done, refused, do not call, transferred to a human, a
   * ticket opened, or a wrong person answered. Never retried.
   */
  FINAL
}

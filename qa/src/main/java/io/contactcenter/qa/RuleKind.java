package io.contactcenter.qa;

/** What a QA rule checks in a conversation. */
public enum RuleKind {
  /** One of the rule's phrases must be said, optionally within a time from the start. */
  REQUIRED_PHRASE,
  /** None of the rule's phrases may be said; every occurrence is a hit. */
  FORBIDDEN_PHRASE,
  /** No silence between words longer than the rule's limit. */
  MAX_SILENCE,
  /** No stretch of both parties speaking at once longer than the rule's limit. */
  TALK_OVER,
  /** The speaker's words per minute (characters for Chinese) stay at most the rule's rate. */
  SPEAKING_RATE,
  /**
   * Sentiment or complaint signals: every place the customer (or the rule's speaker) complains or
   * is angry, by a built-in English and Chinese lexicon plus the rule's own phrases, is a hit; a
   * conversation with one is always picked for review. Weight 0 flags without lowering the score.
   */
  COMPLAINT,
  /**
   * No hold longer than the rule's limit: a hold starts when the agent (or the rule's speaker) asks
   * the customer to wait (built-in phrases such as "please hold" or "请稍等", or the rule's own) and
   * lasts until that speaker speaks (writes) again.
   */
  HOLD_TIME,
  /**
   * Other rules combined: met when all ({@code AND}) or any ({@code OR}) of its parts are met.
   * Parts are evaluated even when disabled, so a disabled rule can serve only as a part.
   */
  COMBINED
}

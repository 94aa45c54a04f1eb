package io.contactcenter.ivr.internal.domain;

/** What the caller answered to a question. */
public sealed interface CallerInput {

  /** Keys pressed, without the terminating '#'. */
  record Keys(String digits) implements CallerInput {}

  /** Speech recognized with the question's grammar; {@code [unk]} when it matched no phrase. */
  record Speech(String text) implements CallerInput {}

  /** Nothing before the timeout. */
  record NoInput() implements CallerInput {}
}

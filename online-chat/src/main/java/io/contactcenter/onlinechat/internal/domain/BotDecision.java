package io.contactcenter.onlinechat.internal.domain;

import java.util.List;

/** What the bot does with one visitor message. */
public sealed interface BotDecision {

  /** Confident: answer from this FAQ. */
  record Answer(FaqMatch best, List<FaqMatch> alternatives) implements BotDecision {}

  /** Torn between a few FAQs: offer them and let the visitor pick. */
  record Clarify(List<FaqMatch> options) implements BotDecision {}

  /** Not confident at all, but the visitor still has tries left: ask to rephrase. */
  record Rephrase(List<FaqMatch> alternatives) implements BotDecision {}

  /** The visitor asks about an order the platform told us about. */
  record OrderQuestion(String orderId) implements BotDecision {}

  /** A human takes over. */
  record Handoff(HandoffReason reason, List<FaqMatch> alternatives) implements BotDecision {}

  /** Why the bot handed over. */
  enum HandoffReason {
    ASKED_FOR_HUMAN,
    ANGRY,
    OUT_OF_SCOPE,
    FAILED_TWICE
  }
}

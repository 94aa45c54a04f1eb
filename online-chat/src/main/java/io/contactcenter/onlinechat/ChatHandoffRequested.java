package io.contactcenter.onlinechat;

import java.time.Instant;
import java.util.Objects;

/**
 * A chat is to be served by a human: the routing engine routes it to an agent; until it does, the
 * conversation waits in the agent inbox. Published once per handoff, after the conversation is
 * stored as waiting; listeners key on {@code conversationId} and {@code at}.
 *
 * @param customerId the shop's customer id from a verified identity token, null for an anonymous
 *     visitor
 * @param reason why the bot handed over
 */
public record ChatHandoffRequested(
    String conversationId,
    String site,
    ChatLanguage language,
    String customerId,
    String customerName,
    Reason reason,
    Instant at) {

  public ChatHandoffRequested {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }

  /** Why a human is needed. */
  public enum Reason {
    ASKED_FOR_HUMAN,
    ANGRY,
    OUT_OF_SCOPE,
    FAILED_TWICE
  }
}

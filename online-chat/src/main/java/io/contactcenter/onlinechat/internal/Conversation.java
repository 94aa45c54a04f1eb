package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import java.time.Instant;

/** A stored conversation as the services see it. */
record Conversation(
    String conversationId,
    String site,
    String visitorId,
    Customer customer,
    ChatLanguage language,
    State state,
    String agent,
    int failedAnswers,
    long lastSeq,
    Instant createdAt,
    Instant handoffAt,
    String ticketId) {

  enum State {
    BOT,
    WAITING,
    AGENT,
    ENDED
  }

  /** The shop's customer behind an identified visitor; null fields when anonymous. */
  record Customer(String id, String name, String phone, String tier) {
    static final Customer ANONYMOUS = new Customer(null, null, null, null);
  }
}
